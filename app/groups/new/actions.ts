"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { GroupFormState } from "@/components/group-form";
import { createGroup } from "@/db/mutations/groups";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { groupInputSchema, groupValuesFromFormData } from "@/lib/validation/group";

/** Starts a group with the viewer as its owner, then opens it. */
export async function createGroupAction(_prev: GroupFormState, formData: FormData): Promise<GroupFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = groupValuesFromFormData(formData);
  const parsed = groupInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const result = await createGroup(viewer, parsed.data);
  if (!result.ok) return { ...result, values };
  revalidatePath("/groups");
  redirect(`/groups/${result.data.slug}`);
}
