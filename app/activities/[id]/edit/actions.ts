"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActivityFormState } from "@/components/activity-form";
import { cancelActivity, updateActivity } from "@/db/mutations/activities";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { activityInputSchema, activityValuesFromFormData, editScopeSchema } from "@/lib/validation/activity";
import { areRecordIds, NOT_FOUND_MESSAGE } from "@/lib/validation/ids";

/*
 * Organizer actions on one activity. Each parses, authenticates, then lets the mutation
 * authorize against the activity's own group inside its transaction.
 */

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

export async function updateActivityAction(activityId: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = activityValuesFromFormData(formData);
  if (!areRecordIds(activityId)) return { ...fail("not_found", NOT_FOUND_MESSAGE), values };
  const parsed = activityInputSchema.safeParse(values);
  const scope = editScopeSchema.safeParse(formData.get("scope") ?? undefined);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  if (!scope.success) return { ...invalid(scope.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", SIGNED_OUT), values };
  const result = await updateActivity(viewer, activityId, parsed.data, scope.data);
  if (!result.ok) return { ...result, values };
  revalidatePath("/activities", "layout");
  redirect(`/activities/${activityId}?done=${result.data.changed === 0 ? "unchanged" : scope.data === "following" ? "saved-following" : "saved"}`);
}

export type OrganizerActionState = ActionResult<{ message: string }> | null;

export async function cancelActivityAction(activityId: string, _prev: OrganizerActionState, formData: FormData): Promise<OrganizerActionState> {
  if (!isFormData(formData)) return unreadableForm();
  if (!areRecordIds(activityId)) return fail("not_found", NOT_FOUND_MESSAGE);
  const scope = editScopeSchema.safeParse(formData.get("scope") ?? undefined);
  if (!scope.success) return invalid(scope.error);
  if (formData.get("confirm") !== "yes") return fail("invalid_input", "Tick the box to confirm the cancellation.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGNED_OUT);
  const result = await cancelActivity(viewer, activityId, scope.data);
  if (!result.ok) return result;
  revalidatePath("/activities", "layout");
  revalidatePath("/groups", "layout");
  const n = result.data.cancelled;
  return { ok: true, data: { message: n === 1 ? "Cancelled. Everyone who was coming has been told." : `${n} occurrences cancelled. Everyone who was coming has been told.` } };
}
