import "server-only";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { activities, groups, guestRsvps, memberships, notifications, rsvps, slotSignups, type Activity } from "../schema";
import { answeringActivity } from "../content-version";
import type { Locale } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/words";
import { notify } from "./notifications";
import { formatWhen } from "@/lib/dates";
import { tellPromotedGuests } from "./guest-notices";
import { answersOnRsvp, sameAnswers, type RsvpAnswers } from "@/lib/rsvp-questions";
import { releaseSlotsOf } from "./slot-places";
import { say as said } from "@/lib/i18n/said";

/*
 * The one place that decides who is going. Every change to an activity's RSVPs runs in a
 * transaction that first locks the activity row (SELECT … FOR UPDATE), so concurrent
 * answers — from any number of app instances on one PostgreSQL — are decided one at a
 * time against the real going count. The counters on the activity row are changed only
 * here, in the same transaction as the rows they count. Guests (visitors who RSVP with a first
 * name and an email, db/mutations/guest-rsvps.ts) are decided by the same rules, under the same
 * lock, through `decidePlace` and `movePlace`; members and guests wait in one line.
 */

export type RsvpAnswer = "going" | "maybe" | "not_going";
export type RsvpStatus = "going" | "waitlisted" | "maybe" | "not_going";
export interface RsvpState {
  status: RsvpStatus;
  /** 1-based place on the waitlist, only when waitlisted. */
  position?: number;
}
export interface ActivityCounts {
  capacity: number | null;
  goingCount: number;
  waitlistCount: number;
}
export type RsvpFailureCode = "not_found" | "forbidden" | "closed" | "cancelled" | "past" | "try_again" | "answers_needed";
export type RsvpResult =
  | { ok: true; state: RsvpState; changed: boolean; activity: ActivityCounts }
  | { ok: false; code: RsvpFailureCode; message: string; fieldErrors?: Record<string, string> };

export interface RespondInput {
  activityId: string;
  userId: string;
  status: RsvpAnswer;
  /** "I'd rather not arrive alone": asks the organizers for a greeter. Kept as is when omitted. */
  goTogether?: boolean;
  /** Offers to greet someone who asked not to arrive alone. Kept as is when omitted. */
  offersToGreet?: boolean;
  /** The place comes from a standing place in a recurring series (no confirmation notice). */
  fromStandingPlace?: boolean;
  /** Answers to the activity's questions on RSVP, by question id (lib/rsvp-questions.ts). Kept as they are when omitted. */
  answers?: RsvpAnswers;
}

export const TRY_AGAIN_MESSAGE = () => said("errors.refusals.rsvps.tryAgain");

/** An activity with time slots takes places through its slots (db/mutations/slots.ts). */
export const PICK_A_SLOT_MESSAGE = () => said("errors.refusals.rsvps.pickASlot");

let capacityGuard = true;

/** Test-only: turns the activity row lock off so a test can show the race it prevents. */
export function __setCapacityGuardForTests(on: boolean): void {
  if (process.env.NODE_ENV !== "test") throw new Error("The capacity guard can only be switched off in tests.");
  capacityGuard = on;
}

/** Whether RSVPs lock the activity row (always, except in a test showing the race it prevents). */
export const capacityGuardOn = () => capacityGuard;

export async function lockActivity(tx: Db, activityId: string): Promise<Activity | undefined> {
  const query = tx.select().from(activities).where(eq(activities.id, activityId)).limit(1);
  const [row] = capacityGuard ? await query.for("update") : await query;
  return row;
}

/**
 * Locks the activity and reads what deciding an answer needs: the group's visibility, the
 * member's membership and their current RSVP. The RSVP is read by a second statement on
 * purpose: under READ COMMITTED a statement that waited for the lock re-checks only the
 * locked row, and rows joined to it would still come from before the wait.
 */
async function lockForAnswer(tx: Db, activityId: string, userId: string) {
  const query = tx
    .select({
      activity: activities,
      groupVisibility: groups.visibility,
      groupHiddenAt: groups.hiddenAt,
      membershipStatus: memberships.status,
    })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .leftJoin(memberships, and(eq(memberships.groupId, activities.groupId), eq(memberships.userId, userId)))
    .where(eq(activities.id, activityId))
    .limit(1);
  const [row] = capacityGuard ? await query.for("update", { of: activities }) : await query;
  if (!row) return undefined;
  const [rsvp] = await tx
    .select()
    .from(rsvps)
    .where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId)))
    .limit(1);
  return { ...row, rsvp: rsvp as typeof rsvp | undefined };
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockForAnswer>>>;

function fail(code: RsvpFailureCode, message: string): RsvpResult {
  return { ok: false, code, message };
}

/** Lock timeouts, serialization failures and deadlocks mean "busy", never "broken". */
export function isContention(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === "55P03" || code === "40001" || code === "40P01") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function contended(work: () => Promise<RsvpResult>): Promise<RsvpResult> {
  try {
    return await work();
  } catch (error) {
    if (isContention(error)) return fail("try_again", TRY_AGAIN_MESSAGE());
    throw error;
  }
}

const NOT_FOUND = () => said("errors.refusals.rsvps.activityNotFound");

/** Hidden activities, and private groups' activities for outsiders, do not exist for this member. */
function visibilityRefusal(locked: Locked | undefined): RsvpResult | null {
  if (!locked || locked.activity.hiddenAt || locked.groupHiddenAt) return fail("not_found", NOT_FOUND());
  if (locked.groupVisibility === "private" && locked.membershipStatus !== "active") return fail("not_found", NOT_FOUND());
  if (locked.membershipStatus === "banned") return fail("forbidden", said("errors.refusals.rsvps.cantRsvpGroupsActivities"));
  return null;
}

export function timeRefusal(activity: Activity, now: Date): RsvpResult | null {
  if (activity.status === "cancelled") return fail("cancelled", said("errors.refusals.rsvps.activityHasBeenCancelled"));
  if (activity.endsAt <= now) return fail("past", said("errors.refusals.rsvps.activityHasAlreadyHappened"));
  if (activity.startsAt <= now) return fail("closed", said("errors.refusals.rsvps.activityHasAlreadyStarted"));
  return null;
}

function countsOf(activity: Activity): ActivityCounts {
  return { capacity: activity.capacity, goingCount: activity.goingCount, waitlistCount: activity.waitlistCount };
}

/** A waitlisted place's 1-based position: members and guests who queued no later. */
export async function waitlistPosition(tx: Db, activityId: string, seq: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(rsvps)
    .where(and(eq(rsvps.activityId, activityId), eq(rsvps.status, "waitlisted"), lte(rsvps.waitlistSeq, seq)));
  const [guests] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activityId), eq(guestRsvps.status, "waitlisted"), lte(guestRsvps.waitlistSeq, seq)));
  return Number(row?.n ?? 0) + Number(guests?.n ?? 0);
}

/**
 * THE RSVP rule, for members and guests alike: given the locked activity, the place someone
 * holds now (if any) and their answer, the place they hold next, or why not. "going" on a full
 * activity (or one with people already waiting) joins the end of the waitlist; someone already
 * going or waiting keeps their place; nothing is taken after the cutoff, or once it has started,
 * ended or been cancelled.
 */
export function decidePlace(activity: Activity, existing: RsvpStatus | undefined, answer: RsvpAnswer, now: Date): { next: RsvpStatus; refusal: Extract<RsvpResult, { ok: false }> | null } {
  const keepsPlace = answer === "going" && (existing === "going" || existing === "waitlisted");
  const hasRoom = activity.capacity === null || (activity.goingCount < activity.capacity && activity.waitlistCount === 0);
  const next: RsvpStatus = answer !== "going" ? answer : keepsPlace ? existing! : hasRoom ? "going" : "waitlisted";
  const late = timeRefusal(activity, now);
  if (late && !late.ok) return { next, refusal: late };
  const cutoff = activity.rsvpCutoff ?? activity.startsAt;
  const takesPlace = (next === "going" || next === "waitlisted" || next === "maybe") && existing !== next;
  return { next, refusal: takesPlace && cutoff <= now ? { ok: false, code: "closed", message: said("errors.refusals.rsvps.rsvpsActivityHaveClosed") } : null };
}

/**
 * Moves one person's place from `from` to `to` in the activity's counts, inside the transaction
 * that holds the activity's lock, and gives a place freed by someone who stops going to the first
 * in line. Returns the activity as it now stands.
 */
export async function movePlace(tx: Db, activity: Activity, from: RsvpStatus | undefined, to: RsvpStatus | undefined): Promise<Activity> {
  const [goingDelta, waitDelta] = delta(from, to);
  let counts = goingDelta || waitDelta ? await bumpCounts(tx, activity.id, goingDelta, waitDelta) : activity;
  if (from === "going" && to !== "going" && (await promoteFromWaitlist(tx, activity.id)).length) counts = (await lockActivity(tx, activity.id)) ?? counts;
  return counts;
}

async function bumpCounts(tx: Db, activityId: string, goingDelta: number, waitlistDelta: number): Promise<Activity> {
  const [row] = await tx
    .update(activities)
    .set({ goingCount: sql`${activities.goingCount} + ${goingDelta}`, waitlistCount: sql`${activities.waitlistCount} + ${waitlistDelta}` })
    .where(eq(activities.id, activityId))
    .returning();
  return row;
}

function delta(from: RsvpStatus | undefined, to: RsvpStatus | undefined): [number, number] {
  const g = (s?: RsvpStatus) => (s === "going" ? 1 : 0);
  const w = (s?: RsvpStatus) => (s === "waitlisted" ? 1 : 0);
  return [g(to) - g(from), w(to) - w(from)];
}

/** Someone who stops going can no longer greet: their first-timers go back to "needs a greeter". */
async function releaseGreeter(tx: Db, activityId: string, userId: string): Promise<void> {
  await tx.update(rsvps).set({ greeterId: null, updatedAt: new Date() }).where(and(eq(rsvps.activityId, activityId), eq(rsvps.greeterId, userId)));
}

const when = (activity: Activity, locale?: Locale) => formatWhen(activity.startsAt, activity.timezone, locale);

/** How long a "you're going" notice stands for itself: within it, coming back to "going" is not told again. */
export const GOING_NOTICE_STANDS_MS = 24 * 3600_000;

/**
 * Whether the member has just been told they are going to this activity: their latest notice
 * about it, from the last GOING_NOTICE_STANDS_MS, says so (a confirmation or a place off the
 * waitlist). Going → maybe → going then tells them once; a notice about anything else since
 * (a change of time, a cancellation, a message) means the next "you're going" is news again.
 */
async function alreadyToldGoing(tx: Db, activityId: string, userId: string, now: Date): Promise<boolean> {
  const [last] = await tx
    .select({ type: notifications.type, createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.activityId, activityId)))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return Boolean(last && (last.type === "rsvp_confirmed" || last.type === "waitlist_promoted") && now.getTime() - last.createdAt.getTime() < GOING_NOTICE_STANDS_MS);
}

/**
 * Records a member's answer ("going", "maybe" or "not_going") and decides their place.
 * "going" on a full activity (or one with people already waiting) joins the end of the
 * waitlist. Moving away from "going" promotes the earliest waitlisted members in the
 * same transaction. Sending the same answer again changes nothing and returns the
 * same state. After the RSVP cutoff only answers that give a place up are accepted.
 * Pass a transaction as `db` to make the answer part of a larger change.
 */
export async function respondToActivity(db: Db, input: RespondInput): Promise<RsvpResult> {
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(input.activityId, async () => {
      const now = new Date();
      const locked = await lockForAnswer(tx, input.activityId, input.userId);
      const hidden = visibilityRefusal(locked);
      if (hidden || !locked) return hidden ?? fail("not_found", NOT_FOUND());
      const { activity, rsvp: existing } = locked;
      const refused = timeRefusal(activity, now);
      if (refused) return refused;
      const { next, refusal } = decidePlace(activity, existing?.status, input.status, now);
      // On an activity with time slots a place at the activity comes only with a place in a slot.
      if (activity.slotCount > 0 && (next === "going" || next === "waitlisted") && existing?.status !== next) return fail("closed", PICK_A_SLOT_MESSAGE());
      const staying = next === "going" || next === "waitlisted" || next === "maybe";
      const goTogether = staying ? input.goTogether ?? existing?.goTogether ?? false : false;
      const offersToGreet = staying ? input.offersToGreet ?? existing?.offersToGreet ?? false : false;
      const fromStandingPlace = input.fromStandingPlace ?? existing?.fromStandingPlace ?? false;
      const asked = answersOnRsvp(activity.rsvpQuestions, next, existing, input);
      if (!asked.ok) return { ok: false, code: "answers_needed", message: asked.message, fieldErrors: asked.fieldErrors };
      const answers = asked.answers;

      const same =
        existing &&
        existing.status === next &&
        existing.goTogether === goTogether &&
        existing.offersToGreet === offersToGreet &&
        existing.fromStandingPlace === fromStandingPlace &&
        sameAnswers(existing.answers, answers);
      if (same) {
        const position = next === "waitlisted" ? await waitlistPosition(tx, activity.id, existing.waitlistSeq) : undefined;
        return { ok: true, state: position ? { status: next, position } : { status: next }, changed: false, activity: countsOf(activity) };
      }
      // The cutoff is looked at after "nothing changes": repeating an answer after it is still an answer.
      if (refusal) return refusal;

      const joinsWaitlist = next === "waitlisted" && existing?.status !== "waitlisted";
      const values = { status: next, goTogether, offersToGreet, fromStandingPlace, answers, updatedAt: now };
      const [row] = await tx
        .insert(rsvps)
        .values({ activityId: activity.id, userId: input.userId, ...values })
        .onConflictDoUpdate({
          target: [rsvps.activityId, rsvps.userId],
          set: {
            ...values,
            // A new arrival on the waitlist queues behind everyone already there.
            ...(joinsWaitlist ? { waitlistSeq: sql`nextval(pg_get_serial_sequence('rsvps', 'waitlist_seq'))` } : {}),
            ...(goTogether ? {} : { greeterId: null }),
          },
        })
        .returning();

      if (existing?.status === "going" && next !== "going") await releaseGreeter(tx, activity.id, input.userId);
      let counts = await movePlace(tx, activity, existing?.status, next);
      if (activity.slotCount > 0 && next !== "going") counts = await giveUpSlots(tx, counts, input.userId, now);
      if (next === "going" && existing?.status !== "going" && !fromStandingPlace && !(await alreadyToldGoing(tx, activity.id, input.userId, now))) {
        await notify(tx, {
          userId: input.userId,
          type: "rsvp_confirmed",
          title: say("notices", "rsvp.going.title", { title: activity.title }),
          body: say("notices", "rsvp.going.body", { when: (l) => when(activity, l) }),
          href: `/activities/${activity.id}`,
          activityId: activity.id,
        });
      }
      // Under the lock a newcomer's sequence number is the highest, so they are last in line.
      const position = next !== "waitlisted" ? undefined : joinsWaitlist && capacityGuard ? counts.waitlistCount : await waitlistPosition(tx, activity.id, row.waitlistSeq);
      return { ok: true, state: position ? { status: next, position } : { status: next }, changed: true, activity: countsOf(counts) };
    })),
  );
}

/**
 * Withdraws a member's RSVP entirely (their answer is forgotten). A freed place goes to
 * the earliest waitlisted member in the same transaction. Withdrawing with no RSVP is a
 * no-op that answers "not_going".
 */
export async function cancelRsvp(db: Db, input: { activityId: string; userId: string }): Promise<RsvpResult> {
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(input.activityId, async () => {
      const locked = await lockForAnswer(tx, input.activityId, input.userId);
      if (!locked || locked.activity.hiddenAt) return fail("not_found", NOT_FOUND());
      const { activity, rsvp: existing } = locked;
      if (!existing) {
        const hidden = visibilityRefusal(locked);
        if (hidden) return hidden;
        return { ok: true, state: { status: "not_going" }, changed: false, activity: countsOf(activity) };
      }
      const refused = timeRefusal(activity, new Date());
      if (refused) return refused;
      await tx.delete(rsvps).where(and(eq(rsvps.activityId, activity.id), eq(rsvps.userId, input.userId)));
      if (existing.status === "going") await releaseGreeter(tx, activity.id, input.userId);
      let counts = await movePlace(tx, activity, existing.status, undefined);
      if (activity.slotCount > 0) counts = await giveUpSlots(tx, counts, input.userId, new Date());
      return { ok: true, state: { status: "not_going" }, changed: true, activity: countsOf(counts) };
    })),
  );
}

/**
 * A member deleting their account: every RSVP of theirs goes, by the rules above. On an
 * activity that has not ended, the counts drop, first-timers they were greeting go back to
 * "needs a greeter", and a freed place goes at once to the first person waiting (even after
 * the RSVP cutoff, as for any cancellation). On an activity that has ended, the counts stay
 * as the record of how many had a place, and attendance stays as a number with no one behind
 * it. Call it inside the deletion's transaction; activities are locked one at a time.
 */
export async function forgetRsvpsOfLeavingMember(tx: Db, userId: string, now = new Date()): Promise<void> {
  // Their time slots first (places in a slot's line too, which need no RSVP): each freed place goes to the next in that slot's line.
  const slotted = await tx.selectDistinct({ activityId: slotSignups.activityId }).from(slotSignups).where(eq(slotSignups.userId, userId)).orderBy(slotSignups.activityId);
  for (const { activityId } of slotted) {
    const activity = await lockActivity(tx, activityId);
    if (activity && activity.endsAt > now) await giveUpSlots(tx, activity, userId, now);
  }
  const held = await tx.select({ activityId: rsvps.activityId }).from(rsvps).where(eq(rsvps.userId, userId)).orderBy(rsvps.activityId);
  for (const { activityId } of held) {
    const activity = await lockActivity(tx, activityId);
    const [existing] = await tx.delete(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId))).returning();
    if (!activity || !existing) continue;
    if (activity.endsAt <= now) {
      if (existing.attendance) {
        const column = existing.attendance === "attended" ? activities.formerAttended : activities.formerNoShow;
        await tx.update(activities).set({ [existing.attendance === "attended" ? "formerAttended" : "formerNoShow"]: sql`${column} + 1` }).where(eq(activities.id, activityId));
      }
      continue;
    }
    if (existing.status === "going") await releaseGreeter(tx, activityId, userId);
    await movePlace(tx, activity, existing.status, undefined);
  }
}

/**
 * Time slots and the activity's own RSVP: a member holding a place in at least one slot is
 * going to the activity (so reminders, attendance and "who's going" count them), and one who
 * holds none is not. These keep that true, inside the transaction holding the activity's lock.
 */

/** A member now holds a slot: they are going to the activity, whatever they had answered before. */
export async function holdPlaceForSlot(tx: Db, activity: Activity, userId: string): Promise<Activity> {
  const [existing] = await tx.select().from(rsvps).where(and(eq(rsvps.activityId, activity.id), eq(rsvps.userId, userId))).limit(1);
  if (existing?.status === "going") return activity;
  await tx
    .insert(rsvps)
    .values({ activityId: activity.id, userId, status: "going" })
    .onConflictDoUpdate({ target: [rsvps.activityId, rsvps.userId], set: { status: "going", updatedAt: new Date() } });
  return movePlace(tx, activity, existing?.status, "going");
}

/** A member has left their last slot: their place at the activity goes too (their RSVP is withdrawn). */
export async function dropPlaceForSlot(tx: Db, activity: Activity, userId: string): Promise<Activity> {
  const [existing] = await tx.delete(rsvps).where(and(eq(rsvps.activityId, activity.id), eq(rsvps.userId, userId), eq(rsvps.status, "going"))).returning();
  if (!existing) return activity;
  await releaseGreeter(tx, activity.id, userId);
  return movePlace(tx, activity, "going", undefined);
}

/** A member stopped going: out of every slot, each freed slot place to the next in its line, who then go. */
async function giveUpSlots(tx: Db, activity: Activity, userId: string, now: Date): Promise<Activity> {
  let counts = activity;
  for (const promoted of await releaseSlotsOf(tx, activity, userId, now)) counts = await holdPlaceForSlot(tx, counts, promoted);
  return counts;
}

/**
 * Moves the earliest waitlisted members to "going" while there is room, and tells each
 * of them. Call it inside the transaction that made room (a cancellation, a raised
 * capacity, a skipped standing place); it locks the activity row itself, which is a
 * no-op when that transaction already holds it. An activity over its capacity (after
 * the capacity was lowered) promotes nobody. Guests promoted are emailed. Returns the promoted members' ids.
 */
export async function promoteFromWaitlist(tx: Db, activityId: string): Promise<string[]> {
  const activity = await lockActivity(tx, activityId);
  if (!activity || activity.status === "cancelled" || activity.endsAt <= new Date() || activity.waitlistCount <= 0) return [];
  const room = activity.capacity === null ? activity.waitlistCount : activity.capacity - activity.goingCount;
  if (room <= 0) return [];
  // Members and guests wait in one line: both take their sequence numbers from the rsvps sequence.
  const members = await tx
    .select({ id: rsvps.userId, seq: rsvps.waitlistSeq })
    .from(rsvps)
    .where(and(eq(rsvps.activityId, activityId), eq(rsvps.status, "waitlisted")))
    .orderBy(asc(rsvps.waitlistSeq))
    .limit(room);
  const guests = await tx
    .select({ id: guestRsvps.id, seq: guestRsvps.waitlistSeq })
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activityId), eq(guestRsvps.status, "waitlisted")))
    .orderBy(asc(guestRsvps.waitlistSeq))
    .limit(room);
  const next = [...members.map((m) => ({ ...m, guest: false })), ...guests.map((g) => ({ ...g, guest: true }))].sort((a, b) => a.seq - b.seq).slice(0, room);
  if (next.length === 0) return [];
  const ids = next.filter((n) => !n.guest).map((r) => r.id);
  const guestIds = next.filter((n) => n.guest).map((r) => r.id);
  const now = new Date();
  if (ids.length) await tx.update(rsvps).set({ status: "going", updatedAt: now }).where(and(eq(rsvps.activityId, activityId), inArray(rsvps.userId, ids)));
  if (guestIds.length) await tx.update(guestRsvps).set({ status: "going", updatedAt: now }).where(and(eq(guestRsvps.activityId, activityId), inArray(guestRsvps.id, guestIds)));
  await bumpCounts(tx, activityId, next.length, -next.length);
  await tellPromotedGuests(tx, activity, guestIds);
  for (const userId of ids) {
    await notify(tx, {
      userId,
      type: "waitlist_promoted",
      title: say("notices", "rsvp.promoted.title", { title: activity.title }),
      body: say("notices", "rsvp.promoted.body", { when: (l) => when(activity, l) }),
      href: `/activities/${activity.id}`,
      activityId: activity.id,
    });
  }
  return ids;
}

/** `respondToActivity` on the app's database, for actions and route handlers. */
export async function submitRsvp(input: RespondInput): Promise<RsvpResult> {
  return respondToActivity(await getDb(), input);
}

/** `cancelRsvp` on the app's database, for actions and route handlers. */
export async function withdrawRsvp(input: { activityId: string; userId: string }): Promise<RsvpResult> {
  return cancelRsvp(await getDb(), input);
}
