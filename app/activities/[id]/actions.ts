"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { submitRsvp, withdrawRsvp, type RsvpResult, type RsvpState } from "@/db/mutations/rsvps";
import { type ActionResult, fail } from "@/lib/action-result";
import { MAX_ANSWER, readAnswers } from "@/lib/rsvp-questions";
import { defineAction } from "@/server/action";
import { rsvpFormSchema } from "@/lib/validation/rsvp";
import { say } from "@/lib/i18n/said";
import { requestWords } from "@/server/request-locale";

export type RsvpActionState = (ActionResult<{ state: RsvpState; message: string }> & { values?: { answers?: Record<string, string> } }) | null;

/** What an answer did, in the page's language (lib/validation/rsvp.ts words it for the API). */
async function stateMessage(state: RsvpState, changed: boolean): Promise<string> {
  const t = await requestWords("activity.actions.state");
  switch (state.status) {
    case "going":
      return t(changed ? "going" : "alreadyGoing");
    case "waitlisted":
      return t(changed ? "waitlisted" : "stillWaitlisted", { position: state.position ?? 0 });
    case "maybe":
      return t("maybe");
    default:
      return t(changed ? "notGoing" : "notDown");
  }
}

async function answer(activityId: string, result: RsvpResult): Promise<RsvpActionState> {
  if (!result.ok) {
    if (result.code === "answers_needed") return { ok: false, code: "invalid_input", message: result.message, fieldErrors: result.fieldErrors };
    const code = result.code === "try_again" ? "try_again" : result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : "closed";
    return fail(code, result.message);
  }
  if (result.changed) {
    revalidatePath(`/activities/${activityId}`);
    revalidatePath("/notifications");
  }
  return { ok: true, data: { state: result.state, message: await stateMessage(result.state, result.changed) } };
}

/** The activity answered, named by the form's activityId. */
const activity = { find: { activityId: z.uuid() }, missing: () => say("errors.action.activityMissing") };

/** "Going", "I'll try" or "Not this time", with the go-together and greeter choices. */
export const rsvpToActivityAction = defineAction({
  ...activity,
  read: (form) => ({ status: form.get("status"), goTogether: form.get("goTogether") ?? undefined, offersToGreet: form.get("offersToGreet") ?? undefined, answers: form.has("answers") ? readAnswers(form) : undefined }),
  input: rsvpFormSchema,
  // Answers typed before a refusal are shown again.
  keep: (raw) => ({ values: { answers: raw.answers } }),
  invalid: (error) => (error.issues.some((i) => i.path[0] === "answers") ? say("errors.action.answerTooLong", { max: MAX_ANSWER }) : say("errors.action.chooseRsvp")),
  member: () => say("errors.action.signInToRsvp"),
  limit: "rsvpMember",
  run: async (rsvp, viewer, { activityId }): Promise<RsvpActionState> => answer(activityId, await submitRsvp({ activityId, userId: viewer.id, ...rsvp })),
});

/** Withdraws the member's RSVP; a freed place goes to the first person waiting. */
export const withdrawRsvpAction = defineAction({
  ...activity,
  member: true,
  limit: "rsvpMember",
  run: async (_input, viewer, { activityId }): Promise<RsvpActionState> => {
    const out = await answer(activityId, await withdrawRsvp({ activityId, userId: viewer.id }));
    return out?.ok ? { ok: true, data: { state: out.data.state, message: (await requestWords("activity.actions"))("withdrawn") } } : out;
  },
});
