import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { answeringActivity } from "../content-version";
import { getActivityAccess } from "../queries/rsvps";
import { activities } from "../schema";
import type { RsvpQuestion } from "@/lib/rsvp-questions";
import { lockActivity } from "./rsvps";
import { say } from "@/lib/i18n/said";

/** Why an activity cannot have both time slots and questions on RSVP (shown from either side). */
export const SLOTS_ASK_NO_QUESTIONS = () => say("errors.refusals.rsvpQuestions.slotsAskNoQuestions");

export type SetQuestionsResult = { ok: true; count: number } | { ok: false; code: "not_found" | "forbidden" | "closed"; message: string };

/**
 * An organizer sets the questions an activity asks on RSVP (already checked by
 * `parseQuestionSlots`). Under the activity's lock, so an RSVP is checked against the questions
 * before or after, never halfway. An activity that has ended asks nothing more.
 */
export async function setRsvpQuestions(input: { activityId: string; actorId: string; questions: RsvpQuestion[] }, now = new Date()): Promise<SetQuestionsResult> {
  const db = await getDb();
  return db.transaction(async (tx) => answeringActivity(input.activityId, async () => {
    const activity = await lockActivity(tx as unknown as Db, input.activityId);
    const access = activity ? await getActivityAccess(input.activityId, input.actorId, tx as unknown as Db) : undefined;
    if (!activity || !access) return { ok: false, code: "not_found", message: say("errors.action.activityMissing") } as const;
    if (!access.isOrganizer) return { ok: false, code: "forbidden", message: say("errors.refusals.rsvpQuestions.onlyOrganizersGroupSet") } as const;
    if (activity.endsAt <= now) return { ok: false, code: "closed", message: say("errors.refusals.rsvpQuestions.activityHasEndedSo") } as const;
    // People take places on a slotted activity through its slots, whose forms ask no questions.
    if (input.questions.length > 0 && activity.slotCount > 0) return { ok: false, code: "closed", message: SLOTS_ASK_NO_QUESTIONS() } as const;
    await tx.update(activities).set({ rsvpQuestions: input.questions, updatedAt: now }).where(eq(activities.id, input.activityId));
    return { ok: true, count: input.questions.length } as const;
  }));
}
