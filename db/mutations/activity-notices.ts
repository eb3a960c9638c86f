import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { formatRange, formatWhen, zoneAbbreviation } from "@/lib/dates";
import { translator } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/words";
import type { ActivityFacts } from "@/lib/validation/activity";
import type { Db } from "../client";
import { emailOutbox, type Activity } from "../schema";
import { enqueueEmails } from "./email";
import { tellGuestsOfChange } from "./guest-notices";
import { memberLocales, notifyMany } from "./notifications";

/*
 * What people coming are told when an activity changes or is cancelled, and how often.
 * - A change says what changed, old → new ("Time: Sat 5 Dec, 10:00–12:00 (GMT) → …").
 * - Its email waits CHANGE_EMAIL_DELAY_MS before it is sent. An edit made while it waits
 *   (a second save a moment after the first) rewrites that same email to the net change
 *   instead of adding a second one; an edit that undoes the first withdraws it.
 *   Cancelling the activity withdraws it, and the sender checks it again just before it goes
 *   out: it is not sent about an activity cancelled or deleted meanwhile, nor to someone who
 *   is no longer coming (the email says "because you're going").
 * - Each person reads it in their own language (messages/<locale>/notices.json, "change").
 * - Cancelling several dates of a series at once is one notice and one email per person,
 *   listing the dates they were coming to.
 */

/** How long a change's email waits for further edits before it is sent. */
export const CHANGE_EMAIL_DELAY_MS = 60_000;

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const ARROW = " → ";

/** An activity's time and place, as a member reads them in `locale`. The online link itself is never written here. */
function logistics(a: Pick<ActivityFacts, "startsAt" | "endsAt" | "timezone" | "placeName" | "address" | "onlineUrl">, locale: Locale) {
  const t = translator(locale, "notices");
  return {
    time: oneLine(`${formatRange(a.startsAt, a.endsAt, a.timezone, locale)} (${zoneAbbreviation(a.startsAt, a.timezone)})`),
    place: oneLine([a.placeName, a.address].filter(Boolean).join(", ") || (a.onlineUrl ? t("change.online") : t("change.toBeConfirmed"))),
    link: a.onlineUrl ?? "",
  };
}
type Logistics = ReturnType<typeof logistics>;

/** The words of a change from `was` to `now` in `locale`; null when, for the member, nothing changed. */
function describeChange(was: Logistics, now: Logistics, following: boolean, locale: Locale): string | null {
  const time = was.time !== now.time;
  const place = was.place !== now.place;
  const link = was.link !== now.link;
  if (!time && !place && !link) return null;
  const t = translator(locale, "notices");
  const what = time && place ? "timeAndPlace" : time ? "time" : place ? "place" : "link";
  const lines = [
    t(following ? "change.headFollowing" : "change.head", { what }),
    ...(time ? [`${t("change.timeLabel")}: ${was.time}${ARROW}${now.time}`] : []),
    ...(place ? [`${t("change.placeLabel")}: ${was.place}${ARROW}${now.place}`] : []),
    ...(link && !place && !time ? [t("change.newLink")] : []),
  ];
  return lines.join("\n");
}

/**
 * What a change email still waiting to be sent said things were before, read back from its own
 * lines: `Time: <was> → <then>`, where `<then>` is what this edit found (the waiting email's
 * "new" is this edit's "old"). A line that does not end so, or is missing, is left as found.
 * The labels are the ones of the language it was written in (the member's).
 */
function earlierState(bodyText: string, found: Logistics, locale: Locale): Logistics {
  const t = translator(locale, "notices");
  const back = (label: string, then: string) => {
    const suffix = `${ARROW}${then}`;
    const line = bodyText.split("\n").find((l) => l.startsWith(`${label}: `) && l.endsWith(suffix));
    return line ? line.slice(label.length + 2, line.length - suffix.length) : then;
  };
  return { time: back(t("change.timeLabel"), found.time), place: back(t("change.placeLabel"), found.place), link: found.link };
}

/**
 * Tells everyone coming (`userIds`) that the time or place changed: one notice each, and one
 * email each that says the net change since the last email they were sent (see the top).
 */
export async function tellOfChange(
  tx: Db,
  activity: { id: string; title: string },
  userIds: Iterable<string>,
  change: { before: ActivityFacts; after: ActivityFacts; following: boolean },
): Promise<void> {
  const people = [...new Set(userIds)];
  const was = (locale: Locale) => logistics(change.before, locale);
  const now = (locale: Locale) => logistics(change.after, locale);
  const bodyIn = (locale: Locale) => describeChange(was(locale), now(locale), change.following, locale);
  if (bodyIn(DEFAULT_LOCALE) === null) return;
  const body = (locale: Locale) => bodyIn(locale) ?? "";
  const title = say("notices", "change.title", { title: activity.title });
  await tellGuestsOfChange(tx, activity, title, body, `changed:${crypto.randomUUID()}`);
  if (people.length === 0) return;
  const href = `/activities/${activity.id}`;
  await notifyMany(tx, people, { type: "activity_changed", title, body, href, activityId: activity.id, email: false });
  const locales = await memberLocales(tx, people);

  // Waiting emails about this activity are taken (locked) only while no sender has claimed them.
  const waiting = await tx
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.type, "activity_changed"), eq(emailOutbox.activityId, activity.id), eq(emailOutbox.status, "pending"), eq(emailOutbox.attempts, 0), inArray(emailOutbox.userId, people)))
    .returning({ userId: emailOutbox.userId, bodyText: emailOutbox.bodyText, nextAttemptAt: emailOutbox.nextAttemptAt });
  const earlier = new Map(waiting.map((w) => [w.userId, w]));
  const sendAt = new Date(Date.now() + CHANGE_EMAIL_DELAY_MS);
  const emails = people.flatMap((userId) => {
    const pending = earlier.get(userId);
    const locale = locales.get(userId) ?? DEFAULT_LOCALE;
    const before = was(locale);
    const text = pending ? describeChange({ ...earlierState(pending.bodyText, before, locale), link: before.link }, now(locale), change.following, locale) : body(locale);
    // An edit that undid the one still waiting: nothing to tell by email.
    if (text === null) return [];
    return [{
      userId,
      type: "activity_changed" as const,
      data: { title: title(locale), body: text, href },
      // The key says whether the email speaks of the following dates too (see changeEmailOutdated).
      dedupeKey: `activity_changed:${change.following ? FOLLOWING : ""}${activity.id}:${userId}:${crypto.randomUUID()}`,
      activityId: activity.id,
      notBefore: pending?.nextAttemptAt ?? sendAt,
    }];
  });
  await enqueueEmails(tx, emails);
}

const FOLLOWING = "following:";

/**
 * Whether the change email in an `email_outbox` row no longer holds for its recipient: its
 * activity is gone (deleted: the row's activity is then null) or not scheduled, or the recipient
 * is no longer coming (going, maybe or waiting) to it, nor, when the email speaks of "this date
 * and the ones after it", to a later scheduled date of its series. Written with the outbox's own
 * name: inside the subquery an unqualified user_id would be the RSVP's.
 */
const changeEmailOutdated = sql`not exists (
  select 1 from activities anchor
  join activities a on a.id = anchor.id
    or (email_outbox.dedupe_key like ${`activity_changed:${FOLLOWING}%`} and a.series_id = anchor.series_id and a.starts_at > anchor.starts_at)
  join rsvps r on r.activity_id = a.id and r.user_id = email_outbox.user_id and r.status in ('going', 'maybe', 'waitlisted')
  where anchor.id = email_outbox.activity_id and anchor.status = 'scheduled' and a.status = 'scheduled'
)`;

/**
 * Withdraws the change emails still waiting (no sender has claimed them) about these activities
 * that no longer hold, e.g. because the activities were just cancelled. Returns how many.
 */
export async function withdrawOutdatedChangeEmails(tx: Db, activityIds: string[]): Promise<number> {
  if (activityIds.length === 0) return 0;
  const withdrawn = await tx
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.type, "activity_changed"), inArray(emailOutbox.activityId, activityIds), eq(emailOutbox.status, "pending"), eq(emailOutbox.attempts, 0), changeEmailOutdated))
    .returning({ id: emailOutbox.id });
  return withdrawn.length;
}

/**
 * The sender's last look at a change email it holds (claimed with `attempts`): withdraws it when
 * it no longer holds for its recipient. Returns whether it was withdrawn (then it is not sent).
 */
export async function withdrawIfOutdated(db: Db, row: { id: string; type: string; attempts: number }): Promise<boolean> {
  if (row.type !== "activity_changed") return false;
  const withdrawn = await db
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending"), eq(emailOutbox.attempts, row.attempts), changeEmailOutdated))
    .returning({ id: emailOutbox.id });
  return withdrawn.length > 0;
}

/**
 * Tells everyone coming that activities were cancelled: one notice and one email per person,
 * about the first date they were coming to and listing every one of theirs when there are several.
 */
export async function tellOfCancellation(tx: Db, cancelled: { activity: Activity; userIds: string[] }[]): Promise<void> {
  const byPerson = new Map<string, Activity[]>();
  for (const { activity, userIds } of cancelled) for (const id of userIds) byPerson.set(id, [...(byPerson.get(id) ?? []), activity]);
  // People with the same dates share one statement.
  const groups = new Map<string, { dates: Activity[]; people: string[] }>();
  for (const [userId, dates] of byPerson) {
    const key = dates.map((d) => d.id).join(",");
    groups.set(key, { dates, people: [...(groups.get(key)?.people ?? []), userId] });
  }
  for (const { activity } of cancelled) {
    await tellGuestsOfChange(
      tx,
      activity,
      say("notices", "cancelled.title", { title: activity.title }),
      say("notices", "cancelled.guestBody", { title: activity.title, when: (l) => formatWhen(activity.startsAt, activity.timezone, l) }),
      `cancelled:${activity.id}`,
    );
  }
  for (const { dates, people } of groups.values()) {
    const [first] = dates;
    const many = dates.length > 1;
    await notifyMany(tx, people, {
      type: "activity_cancelled",
      title: many ? say("notices", "cancelled.titleDates", { title: first.title, count: dates.length }) : say("notices", "cancelled.title", { title: first.title }),
      body: many
        ? say("notices", "cancelled.bodyDates", { title: first.title, dates: (l) => dates.map((d) => `- ${formatWhen(d.startsAt, d.timezone, l)}`).join("\n") })
        : say("notices", "cancelled.body", { title: first.title, when: (l) => formatWhen(first.startsAt, first.timezone, l) }),
      href: `/activities/${first.id}`,
      activityId: first.id,
    });
  }
}
