"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActivityFormState } from "@/components/activity-form";
import { cancelActivity, updateActivity } from "@/db/mutations/activities";
import { type ActionResult, fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { requestWords } from "@/server/request-locale";
import { activityInputSchema, activityValuesFromFormData, editScopeSchema } from "@/lib/validation/activity";
import { recordIdSchema } from "@/lib/validation/ids";
import { say } from "@/lib/i18n/said";

/*
 * Organizer actions on one activity. Each parses, authenticates, then lets the mutation
 * authorize against the activity's own group inside its transaction.
 */

const SIGNED_OUT = () => say("errors.action.sessionEnded");

export const updateActivityAction = defineAction({
  bound: ["activityId"],
  find: { activityId: recordIdSchema },
  read: (form) => [activityValuesFromFormData(form), form.get("scope") ?? undefined] as const,
  input: [activityInputSchema, editScopeSchema],
  keep: ([values]) => ({ values }),
  member: SIGNED_OUT,
  run: async ([activity, scope], viewer, { activityId }): Promise<ActivityFormState> => {
    const result = await updateActivity(viewer, activityId, activity, scope);
    if (!result.ok) return result;
    revalidatePath("/activities", "layout");
    redirect(`/activities/${activityId}?done=${result.data.changed === 0 ? "unchanged" : scope === "following" ? "saved-following" : "saved"}`);
  },
});

export type OrganizerActionState = ActionResult<{ message: string }> | null;

export const cancelActivityAction = defineAction({
  bound: ["activityId"],
  find: { activityId: recordIdSchema },
  read: (form) => [form.get("scope") ?? undefined, form.get("confirm")] as const,
  input: [editScopeSchema, z.unknown()],
  check: ([, confirm]) => (confirm === "yes" ? undefined : fail("invalid_input", say("errors.action.tickToCancel"))),
  member: SIGNED_OUT,
  run: async ([scope], viewer, { activityId }): Promise<OrganizerActionState> => {
    const result = await cancelActivity(viewer, activityId, scope);
    if (!result.ok) return result;
    revalidatePath("/activities", "layout");
    revalidatePath("/groups", "layout");
    const t = await requestWords("activity-form.done");
    return { ok: true, data: { message: t("cancelled", { count: result.data.cancelled }) } };
  },
});
