import "server-only";
import { and, asc, eq, gte, isNull, lte } from "drizzle-orm";
import { getDb } from "../client";
import { activities, reflections, rsvps } from "../schema";

/** A reflection is offered from the moment an organizer marks the member as there until a week after the end. */
export const REFLECTION_DAYS = 7;

export interface ReflectionOffer {
  activityId: string;
  title: string;
  endsAt: Date;
  /** Whether the member may still reflect (or change their reflection) now. */
  open: boolean;
  mine: { feeling: "drained" | "ok" | "lifted"; note: string } | null;
}

/**
 * The member's own reflection on one activity, and whether one is offered: only to someone
 * marked as attended. Reads only the member's own row, whoever else is looking at the page.
 */
export async function getReflectionOffer(activityId: string, userId: string, now = new Date()): Promise<ReflectionOffer | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ activityId: activities.id, title: activities.title, endsAt: activities.endsAt, feeling: reflections.feeling, note: reflections.note })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .leftJoin(reflections, and(eq(reflections.activityId, rsvps.activityId), eq(reflections.userId, rsvps.userId)))
    .where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId), eq(rsvps.attendance, "attended")))
    .limit(1);
  if (!row) return undefined;
  const open = row.endsAt.getTime() + REFLECTION_DAYS * 86_400_000 > now.getTime();
  return { activityId: row.activityId, title: row.title, endsAt: row.endsAt, open, mine: row.feeling ? { feeling: row.feeling, note: row.note ?? "" } : null };
}

/** Attended activities from the last week the member hasn't reflected on yet, oldest first. */
export async function listReflectionsWaiting(userId: string, now = new Date()): Promise<{ activityId: string; title: string; endsAt: Date }[]> {
  const db = await getDb();
  return db
    .select({ activityId: activities.id, title: activities.title, endsAt: activities.endsAt })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .leftJoin(reflections, and(eq(reflections.activityId, rsvps.activityId), eq(reflections.userId, rsvps.userId)))
    .where(
      and(
        eq(rsvps.userId, userId),
        eq(rsvps.attendance, "attended"),
        isNull(reflections.userId),
        lte(activities.startsAt, now),
        gte(activities.endsAt, new Date(now.getTime() - REFLECTION_DAYS * 86_400_000)),
      ),
    )
    .orderBy(asc(activities.endsAt))
    .limit(5);
}
