"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { GroupFormState } from "@/components/group-form";
import { updateGroup } from "@/db/mutations/groups";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { boundGroupSchema, GROUP_NOT_FOUND, groupInputSchema, groupValuesFromFormData } from "@/lib/validation/group";

/*
 * Saving a group's settings. The group id and slug are bound by the page and come back from
 * the browser, so they are parsed first: a malformed one is answered like a group that does
 * not exist. The mutation then checks the viewer's role in this group against the row.
 */

/** Saves the settings, then opens the group page. */
export async function updateGroupAction(groupId: string, slug: string, _prev: GroupFormState, formData: FormData): Promise<GroupFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = groupValuesFromFormData(formData);
  const ids = boundGroupSchema.safeParse({ groupId, slug });
  if (!ids.success) return { ...fail("not_found", GROUP_NOT_FOUND), values };
  const parsed = groupInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const result = await updateGroup(viewer, ids.data.groupId, parsed.data);
  if (!result.ok) return { ...result, values };
  // The name and visibility show on the group's pages, the groups list and its activities.
  revalidatePath(`/groups/${result.data.slug}`, "layout");
  revalidatePath("/groups");
  revalidatePath("/activities", "layout");
  redirect(`/groups/${result.data.slug}`);
}
