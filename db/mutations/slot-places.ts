import "server-only";
import { and, asc, eq, gt, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { activitySlots, slotSignups, type Activity, type ActivitySlot } from "../schema";
import { say } from "@/lib/i18n/words";
import type { Locale } from "@/lib/i18n/locales";
import { notify } from "./notifications";
import { formatLongDay } from "@/lib/dates";
import { slotLabel } from "@/lib/validation/slots";
import { say as said } from "@/lib/i18n/said";

/*
 * The places inside an activity's time slots. Every function here runs inside a transaction
 * that already holds the activity row's lock (db/mutations/slots.ts, or the RSVP mutation when
 * a member stops going): the slot counts change only under that lock, in the same transaction
 * as the rows they count. What holding a slot means for the activity's own RSVP is decided by
 * the callers, through the RSVP mutation.
 */

/** Changes a slot's counts by the given amounts and returns it as it now stands. */
export async function bumpSlot(tx: Db, slotId: string, goingDelta: number, waitlistDelta: number): Promise<ActivitySlot> {
  const [row] = await tx
    .update(activitySlots)
    .set({ goingCount: sql`${activitySlots.goingCount} + ${goingDelta}`, waitlistCount: sql`${activitySlots.waitlistCount} + ${waitlistDelta}` })
    .where(eq(activitySlots.id, slotId))
    .returning();
  return row;
}

/** A member's 1-based place on a slot's waitlist. */
export async function slotWaitlistPosition(tx: Db, slotId: string, seq: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(slotSignups)
    .where(and(eq(slotSignups.slotId, slotId), eq(slotSignups.status, "waitlisted"), lte(slotSignups.waitlistSeq, seq)));
  return Number(row?.n ?? 0);
}

/**
 * Gives a slot's free places to the first members waiting for it, in arrival order, and tells
 * each of them. Nobody is moved up on an activity that is cancelled or has ended. Returns the
 * promoted members' ids: the caller gives each of them a place at the activity itself.
 */
export async function promoteInSlot(tx: Db, activity: Activity, slotId: string, now = new Date()): Promise<string[]> {
  if (activity.status === "cancelled" || activity.endsAt <= now) return [];
  const [slot] = await tx.select().from(activitySlots).where(eq(activitySlots.id, slotId)).limit(1);
  if (!slot || slot.waitlistCount <= 0) return [];
  const room = slot.capacity === null ? slot.waitlistCount : slot.capacity - slot.goingCount;
  if (room <= 0) return [];
  const next = await tx
    .select({ userId: slotSignups.userId })
    .from(slotSignups)
    .where(and(eq(slotSignups.slotId, slotId), eq(slotSignups.status, "waitlisted")))
    .orderBy(asc(slotSignups.waitlistSeq))
    .limit(room);
  if (next.length === 0) return [];
  const ids = next.map((n) => n.userId);
  await tx.update(slotSignups).set({ status: "going", updatedAt: now }).where(and(eq(slotSignups.slotId, slotId), inArray(slotSignups.userId, ids)));
  await bumpSlot(tx, slotId, ids.length, -ids.length);
  const label = (l: Locale) => slotLabel(slot, activity.timezone, undefined, l);
  for (const userId of ids) {
    await notify(tx, {
      userId,
      type: "waitlist_promoted",
      title: say("notices", "slot.promoted.title", { slot: label, title: activity.title }),
      body: say("notices", "slot.promoted.body", { day: (l) => formatLongDay(slot.startsAt, activity.timezone, l), slot: label }),
      href: `/activities/${activity.id}`,
      activityId: activity.id,
    });
  }
  return ids;
}

/**
 * Takes a member out of every slot of the activity (they stopped going, or are leaving the
 * hub). Each place freed goes at once to the first member waiting for that slot. Returns the
 * members promoted, for the caller to give a place at the activity.
 */
export async function releaseSlotsOf(tx: Db, activity: Activity, userId: string, now = new Date()): Promise<string[]> {
  const held = await tx.delete(slotSignups).where(and(eq(slotSignups.activityId, activity.id), eq(slotSignups.userId, userId))).returning();
  const promoted: string[] = [];
  for (const signup of held.sort((a, b) => a.slotId.localeCompare(b.slotId))) {
    const going = signup.status === "going";
    await bumpSlot(tx, signup.slotId, going ? -1 : 0, going ? 0 : -1);
    if (going) promoted.push(...(await promoteInSlot(tx, activity, signup.slotId, now)));
  }
  return [...new Set(promoted)];
}

/** Whether the member holds a place (not just a place in line) in any slot of the activity. */
export async function holdsAnySlot(tx: Db, activityId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ slotId: slotSignups.slotId })
    .from(slotSignups)
    .where(and(eq(slotSignups.activityId, activityId), eq(slotSignups.userId, userId), eq(slotSignups.status, "going")))
    .limit(1);
  return Boolean(row);
}

/**
 * Why an edit of an activity with time slots cannot be saved, or null: a place limit of its own
 * (places are counted per slot), or new times that would leave a slot outside the activity.
 * Called before the edit writes anything.
 */
export async function slottedEditRefusal(tx: Db, current: Activity, next: { capacity: number | null; startsAt: Date; endsAt: Date }): Promise<{ ok: false; code: "invalid_input"; message: string; fieldErrors: Record<string, string> } | null> {
  if (current.slotCount === 0) return null;
  if (next.capacity !== null) {
    return { ok: false, code: "invalid_input", message: said("errors.refusals.slotPlaces.checkPlaces"), fieldErrors: { capacity: said("errors.refusals.slotPlaces.activityHasTimeSlots") } };
  }
  const [outside] = await tx
    .select({ id: activitySlots.id })
    .from(activitySlots)
    .where(and(eq(activitySlots.activityId, current.id), or(lt(activitySlots.startsAt, next.startsAt), gt(activitySlots.endsAt, next.endsAt))))
    .limit(1);
  if (!outside) return null;
  return { ok: false, code: "invalid_input", message: said("errors.refusals.slotPlaces.checkTimes"), fieldErrors: { startsLocal: said("errors.refusals.slotPlaces.timeSlotActivityWould") } };
}
