"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActivityFormState } from "@/components/activity-form";
import { createActivity } from "@/db/mutations/activities";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { activityInputSchema, activityValuesFromFormData, startsInThePast } from "@/lib/validation/activity";
import { areRecordIds, NOT_FOUND_MESSAGE } from "@/lib/validation/ids";

/** Creates an activity or a series in a group; the mutation checks the viewer organizes *this* group. */
export async function createActivityAction(groupId: string, _prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = activityValuesFromFormData(formData);
  if (!areRecordIds(groupId)) return { ...fail("not_found", NOT_FOUND_MESSAGE), values };
  const parsed = activityInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  // Posting something that has already begun is usually a slip of the date; ask once.
  if (startsInThePast(parsed.data) && formData.get("startedOk") !== "on") {
    const message = "This activity has already started. Check the date, or tick “Post it anyway” if that's right.";
    return { ok: false, code: "invalid_input", message, fieldErrors: { startedOk: message }, values };
  }
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const result = await createActivity(viewer, groupId, parsed.data);
  if (!result.ok) return { ...result, values };
  revalidatePath("/groups", "layout");
  revalidatePath("/activities", "layout");
  redirect(`/activities/${result.data.id}?done=created`);
}
