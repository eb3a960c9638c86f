"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import type { FormState } from "@/components/action-form";
import { askOrganizers, replyToQuestion } from "@/db/mutations/questions";
import { defineAction } from "@/server/action";
import { recordIdSchema } from "@/lib/validation/ids";
import { questionInputSchema } from "@/lib/validation/questions";
import { say } from "@/lib/i18n/said";

/** A member's private question to the organizers of an activity's group. */
export const askAboutActivityAction = defineAction({
  find: { activityId: recordIdSchema },
  missing: () => say("errors.action.activityMaybeRemoved"),
  read: (form) => ({ body: form.get("body") }),
  input: questionInputSchema,
  invalid: () => say("errors.action.checkQuestion"),
  member: () => say("errors.action.signInToAsk"),
  run: async ({ body }, viewer, { activityId }): Promise<FormState> => {
    const result = await askOrganizers(viewer, { activityId }, body);
    if (!result.ok) return result;
    revalidatePath("/me/questions");
    const t = await requestWords("questions.said");
    return { ok: true, data: { message: t("asked") } };
  },
});

/** A member's private question to a group's organizers. */
export const askAboutGroupAction = defineAction({
  find: { groupId: recordIdSchema },
  missing: () => say("errors.action.groupMissing"),
  read: (form) => ({ body: form.get("body") }),
  input: questionInputSchema,
  invalid: () => say("errors.action.checkQuestion"),
  member: () => say("errors.action.signInToAsk"),
  run: async ({ body }, viewer, { groupId }): Promise<FormState> => {
    const result = await askOrganizers(viewer, { groupId }, body);
    if (!result.ok) return result;
    revalidatePath("/me/questions");
    const t = await requestWords("questions.said");
    return { ok: true, data: { message: t("asked") } };
  },
});

/** A reply in a question's thread, by the member who asked or one of the group's organizers. */
export const replyToQuestionAction = defineAction({
  find: { questionId: recordIdSchema },
  missing: () => say("errors.action.conversationMissing"),
  read: (form) => ({ body: form.get("body") }),
  input: questionInputSchema,
  invalid: () => say("errors.action.checkReply"),
  member: true,
  run: async ({ body }, viewer, { questionId }): Promise<FormState> => {
    const result = await replyToQuestion(viewer, questionId, body);
    if (!result.ok) return result;
    revalidatePath(`/me/questions/${questionId}`);
    revalidatePath("/groups/[slug]/questions/[id]", "page");
    const t = await requestWords("questions.said");
    return { ok: true, data: { message: result.data.fromOrganizers ? t("toMember") : t("toOrganizers") } };
  },
});
