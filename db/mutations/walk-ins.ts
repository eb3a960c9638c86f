import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { notBlockedWith } from "../queries/blocks";
import { getActivityAccess } from "../queries/rsvps";
import { activities, groups, memberships, rsvps, users, walkIns } from "../schema";
import { recordMilestones } from "./milestones";
import { lockActivity } from "./rsvps";
import { say } from "@/lib/i18n/said";

/*
 * Walk-ins: someone who turned up without an RSVP, recorded by an organizer of the activity's
 * group from its start. A member becomes an RSVP marked attended (`walked_in_at` set), so their
 * participation, milestones and the attendance figures count it with no other query changing.
 * The activity has started, so the place taken is after the fact: nobody waiting loses one (the
 * waitlist is never promoted here). Someone without an account is kept by first name alone, for
 * the organizers' eyes only.
 */

type Refusal = { ok: false; code: "not_found" | "forbidden" | "too_early" | "cancelled" | "already" | "not_allowed"; message: string };
export type WalkInResult = { ok: true; name: string } | Refusal;

async function refusal(tx: Db, activityId: string, actorId: string, now: Date): Promise<Refusal | null> {
  // The activity's row is locked first, so the counts moved below stay equal to the rows.
  await lockActivity(tx, activityId);
  const access = await getActivityAccess(activityId, actorId, tx);
  if (!access) return { ok: false, code: "not_found", message: say("errors.action.activityMissing") };
  if (!access.isOrganizer) return { ok: false, code: "forbidden", message: say("errors.refusals.walkIns.onlyOrganizersGroupRecord") };
  if (access.status === "cancelled") return { ok: false, code: "cancelled", message: say("errors.refusals.walkIns.activityWasCancelledSo") };
  if (access.startsAt > now) return { ok: false, code: "too_early", message: say("errors.refusals.walkIns.walkInsRecordedOnce") };
  return null;
}

/**
 * Records a member who turned up without an RSVP (or with "maybe", "not this time" or a place
 * on the waitlist) as going and attended, and records the milestones that reaches. Refused for a
 * member already going or marked attended, and for anyone the organizer may not record: not a
 * member of a private group, banned from the group, suspended, or with a block either way.
 */
export async function recordMemberWalkIn(input: { activityId: string; actorId: string; userId: string; now?: Date }): Promise<WalkInResult> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refused = await refusal(tx, input.activityId, input.actorId, now);
    if (refused) return refused;
    const [who] = await tx
      .select({
        name: users.name,
        visibility: groups.visibility,
        membership: memberships.status,
        suspended: sql<boolean>`${users.suspendedAt} is not null`,
        unblocked: sql<boolean>`${notBlockedWith(input.actorId, users.id)}`,
      })
      .from(users)
      .innerJoin(activities, eq(activities.id, input.activityId))
      .innerJoin(groups, eq(groups.id, activities.groupId))
      .leftJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, users.id)))
      .where(eq(users.id, input.userId))
      .limit(1);
    const notAllowed: Refusal = { ok: false, code: "not_allowed", message: say("errors.refusals.walkIns.memberCantRecordedAt") };
    if (!who || who.suspended || !who.unblocked || who.membership === "banned") return notAllowed;
    if (who.visibility === "private" && who.membership !== "active") return notAllowed;
    const [existing] = await tx.select().from(rsvps).where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.userId))).limit(1);
    if (existing && (existing.status === "going" || existing.attendance === "attended")) {
      return { ok: false, code: "already", message: say("errors.refusals.walkIns.alreadyListed", { name: who.name }) };
    }
    const marked = { status: "going" as const, attendance: "attended" as const, attendanceMarkedAt: now, walkedInAt: now, updatedAt: now };
    if (existing) {
      await tx
        .update(rsvps)
        .set({ ...marked, statusBeforeWalkIn: existing.status })
        .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.userId)));
    } else {
      await tx.insert(rsvps).values({ activityId: input.activityId, userId: input.userId, ...marked });
    }
    await moveCounts(tx, input.activityId, 1, existing?.status === "waitlisted" ? -1 : 0);
    await recordMilestones(input.userId, { now, executor: tx });
    return { ok: true, name: who.name };
  });
}

/** Records someone without an account who turned up, by first name only. */
export async function recordNamedWalkIn(input: { activityId: string; actorId: string; firstName: string; now?: Date }): Promise<WalkInResult> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refused = await refusal(tx, input.activityId, input.actorId, now);
    if (refused) return refused;
    await tx.insert(walkIns).values({ activityId: input.activityId, firstName: input.firstName, recordedById: input.actorId, createdAt: now });
    return { ok: true, name: input.firstName };
  });
}

/**
 * Removes a walk-in recorded by mistake: a member's RSVP goes back to what it was before (or
 * away, when they had none), a first name is deleted. Milestones already told stay told.
 */
export async function removeWalkIn(input: { activityId: string; actorId: string; userId?: string; walkInId?: string; now?: Date }): Promise<WalkInResult> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refused = await refusal(tx, input.activityId, input.actorId, now);
    if (refused && refused.code !== "too_early") return refused;
    const missing: Refusal = { ok: false, code: "not_found", message: say("errors.refusals.walkIns.walkIsntListAny") };
    if (input.walkInId) {
      const [gone] = await tx.delete(walkIns).where(and(eq(walkIns.id, input.walkInId), eq(walkIns.activityId, input.activityId))).returning({ name: walkIns.firstName });
      return gone ? { ok: true, name: gone.name } : missing;
    }
    if (!input.userId) return missing;
    const [row] = await tx
      .select({ status: rsvps.status, before: rsvps.statusBeforeWalkIn, name: users.name })
      .from(rsvps)
      .innerJoin(users, eq(users.id, rsvps.userId))
      .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.userId), sql`${rsvps.walkedInAt} is not null`))
      .limit(1);
    if (!row) return missing;
    const where = and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.userId));
    if (row.before) {
      await tx.update(rsvps).set({ status: row.before, attendance: null, attendanceMarkedAt: null, walkedInAt: null, statusBeforeWalkIn: null, updatedAt: now }).where(where);
    } else {
      await tx.delete(rsvps).where(where);
    }
    const going = (row.status === "going" ? -1 : 0) + (row.before === "going" ? 1 : 0);
    const waiting = (row.status === "waitlisted" ? -1 : 0) + (row.before === "waitlisted" ? 1 : 0);
    await moveCounts(tx, input.activityId, going, waiting);
    return { ok: true, name: row.name };
  });
}

async function moveCounts(tx: Db, activityId: string, going: number, waiting: number): Promise<void> {
  if (!going && !waiting) return;
  await tx
    .update(activities)
    .set({ goingCount: sql`${activities.goingCount} + ${going}`, waitlistCount: sql`${activities.waitlistCount} + ${waiting}` })
    .where(eq(activities.id, activityId));
}
