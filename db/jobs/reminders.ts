import "server-only";
import { and, eq, gt, isNull, lt, lte } from "drizzle-orm";
import { DateTime } from "luxon";
import { formatDay, formatTime } from "@/lib/dates";
import type { Db } from "../client";
import { getDb } from "../client";
import { remindGuests } from "../mutations/guest-notices";
import { enqueueEmails } from "../mutations/email";
import { notifyMany } from "../mutations/notifications";
import { issueStillComingLinks, stillComingPath } from "../mutations/still-coming";
import { siteUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/words";
import { activities, activityReminders, rsvps } from "../schema";

/*
 * Day-before reminders. An activity's reminder is due at REMINDER_HOUR (18:00) local time in
 * the activity's own zone on the day before it, and is given (in-app and by email) to
 * everyone going at that moment. Exactly once per member, activity and start time: the
 * `activity_reminders` primary key decides, inside the same transaction as the notice, so two
 * runner instances racing give one reminder. The start time is part of the key: an activity
 * moved to another day is reminded about for its new time, and a reminder for the old time is
 * never given (only the current time is ever looked at). Cancelled activities and members who
 * withdrew are not going, so they get nothing; nor does someone who first answered after the
 * reminder time (they have just heard about it).
 */

export const REMINDER_HOUR = 18;

/** When the reminder for an activity starting at `startsAt` in `zone` is due. */
export function reminderDueAt(startsAt: Date, zone: string): Date {
  return DateTime.fromJSDate(startsAt, { zone }).minus({ days: 1 }).set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** Gives every due reminder not yet given. Returns how many members were reminded. */
export async function sendDueReminders(options: { now?: Date; db?: Db } = {}): Promise<number> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  // Due reminders are for activities starting within the next two days (18:00 the day before is
  // never more than 48 hours ahead of the start).
  const candidates = await db
    .select({ id: activities.id, startsAt: activities.startsAt, timezone: activities.timezone })
    .from(activities)
    .where(and(eq(activities.status, "scheduled"), isNull(activities.hiddenAt), gt(activities.startsAt, now), lt(activities.startsAt, new Date(now.getTime() + 50 * 3600_000))));
  let reminded = 0;
  for (const c of candidates) {
    if (reminderDueAt(c.startsAt, c.timezone) > now) continue;
    reminded += await remindActivity(db, c.id, c.startsAt);
  }
  return reminded;
}

/**
 * Gives one activity's day-before reminder now, to those going who answered before its time,
 * as if that time had come (the development mailbox's button, for trying reminders without
 * waiting for the evening before). Once per member and start time, as always.
 */
export async function remindActivityNow(activityId: string): Promise<number> {
  const db = await getDb();
  const [a] = await db.select({ startsAt: activities.startsAt }).from(activities).where(eq(activities.id, activityId)).limit(1);
  return a ? remindActivity(db, activityId, a.startsAt) : 0;
}

async function remindActivity(db: Db, activityId: string, seenStart: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // The activity row lock orders this against edits, cancellations and RSVPs, which take it too:
    // what is read below is the activity's current time and who is going right now.
    const [a] = await tx.select().from(activities).where(eq(activities.id, activityId)).for("update");
    if (!a || a.status !== "scheduled" || a.hiddenAt || a.startsAt.getTime() !== seenStart.getTime()) return 0;
    // Someone whose RSVP came after the reminder time has just heard about the activity; a member
    // promoted from the waitlist answered earlier and is reminded.
    const due = reminderDueAt(a.startsAt, a.timezone);
    const going = await tx
      .select({ userId: rsvps.userId })
      .from(rsvps)
      .where(and(eq(rsvps.activityId, a.id), eq(rsvps.status, "going"), lte(rsvps.createdAt, due)));
    // Each reader gets these in their own language (messages/<locale>/notices.json).
    const place = a.placeName || a.address;
    const today = DateTime.fromJSDate(a.startsAt, { zone: a.timezone }).hasSame(DateTime.now().setZone(a.timezone), "day");
    const title = say("notices", today ? "reminder.today" : "reminder.tomorrow", { title: a.title });
    const when = { title: a.title, day: (l: Locale) => formatDay(a.startsAt, a.timezone, l), time: (l: Locale) => formatTime(a.startsAt, a.timezone, l) };
    const body = place
      ? say("notices", "reminder.bodyAt", { ...when, place })
      : a.onlineUrl
        ? say("notices", "reminder.bodyAt", { ...when, place: say("notices", "reminder.online") })
        : say("notices", "reminder.body", when);
    // Confirmed guests are reminded by email alone; the outbox key makes it once per guest and start time.
    await remindGuests(tx, a, due, title, body);
    if (going.length === 0) return 0;
    const fresh = await tx
      .insert(activityReminders)
      .values(going.map((g) => ({ activityId: a.id, userId: g.userId, startsAt: a.startsAt })))
      .onConflictDoNothing()
      .returning({ userId: activityReminders.userId });
    if (fresh.length === 0) return 0;
    const userIds = fresh.map((f) => f.userId);
    const href = `/activities/${a.id}`;
    const dedupeKey = `reminder:${a.id}:${a.startsAt.toISOString()}`;
    // The email is written here rather than by notifyMany: each carries the member's own
    // "Yes, I'm coming" and "Free my place" links (db/mutations/still-coming.ts).
    await notifyMany(tx, userIds, { type: "reminder", title, body, href, activityId: a.id, email: false });
    const links = await issueStillComingLinks(tx, a, userIds);
    const origin = siteUrl();
    await enqueueEmails(
      tx,
      userIds.map((userId) => {
        const t = links.get(userId)!;
        return {
          userId,
          type: "reminder" as const,
          data: (locale: Locale) => {
            const words = translator(locale, "email");
            return {
              title: title(locale),
              body: body(locale),
              href,
              links: [
                { label: words("notice.reminder.coming"), url: `${origin}${stillComingPath("coming", t.coming)}` },
                { label: words("notice.reminder.free"), url: `${origin}${stillComingPath("free", t.free)}` },
              ],
            };
          },
          dedupeKey: `${dedupeKey}:${userId}`,
          activityId: a.id,
        };
      }),
    );
    return fresh.length;
  });
}
