"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ProjectFormState } from "@/components/project-form";
import { createProject } from "@/db/mutations/projects";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { areRecordIds, NOT_FOUND_MESSAGE } from "@/lib/validation/ids";
import { projectInputSchema, projectValuesFromFormData } from "@/lib/validation/project";

/** Starts a project in a group; the mutation checks the viewer organizes *this* group. */
export async function createProjectAction(groupId: string, _prev: ProjectFormState, formData: FormData): Promise<ProjectFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = projectValuesFromFormData(formData);
  if (!areRecordIds(groupId)) return { ...fail("not_found", NOT_FOUND_MESSAGE), values };
  const parsed = projectInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const result = await createProject(viewer, groupId, parsed.data);
  if (!result.ok) return { ...result, values };
  revalidatePath("/groups", "layout");
  revalidatePath("/projects", "layout");
  redirect(`/projects/${result.data.id}`);
}
