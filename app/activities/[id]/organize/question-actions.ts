"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setRsvpQuestions } from "@/db/mutations/rsvp-questions";
import { fail } from "@/lib/action-result";
import { MAX_QUESTIONS, parseQuestionSlots, type QuestionSlotInput } from "@/lib/rsvp-questions";
import { defineAction } from "@/server/action";
import { requestWords } from "@/server/request-locale";
import type { OrganizeActionState } from "./actions";
import { say } from "@/lib/i18n/said";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/** The form's fixed slots, `q<i>.<field>`: a slot with no question in it is left empty. */
function readSlots(form: FormData): QuestionSlotInput[] {
  return Array.from({ length: MAX_QUESTIONS }, (_, i) => ({
    id: text(form.get(`q${i}.id`)),
    prompt: text(form.get(`q${i}.prompt`)),
    kind: (text(form.get(`q${i}.kind`)) || "text") as QuestionSlotInput["kind"],
    required: form.get(`q${i}.required`) !== null,
    choices: text(form.get(`q${i}.choices`)),
  }));
}

/** The form's answer: what was typed comes back with a refusal, so the form shows it again. */
export type QuestionsFormState = (OrganizeActionState & { values?: QuestionSlotInput[] }) | null;

const slotsSchema = z.array(z.object({ id: z.string(), prompt: z.string(), kind: z.string(), required: z.boolean(), choices: z.string() }));

/** Sets the questions an activity asks members when they say they're going. */
export const setRsvpQuestionsAction = defineAction({
  find: { activityId: z.uuid() },
  missing: () => say("errors.action.activityMissing"),
  read: readSlots,
  input: slotsSchema,
  keep: (values) => ({ values }),
  check: (slots) => {
    const parsed = parseQuestionSlots(slots as QuestionSlotInput[]);
    return parsed.ok ? undefined : { ok: false as const, code: "invalid_input" as const, message: say("errors.action.checkQuestions"), fieldErrors: parsed.fieldErrors };
  },
  member: true,
  run: async (slots, viewer, { activityId }): Promise<QuestionsFormState> => {
    const parsed = parseQuestionSlots(slots as QuestionSlotInput[]);
    if (!parsed.ok) return { ok: false, code: "invalid_input", message: say("errors.action.checkQuestions"), fieldErrors: parsed.fieldErrors };
    const result = await setRsvpQuestions({ activityId, actorId: viewer.id, questions: parsed.questions });
    if (!result.ok) return fail(result.code, result.message);
    revalidatePath(`/activities/${activityId}/organize`);
    revalidatePath(`/activities/${activityId}`);
    const t = await requestWords("organize.done");
    return { ok: true, data: { message: t("questionsSaved", { count: result.count }) } };
  },
});
