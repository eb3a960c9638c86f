import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { activities, rsvps, users } from "../schema";
import type { RsvpAnswers, RsvpQuestion } from "@/lib/rsvp-questions";

export interface RsvpExtrasRow {
  userId: string;
  name: string;
  status: "going" | "waitlisted" | "maybe" | "not_going";
  answers: RsvpAnswers;
  /** When they said "Yes, I'm coming" from the reminder; null if they haven't. */
  stillComingAt: Date | null;
}

/**
 * For the organizer view and CSV only (the caller has checked the viewer organizes this
 * activity's group): the activity's questions on RSVP, and each member's answers and
 * "still coming" confirmation.
 */
export async function getRsvpExtras(activityId: string): Promise<{ questions: RsvpQuestion[]; rows: RsvpExtrasRow[] }> {
  const db = await getDb();
  const [a] = await db.select({ questions: activities.rsvpQuestions }).from(activities).where(eq(activities.id, activityId)).limit(1);
  const rows = await db
    .select({ userId: rsvps.userId, name: users.name, status: rsvps.status, answers: rsvps.answers, stillComingAt: rsvps.stillComingAt })
    .from(rsvps)
    .innerJoin(users, eq(users.id, rsvps.userId))
    .where(eq(rsvps.activityId, activityId))
    .orderBy(asc(users.name), asc(rsvps.userId));
  return { questions: a?.questions ?? [], rows };
}
