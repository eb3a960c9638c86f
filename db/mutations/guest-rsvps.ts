import "server-only";
import { and, asc, eq, isNotNull, isNull, like, lte, sql } from "drizzle-orm";
import { readGuestLinkToken } from "@/lib/guest-links";
import type { Db } from "../client";
import { getDb } from "../client";
import { answeringActivity } from "../content-version";
import { activities, emailOutbox, groups, guestRsvps, memberships, rsvps, type Activity, type GuestRsvp } from "../schema";
import { confirmEmail, confirmedEmail, GUEST_HOLD_MINUTES } from "./guest-notices";
import { enqueueEmail } from "./email";
import { capacityGuardOn, decidePlace, isContention, lockActivity, movePlace, timeRefusal, TRY_AGAIN_MESSAGE, waitlistPosition, type RsvpStatus } from "./rsvps";
import type { Locale } from "@/lib/i18n/locales";
import { say, spokenLocale } from "@/lib/i18n/said";

/*
 * RSVPs by visitors, with a first name and an email. A guest's place is decided by the RSVP rules
 * themselves (decidePlace and movePlace in ./rsvps.ts), under the same activity row lock, so
 * members and guests together never over-fill an activity and wait in one line. A new guest RSVP
 * only holds its place (or place in line) for GUEST_HOLD_MINUTES; the emailed link confirms it,
 * and the "guests.release-holds" job releases holds nobody confirmed, moving the waitlist on.
 */

export type GuestFailureCode = "not_found" | "guests_off" | "closed" | "cancelled" | "past" | "try_again" | "expired";
export type GuestResult<T> = ({ ok: true } & T) | { ok: false; code: GuestFailureCode; message: string };

export interface GuestPlace {
  status: "going" | "waitlisted";
  position?: number;
  confirmed: boolean;
}

const notFound = () => say("errors.refusals.guestRsvps.activityNotFound");
const expired = () => say("errors.refusals.guestRsvps.linkExpired");
const fail = (code: GuestFailureCode, message: string) => ({ ok: false as const, code, message });

async function contended<T>(work: () => Promise<GuestResult<T>>): Promise<GuestResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (isContention(error)) return fail("try_again", TRY_AGAIN_MESSAGE());
    throw error;
  }
}

/** Locks the activity (the one RSVP lock) and reads whether its group takes guests. */
async function lockForGuest(tx: Db, activityId: string) {
  const query = tx
    .select({ activity: activities, visibility: groups.visibility, groupHiddenAt: groups.hiddenAt, guestsOn: groups.guestRsvps })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(eq(activities.id, activityId))
    .limit(1);
  const [row] = capacityGuardOn() ? await query.for("update", { of: activities }) : await query;
  return row;
}

/** Whether a group's activities take guest RSVPs: public groups that have not turned them off. */
export const takesGuests = (group: { visibility: "public" | "private"; guestRsvps: boolean; hiddenAt?: Date | null }) =>
  group.visibility === "public" && group.guestRsvps && !group.hiddenAt;

async function placeOf(tx: Db, g: Pick<GuestRsvp, "activityId" | "status" | "waitlistSeq" | "confirmedAt">): Promise<GuestPlace> {
  const status = g.status === "waitlisted" ? "waitlisted" : "going";
  return status === "waitlisted"
    ? { status, position: await waitlistPosition(tx, g.activityId, g.waitlistSeq), confirmed: Boolean(g.confirmedAt) }
    : { status, confirmed: Boolean(g.confirmedAt) };
}

const newNonce = sql`md5(random()::text || clock_timestamp()::text)`;

/**
 * A visitor asks for a place. A new email holds a place (or a place in line) for
 * GUEST_HOLD_MINUTES and is sent the link that confirms it. The same email again for the same
 * activity changes the first request, never adds a second: an unconfirmed one takes the new first
 * name, its hold starts again and a new link is sent (the old one stops working); a confirmed one
 * keeps its place and is sent its manage link again, where the guest may change it. Every email to
 * the guest is written in `locale`: by default the language of the request being answered, so the
 * latest request's language is the one kept.
 */
export async function requestGuestRsvp(db: Db, input: { activityId: string; email: string; firstName: string; locale?: Locale; now?: Date }): Promise<GuestResult<{ place: GuestPlace }>> {
  const locale = input.locale ?? spokenLocale();
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(input.activityId, async () => {
      const now = input.now ?? new Date();
      const locked = await lockForGuest(tx, input.activityId);
      if (!locked || locked.activity.hiddenAt || locked.groupHiddenAt || locked.visibility !== "public") return fail("not_found", notFound());
      if (!locked.guestsOn) return fail("guests_off", say("errors.refusals.guestRsvps.groupAsksPeopleSign"));
      // Time slots are taken by members only (db/mutations/slots.ts); guests RSVP to activities without them.
      if (locked.activity.slotCount > 0) return fail("closed", say("errors.refusals.guestRsvps.activityHasTimeSlots"));
      const { activity } = locked;
      const [existing] = await tx.select().from(guestRsvps).where(and(eq(guestRsvps.activityId, activity.id), eq(guestRsvps.email, input.email))).limit(1);
      const { next, refusal } = decidePlace(activity, existing?.status, "going", now);
      if (refusal) return fail(refusal.code === "try_again" || refusal.code === "forbidden" || refusal.code === "answers_needed" ? "closed" : refusal.code, refusal.message);
      const holdExpiresAt = new Date(now.getTime() + GUEST_HOLD_MINUTES * 60_000);

      if (existing?.confirmedAt) {
        const [row] = await tx.update(guestRsvps).set({ locale }).where(eq(guestRsvps.id, existing.id)).returning();
        await enqueueEmail(tx, { ...confirmedEmail(row, activity, row.status === "waitlisted"), dedupeKey: `guest-again:${row.id}:${now.getTime()}` });
        return { ok: true, place: await placeOf(tx, row) };
      }
      if (existing) {
        const [row] = await tx
          .update(guestRsvps)
          .set({ firstName: input.firstName, locale, holdExpiresAt, tokenNonce: newNonce, updatedAt: now })
          .where(eq(guestRsvps.id, existing.id))
          .returning();
        await enqueueEmail(tx, confirmEmail(row, activity, row.status === "waitlisted"));
        return { ok: true, place: await placeOf(tx, row) };
      }
      const status = next as "going" | "waitlisted";
      const [row] = await tx
        .insert(guestRsvps)
        .values({ activityId: activity.id, email: input.email, firstName: input.firstName, locale, status, holdExpiresAt, createdAt: now, updatedAt: now })
        .returning();
      await movePlace(tx, activity, undefined, status);
      await enqueueEmail(tx, confirmEmail(row, activity, status === "waitlisted"));
      return { ok: true, place: await placeOf(tx, row) };
    })),
  );
}

/** The guest RSVP a link names, if it still exists and the link is its latest. */
async function guestByToken(tx: Db, purpose: "confirm" | "manage", token: string): Promise<GuestRsvp | undefined> {
  const named = readGuestLinkToken(purpose, token);
  if (!named) return undefined;
  const [row] = await tx.select().from(guestRsvps).where(and(eq(guestRsvps.id, named.id), eq(guestRsvps.tokenNonce, named.nonce))).limit(1);
  return row;
}

/** Every email the hub wrote to these guests (each email's key names its guest RSVP), sent or waiting. */
async function forgetGuestEmails(tx: Db, ids: string[]): Promise<void> {
  for (const id of ids) await tx.delete(emailOutbox).where(and(isNull(emailOutbox.userId), like(emailOutbox.dedupeKey, `guest-%:${id}:%`)));
}

/** Gives up a guest's place (the row, its email address and the emails to it go), moving the waitlist on at once. */
async function releaseGuest(tx: Db, activity: Activity, guest: GuestRsvp): Promise<Activity> {
  await tx.delete(guestRsvps).where(eq(guestRsvps.id, guest.id));
  await forgetGuestEmails(tx, [guest.id]);
  return movePlace(tx, activity, guest.status, undefined);
}

export interface GuestView {
  id: string;
  firstName: string;
  place: GuestPlace;
  holdExpiresAt: Date | null;
  activity: { id: string; title: string; startsAt: Date; endsAt: Date; timezone: string; status: "scheduled" | "cancelled" };
}

/** What a link shows (changing nothing): the RSVP and its activity, or null for a link that does not work (any more). */
export async function readGuestLink(purpose: "confirm" | "manage", token: string, now = new Date()): Promise<GuestView | null> {
  const db = await getDb();
  const guest = await guestByToken(db, purpose, token);
  if (!guest || (!guest.confirmedAt && guest.holdExpiresAt && guest.holdExpiresAt <= now)) return null;
  const [a] = await db
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, endsAt: activities.endsAt, timezone: activities.timezone, status: activities.status, hiddenAt: activities.hiddenAt })
    .from(activities)
    .where(eq(activities.id, guest.activityId))
    .limit(1);
  if (!a || a.hiddenAt) return null;
  return { id: guest.id, firstName: guest.firstName, place: await placeOf(db, guest), holdExpiresAt: guest.confirmedAt ? null : guest.holdExpiresAt, activity: a };
}

/**
 * Confirms a held place from the emailed link. A hold that has run out is released here if the
 * job has not yet done so, and the guest is told the link has expired. Confirming twice changes nothing.
 */
export async function confirmGuestRsvp(db: Db, token: string, now = new Date()): Promise<GuestResult<{ place: GuestPlace; manageToken: { id: string; nonce: string } }>> {
  const named = readGuestLinkToken("confirm", token);
  if (!named) return fail("expired", expired());
  const [found] = await db.select({ activityId: guestRsvps.activityId }).from(guestRsvps).where(eq(guestRsvps.id, named.id)).limit(1);
  if (!found) return fail("expired", expired());
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(found.activityId, async () => {
      const activity = await lockActivity(tx, found.activityId);
      const guest = await guestByToken(tx, "confirm", token);
      if (!activity || !guest) return fail("expired", expired());
      if (!guest.confirmedAt && guest.holdExpiresAt && guest.holdExpiresAt <= now) {
        await releaseGuest(tx, activity, guest);
        return fail("expired", say("errors.refusals.guestRsvps.heldPlaceMinutesMinutes", { minutes: GUEST_HOLD_MINUTES }));
      }
      const late = timeRefusal(activity, now);
      if (late && !late.ok && !guest.confirmedAt) {
        await releaseGuest(tx, activity, guest);
        return fail(late.code === "cancelled" || late.code === "past" ? late.code : "closed", late.message);
      }
      let row = guest;
      if (!guest.confirmedAt) {
        [row] = await tx.update(guestRsvps).set({ confirmedAt: now, holdExpiresAt: null, updatedAt: now }).where(eq(guestRsvps.id, guest.id)).returning();
        await enqueueEmail(tx, confirmedEmail(row, activity, row.status === "waitlisted"));
      }
      return { ok: true, place: await placeOf(tx, row), manageToken: { id: row.id, nonce: row.tokenNonce } };
    })),
  );
}

/** Runs `work` on the guest RSVP a manage link names, under its activity's lock. */
async function withManagedGuest<T>(db: Db, token: string, work: (tx: Db, activity: Activity, guest: GuestRsvp) => Promise<GuestResult<T>>): Promise<GuestResult<T>> {
  const named = readGuestLinkToken("manage", token);
  if (!named) return fail("expired", expired());
  const [found] = await db.select({ activityId: guestRsvps.activityId }).from(guestRsvps).where(eq(guestRsvps.id, named.id)).limit(1);
  if (!found) return fail("expired", say("errors.refusals.guestRsvps.rsvpNoLongerExists"));
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(found.activityId, async () => {
      const activity = await lockActivity(tx, found.activityId);
      const guest = await guestByToken(tx, "manage", token);
      if (!activity || !guest) return fail("expired", say("errors.refusals.guestRsvps.rsvpNoLongerExists"));
      if (!guest.confirmedAt) return fail("expired", say("errors.refusals.guestRsvps.rsvpIsntConfirmedYet"));
      return work(tx, activity, guest);
    })),
  );
}

/** A guest cancels: the RSVP and the email with it are deleted, and a freed place goes to the first in line at once. */
export async function cancelGuestRsvp(db: Db, token: string, now = new Date()): Promise<GuestResult<{ activityId: string }>> {
  return withManagedGuest(db, token, async (tx, activity, guest) => {
    const late = timeRefusal(activity, now);
    if (late && !late.ok && late.code !== "cancelled") return fail(late.code === "past" ? "past" : "closed", late.message);
    await releaseGuest(tx, activity, guest);
    return { ok: true, activityId: activity.id };
  });
}

/** A guest changes the first name organizers see. */
export async function renameGuestRsvp(db: Db, token: string, firstName: string): Promise<GuestResult<{ place: GuestPlace }>> {
  return withManagedGuest(db, token, async (tx, _activity, guest) => {
    const [row] = await tx.update(guestRsvps).set({ firstName, updatedAt: new Date() }).where(eq(guestRsvps.id, guest.id)).returning();
    return { ok: true, place: await placeOf(tx, row) };
  });
}

/**
 * Releases every hold nobody confirmed in time, each under its activity's lock: the place goes to
 * the first in line, as when anyone cancels. Safe to run twice and on several instances. Returns
 * how many holds were released.
 */
export async function releaseExpiredGuestHolds(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: guestRsvps.id, activityId: guestRsvps.activityId })
    .from(guestRsvps)
    .where(and(isNull(guestRsvps.confirmedAt), lte(guestRsvps.holdExpiresAt, now)))
    .orderBy(asc(guestRsvps.holdExpiresAt))
    .limit(500);
  let released = 0;
  for (const { id, activityId } of due) {
    released += await db.transaction(async (tx) => answeringActivity(activityId, async () => {
      const activity = await lockActivity(tx, activityId);
      const [guest] = await tx.select().from(guestRsvps).where(and(eq(guestRsvps.id, id), isNull(guestRsvps.confirmedAt), lte(guestRsvps.holdExpiresAt, now))).limit(1);
      if (!activity || !guest) return 0;
      await releaseGuest(tx, activity, guest);
      return 1;
    }));
  }
  return released;
}

/**
 * Forgets guests of activities that have ended: their names, addresses and the emails written to
 * them. Their places stay in the activity's counts, as the record of how many came.
 */
export async function forgetGuestsOfEndedActivities(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(guestRsvps)
      .where(sql`${guestRsvps.activityId} in (select id from activities where ends_at <= ${now.toISOString()})`)
      .returning({ id: guestRsvps.id });
    await forgetGuestEmails(tx, gone.map((g) => g.id));
    return gone.length;
  });
}

/** A group made private: every guest place on its activities goes, each under its activity's lock. */
export async function releaseGuestsOfGroup(tx: Db, groupId: string): Promise<number> {
  const held = await tx
    .select({ id: guestRsvps.id, activityId: guestRsvps.activityId })
    .from(guestRsvps)
    .innerJoin(activities, eq(activities.id, guestRsvps.activityId))
    .where(eq(activities.groupId, groupId))
    .orderBy(asc(guestRsvps.activityId));
  for (const { id, activityId } of held) {
    const activity = await lockActivity(tx, activityId);
    const [guest] = await tx.select().from(guestRsvps).where(eq(guestRsvps.id, id)).limit(1);
    if (activity && guest) await releaseGuest(tx, activity, guest);
  }
  return held.length;
}

const rank = (s: RsvpStatus | undefined) => (s === "going" ? 3 : s === "waitlisted" ? 2 : s === "maybe" ? 1 : 0);

/**
 * Brings a confirmed guest's RSVPs for `email` into the member's account, for activities not yet
 * ended. Call it only once the member has proved the address is theirs (a verified email): an
 * unverified address must never adopt anything. Each activity is decided under its lock:
 * - the member has no RSVP there: the guest's place (going, or its place in line) becomes theirs;
 * - the member has one: they keep the better of the two (going over waitlisted, the earlier place
 *   in line), and the other place is given up, moving the waitlist on; so the going count never
 *   rises and capacity holds;
 * - the member is banned from the group: the guest place is released.
 * Unconfirmed holds are left to confirm or expire. Returns how many guest RSVPs were adopted.
 */
export async function adoptGuestRsvps(userId: string, email: string, db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  const address = email.trim().toLowerCase();
  const now = new Date();
  const held = await database
    .select({ id: guestRsvps.id, activityId: guestRsvps.activityId })
    .from(guestRsvps)
    .innerJoin(activities, eq(activities.id, guestRsvps.activityId))
    .where(and(eq(guestRsvps.email, address), isNotNull(guestRsvps.confirmedAt), sql`${activities.endsAt} > ${now.toISOString()}`))
    .orderBy(asc(guestRsvps.activityId));
  let adopted = 0;
  for (const { id, activityId } of held) {
    adopted += await database.transaction(async (tx) => answeringActivity(activityId, async () => {
      const activity = await lockActivity(tx, activityId);
      const [guest] = await tx.select().from(guestRsvps).where(and(eq(guestRsvps.id, id), isNotNull(guestRsvps.confirmedAt))).limit(1);
      if (!activity || !guest) return 0;
      const [membership] = await tx.select({ status: memberships.status }).from(memberships).where(and(eq(memberships.groupId, activity.groupId), eq(memberships.userId, userId))).limit(1);
      if (membership?.status === "banned") {
        await releaseGuest(tx, activity, guest);
        return 0;
      }
      const [mine] = await tx.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId))).limit(1);
      await tx.delete(guestRsvps).where(eq(guestRsvps.id, guest.id));
      if (!mine) {
        await tx.insert(rsvps).values({ activityId, userId, status: guest.status, waitlistSeq: guest.waitlistSeq, createdAt: guest.createdAt, updatedAt: now });
        return 1;
      }
      const guestBetter = rank(guest.status) > rank(mine.status) || (guest.status === "waitlisted" && mine.status === "waitlisted" && guest.waitlistSeq < mine.waitlistSeq);
      if (guestBetter) {
        // The member takes over the guest's place; their own earlier answer's place is given up.
        await tx.update(rsvps).set({ status: guest.status, waitlistSeq: guest.waitlistSeq, updatedAt: now }).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId)));
        await movePlace(tx, activity, mine.status, undefined);
      } else {
        await movePlace(tx, activity, guest.status, undefined);
      }
      return 1;
    }));
  }
  return adopted;
}

/** `requestGuestRsvp` etc. on the app's database, for actions. */
export const guestRsvpsOnAppDb = {
  request: async (input: Parameters<typeof requestGuestRsvp>[1]) => requestGuestRsvp(await getDb(), input),
  confirm: async (token: string) => confirmGuestRsvp(await getDb(), token),
  cancel: async (token: string) => cancelGuestRsvp(await getDb(), token),
  rename: async (token: string, firstName: string) => renameGuestRsvp(await getDb(), token, firstName),
};
