import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { activities, activitySlots, groups, memberships, slotSignups, type Activity } from "../schema";
import { answeringActivity } from "../content-version";
import { capacityGuardOn, dropPlaceForSlot, holdPlaceForSlot, isContention, timeRefusal, TRY_AGAIN_MESSAGE } from "./rsvps";
import { bumpSlot, holdsAnySlot, promoteInSlot, slotWaitlistPosition } from "./slot-places";
import { slotLabel, type SlotLine } from "@/lib/validation/slots";
import { SLOTS_ASK_NO_QUESTIONS } from "./rsvp-questions";
import { say } from "@/lib/i18n/said";

/*
 * Taking and leaving an activity's time slots, and an organizer setting them. Like an RSVP,
 * every change locks the activity row first (SELECT … FOR UPDATE), so answers arriving at once
 * are decided one at a time against the real counts, and a full slot is never over-filled. The
 * slot counts and the activity's own counts change in that same transaction: holding a place in
 * any slot makes the member "going" to the activity (db/mutations/rsvps.ts, holdPlaceForSlot).
 */

export type SlotStatus = "going" | "waitlisted" | "none";
export type SlotFailureCode = "not_found" | "forbidden" | "closed" | "cancelled" | "past" | "try_again";
export interface SlotState {
  slotId: string;
  status: SlotStatus;
  /** 1-based place in the slot's line, only when waitlisted. */
  position?: number;
  /** "09:00–11:00", in the activity's time zone. */
  label: string;
}
export type SlotResult =
  | { ok: true; state: SlotState; changed: boolean; slot: { capacity: number | null; goingCount: number; waitlistCount: number }; activityGoing: boolean }
  | { ok: false; code: SlotFailureCode; message: string };

const NOT_FOUND = () => say("errors.refusals.slots.activityNotFound");
const NO_SLOT = () => say("errors.refusals.slots.noSlot");

function fail(code: SlotFailureCode, message: string): Extract<SlotResult, { ok: false }> {
  return { ok: false, code, message };
}

/** The activity locked, its group's visibility, the member's membership; then their place in the slot, read after the lock. */
async function lockForSlot(tx: Db, activityId: string, slotId: string, userId: string) {
  const query = tx
    .select({ activity: activities, groupVisibility: groups.visibility, groupHiddenAt: groups.hiddenAt, membershipStatus: memberships.status })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .leftJoin(memberships, and(eq(memberships.groupId, activities.groupId), eq(memberships.userId, userId)))
    .where(eq(activities.id, activityId))
    .limit(1);
  const [row] = capacityGuardOn() ? await query.for("update", { of: activities }) : await query;
  if (!row || row.activity.hiddenAt || row.groupHiddenAt) return { ok: false, refusal: fail("not_found", NOT_FOUND()) } as const;
  if (row.groupVisibility === "private" && row.membershipStatus !== "active") return { ok: false, refusal: fail("not_found", NOT_FOUND()) } as const;
  if (row.membershipStatus === "banned") return { ok: false, refusal: fail("forbidden", say("errors.refusals.slots.cantTakePartGroups")) } as const;
  const [slot] = await tx.select().from(activitySlots).where(and(eq(activitySlots.id, slotId), eq(activitySlots.activityId, activityId))).limit(1);
  if (!slot) return { ok: false, refusal: fail("not_found", NO_SLOT()) } as const;
  const [mine] = await tx.select().from(slotSignups).where(and(eq(slotSignups.slotId, slotId), eq(slotSignups.userId, userId))).limit(1);
  return { ok: true, activity: row.activity, slot, mine: mine as typeof mine | undefined } as const;
}

async function contended(work: () => Promise<SlotResult>): Promise<SlotResult> {
  try {
    return await work();
  } catch (error) {
    if (isContention(error)) return fail("try_again", TRY_AGAIN_MESSAGE());
    throw error;
  }
}

function refusedByTime(activity: Activity, now: Date): SlotResult | null {
  const late = timeRefusal(activity, now);
  if (!late || late.ok) return null;
  const key = late.code === "cancelled" ? "timeCancelled" : late.code === "past" ? "timePast" : "timeClosed";
  return fail(late.code as SlotFailureCode, say(`errors.refusals.slots.${key}`));
}

/**
 * Takes a place in a time slot: a place if it has room and nobody is waiting for it, else the
 * end of that slot's line. Taking a slot already held changes nothing. A place in any slot makes
 * the member going to the activity. Nothing is taken after the RSVP cutoff or once it started.
 */
export async function takeSlot(db: Db, input: { activityId: string; slotId: string; userId: string }): Promise<SlotResult> {
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(input.activityId, async (): Promise<SlotResult> => {
      const now = new Date();
      const locked = await lockForSlot(tx, input.activityId, input.slotId, input.userId);
      if (!locked.ok) return locked.refusal;
      const { activity, slot, mine } = locked;
      const label = slotLabel(slot, activity.timezone);
      const counts = (s: typeof slot) => ({ capacity: s.capacity, goingCount: s.goingCount, waitlistCount: s.waitlistCount });
      if (mine) {
        const position = mine.status === "waitlisted" ? await slotWaitlistPosition(tx, slot.id, mine.waitlistSeq) : undefined;
        return { ok: true, state: { slotId: slot.id, status: mine.status as SlotStatus, label, ...(position ? { position } : {}) }, changed: false, slot: counts(slot), activityGoing: await holdsAnySlot(tx, activity.id, input.userId) };
      }
      const late = refusedByTime(activity, now);
      if (late) return late;
      if ((activity.rsvpCutoff ?? activity.startsAt) <= now) return fail("closed", say("errors.refusals.slots.signUpsActivityHave"));
      const hasRoom = slot.capacity === null || (slot.goingCount < slot.capacity && slot.waitlistCount === 0);
      const status = hasRoom ? "going" : "waitlisted";
      const [row] = await tx.insert(slotSignups).values({ slotId: slot.id, activityId: activity.id, userId: input.userId, status }).returning();
      const after = await bumpSlot(tx, slot.id, hasRoom ? 1 : 0, hasRoom ? 0 : 1);
      if (hasRoom) await holdPlaceForSlot(tx, activity, input.userId);
      // Under the lock a newcomer's sequence number is the highest, so they are last in line.
      const position = hasRoom ? undefined : capacityGuardOn() ? after.waitlistCount : await slotWaitlistPosition(tx, slot.id, row.waitlistSeq);
      return { ok: true, state: { slotId: slot.id, status, label, ...(position ? { position } : {}) }, changed: true, slot: counts(after), activityGoing: hasRoom || (await holdsAnySlot(tx, activity.id, input.userId)) };
    })),
  );
}

/**
 * Leaves a time slot (a place or a place in its line). A freed place goes at once to the first
 * member waiting for that slot, who is told. Leaving the last slot held takes the member off the
 * activity too. Leaving a slot not held changes nothing.
 */
export async function leaveSlot(db: Db, input: { activityId: string; slotId: string; userId: string }): Promise<SlotResult> {
  return contended(() =>
    db.transaction(async (tx) => answeringActivity(input.activityId, async (): Promise<SlotResult> => {
      const now = new Date();
      const locked = await lockForSlot(tx, input.activityId, input.slotId, input.userId);
      if (!locked.ok) return locked.refusal;
      const { activity, slot, mine } = locked;
      const label = slotLabel(slot, activity.timezone);
      if (!mine) {
        return { ok: true, state: { slotId: slot.id, status: "none", label }, changed: false, slot: { capacity: slot.capacity, goingCount: slot.goingCount, waitlistCount: slot.waitlistCount }, activityGoing: await holdsAnySlot(tx, activity.id, input.userId) };
      }
      const late = refusedByTime(activity, now);
      if (late) return late;
      await tx.delete(slotSignups).where(and(eq(slotSignups.slotId, slot.id), eq(slotSignups.userId, input.userId)));
      const wasGoing = mine.status === "going";
      await bumpSlot(tx, slot.id, wasGoing ? -1 : 0, wasGoing ? 0 : -1);
      let current = activity;
      if (wasGoing) {
        for (const promoted of await promoteInSlot(tx, activity, slot.id, now)) current = await holdPlaceForSlot(tx, current, promoted);
      }
      const stillGoing = await holdsAnySlot(tx, activity.id, input.userId);
      if (!stillGoing) await dropPlaceForSlot(tx, current, input.userId);
      const [after] = await tx.select().from(activitySlots).where(eq(activitySlots.id, slot.id));
      return { ok: true, state: { slotId: slot.id, status: "none", label }, changed: true, slot: { capacity: after.capacity, goingCount: after.goingCount, waitlistCount: after.waitlistCount }, activityGoing: stillGoing };
    })),
  );
}

export type SetSlotsResult = { ok: true; added: number; removed: number; kept: number } | { ok: false; code: "not_found" | "forbidden" | "invalid" | "closed" | "try_again"; message: string };

/**
 * An organizer sets the activity's slots to exactly `slots` (already checked against each
 * other and the activity's times). A slot with the same start and end as an existing one is
 * that slot, with its people: its places may change, but never below the number going (that is
 * refused, naming the slot), and a place it gains goes to the first in its line. A slot someone
 * holds or waits for cannot be removed (refused, naming it): nobody loses a place silently.
 * An activity with its own limit on places cannot have slots: places are then counted per slot.
 */
export async function setActivitySlots(input: { activityId: string; actorId: string; slots: SlotLine[] }): Promise<SetSlotsResult> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .select({ activity: activities, role: memberships.role, status: memberships.status })
        .from(activities)
        .leftJoin(memberships, and(eq(memberships.groupId, activities.groupId), eq(memberships.userId, input.actorId)))
        .where(eq(activities.id, input.activityId))
        .limit(1)
        .for("update", { of: activities });
      if (!row || row.activity.hiddenAt || row.status !== "active") return { ok: false, code: "not_found", message: NOT_FOUND() } as const;
      if (row.role !== "owner" && row.role !== "organizer") return { ok: false, code: "forbidden", message: say("errors.refusals.slots.onlyGroupsOrganizersChange") } as const;
      const activity = row.activity;
      if (activity.status === "cancelled") return { ok: false, code: "closed", message: say("errors.refusals.slots.activityCancelledSoIts") } as const;
      if (activity.endsAt <= now) return { ok: false, code: "closed", message: say("errors.refusals.slots.activityHasAlreadyHappened") } as const;
      if (input.slots.length > 0 && activity.rsvpQuestions.length > 0) return { ok: false, code: "invalid", message: SLOTS_ASK_NO_QUESTIONS() } as const;
      if (input.slots.length > 0 && activity.capacity !== null) {
        return { ok: false, code: "invalid", message: say("errors.refusals.slots.ownLimit", { capacity: activity.capacity }) } as const;
      }
      // The lines were checked against the activity's times as read before the lock; an edit meanwhile is caught here.
      if (input.slots.some((s) => s.startsAt < activity.startsAt || s.endsAt > activity.endsAt)) {
        return { ok: false, code: "invalid", message: say("errors.refusals.slots.activitysOwnTimeHas") } as const;
      }
      const existing = await tx.select().from(activitySlots).where(eq(activitySlots.activityId, activity.id));
      const key = (s: { startsAt: Date; endsAt: Date }) => `${s.startsAt.getTime()}-${s.endsAt.getTime()}`;
      const wanted = new Map(input.slots.map((s) => [key(s), s]));
      const label = (s: { startsAt: Date; endsAt: Date }) => slotLabel(s, activity.timezone, activity.startsAt);
      for (const old of existing) {
        const next = wanted.get(key(old));
        const people = old.goingCount + old.waitlistCount;
        if (!next && people > 0) {
          return { ok: false, code: "invalid", message: say("errors.refusals.slots.slotHasPeople", { slot: label(old), going: old.goingCount, waiting: old.waitlistCount }) } as const;
        }
        if (next && next.capacity !== null && next.capacity < old.goingCount) {
          return { ok: false, code: "invalid", message: say("errors.refusals.slots.placesBelowGoing", { slot: label(old), going: old.goingCount }) } as const;
        }
      }
      const kept = new Set(existing.filter((o) => wanted.has(key(o))).map(key));
      let removed = 0;
      for (const old of existing) {
        if (kept.has(key(old))) continue;
        await tx.delete(activitySlots).where(eq(activitySlots.id, old.id));
        removed++;
      }
      let current = activity;
      for (const old of existing.filter((o) => kept.has(key(o)))) {
        const capacity = wanted.get(key(old))!.capacity;
        if (capacity === old.capacity) continue;
        await tx.update(activitySlots).set({ capacity }).where(eq(activitySlots.id, old.id));
        for (const promoted of await promoteInSlot(tx, activity, old.id, now)) current = await holdPlaceForSlot(tx, current, promoted);
      }
      const added = input.slots.filter((s) => !kept.has(key(s)));
      if (added.length) await tx.insert(activitySlots).values(added.map((s) => ({ activityId: activity.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity })));
      await tx.update(activities).set({ slotCount: input.slots.length, updatedAt: sql`${activities.updatedAt}` }).where(eq(activities.id, activity.id));
      return { ok: true, added: added.length, removed, kept: kept.size } as const;
    });
  } catch (error) {
    if (isContention(error)) return { ok: false, code: "try_again", message: TRY_AGAIN_MESSAGE() };
    throw error;
  }
}

/** `takeSlot` on the app's database. */
export async function takeActivitySlot(input: { activityId: string; slotId: string; userId: string }): Promise<SlotResult> {
  return takeSlot(await getDb(), input);
}

/** `leaveSlot` on the app's database. */
export async function leaveActivitySlot(input: { activityId: string; slotId: string; userId: string }): Promise<SlotResult> {
  return leaveSlot(await getDb(), input);
}
