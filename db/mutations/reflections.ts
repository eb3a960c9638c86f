import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { REFLECTION_DAYS } from "../queries/reflections";
import { activities, reflections, rsvps } from "../schema";
import { recordMilestones } from "./milestones";
import { say } from "@/lib/i18n/said";

export type ReflectionResult =
  | { ok: true; reflection: { activityId: string; feeling: "drained" | "ok" | "lifted"; note: string }; milestones: string[] }
  | { ok: false; code: "not_found" | "closed"; message: string };

/**
 * Records (or changes) the member's private reflection on an activity they were marked as
 * attending, up to a week after it ended. Nobody else is told; it may reach a milestone.
 */
export async function saveReflection(input: { userId: string; activityId: string; feeling: "drained" | "ok" | "lifted"; note: string; now?: Date }): Promise<ReflectionResult> {
  const now = input.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ endsAt: activities.endsAt })
      .from(rsvps)
      .innerJoin(activities, eq(activities.id, rsvps.activityId))
      .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.userId), eq(rsvps.attendance, "attended")))
      .limit(1);
    // Not attended (or not visible, or no such activity) all read the same: there is nothing to reflect on.
    if (!row) return { ok: false as const, code: "not_found" as const, message: say("errors.api.reflectionsAttended") };
    if (row.endsAt.getTime() + REFLECTION_DAYS * 86_400_000 <= now.getTime()) {
      return { ok: false as const, code: "closed" as const, message: say("errors.refusals.reflections.reflectionsStayOpenWeek") };
    }
    const values = { feeling: input.feeling, note: input.note, createdAt: now };
    await tx
      .insert(reflections)
      .values({ activityId: input.activityId, userId: input.userId, ...values })
      .onConflictDoUpdate({ target: [reflections.activityId, reflections.userId], set: values });
    const reached = await recordMilestones(input.userId, { now, executor: tx });
    return { ok: true as const, reflection: { activityId: input.activityId, feeling: input.feeling, note: input.note }, milestones: reached };
  });
}
