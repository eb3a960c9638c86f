"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ProjectFormState } from "@/components/project-form";
import { createProject } from "@/db/mutations/projects";
import { defineAction } from "@/server/action";
import { recordIdSchema } from "@/lib/validation/ids";
import { projectInputSchema, projectValuesFromFormData } from "@/lib/validation/project";
import { say } from "@/lib/i18n/said";

/** Starts a project in a group; the mutation checks the viewer organizes *this* group. */
export const createProjectAction = defineAction({
  bound: ["groupId"],
  find: { groupId: recordIdSchema },
  read: projectValuesFromFormData,
  input: projectInputSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (project, viewer, { groupId }): Promise<ProjectFormState> => {
    const result = await createProject(viewer, groupId, project);
    if (!result.ok) return result;
    revalidatePath("/groups", "layout");
    revalidatePath("/projects", "layout");
    redirect(`/projects/${result.data.id}`);
  },
});
