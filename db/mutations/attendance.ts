import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { getActivityAccess } from "../queries/rsvps";
import { rsvps } from "../schema";
import { recordMilestones } from "./milestones";
import { say } from "@/lib/i18n/said";

export type AttendanceResult =
  | { ok: true; marked: number }
  | { ok: false; code: "not_found" | "forbidden" | "too_early" | "cancelled" | "no_rsvp"; message: string };

/** Decided inside the transaction of the change, so a demotion a moment earlier is respected. */
async function refusal(tx: Db, activityId: string, actorId: string, now: Date): Promise<AttendanceResult | null> {
  const access = await getActivityAccess(activityId, actorId, tx);
  if (!access) return { ok: false, code: "not_found", message: say("errors.action.activityMissing") };
  if (!access.isOrganizer) return { ok: false, code: "forbidden", message: say("errors.refusals.attendance.onlyOrganizersGroupMark") };
  if (access.status === "cancelled") return { ok: false, code: "cancelled", message: say("errors.refusals.attendance.activityWasCancelledSo") };
  // Attendance is what participation counts, so it can only be recorded once people could have come.
  if (access.startsAt > now) return { ok: false, code: "too_early", message: say("errors.refusals.attendance.attendanceMarkedOnceActivity") };
  return null;
}

/**
 * Records whether one member came, on behalf of an organizer of the activity's group.
 * Only members with an RSVP (of any answer) can be marked; marking again replaces the
 * earlier mark.
 */
export async function markAttendance(input: { activityId: string; actorId: string; userId: string; attendance: "attended" | "no_show"; now?: Date }): Promise<AttendanceResult> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refused = await refusal(tx, input.activityId, input.actorId, now);
    if (refused) return refused;
    const rows = await tx
      .update(rsvps)
      .set({ attendance: input.attendance, attendanceMarkedAt: now, updatedAt: now })
      .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.userId)))
      .returning({ userId: rsvps.userId });
    if (rows.length === 0) return { ok: false, code: "no_rsvp", message: say("errors.refusals.attendance.memberHasntRsvpedActivity") };
    // Being there may reach a milestone (first activity, a third visit...): told privately, once.
    if (input.attendance === "attended") await recordMilestones(input.userId, { now, executor: tx });
    return { ok: true, marked: 1 };
  });
}

/** Marks everyone going as attended, leaving anyone already marked (either way) as they were. */
export async function markAllGoingAttended(input: { activityId: string; actorId: string; now?: Date }): Promise<AttendanceResult> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const refused = await refusal(tx, input.activityId, input.actorId, now);
    if (refused) return refused;
    const rows = await tx
      .update(rsvps)
      .set({ attendance: "attended", attendanceMarkedAt: now, updatedAt: now })
      .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.status, "going"), isNull(rsvps.attendance)))
      .returning({ userId: rsvps.userId });
    for (const row of rows) await recordMilestones(row.userId, { now, executor: tx });
    return { ok: true, marked: rows.length };
  });
}
