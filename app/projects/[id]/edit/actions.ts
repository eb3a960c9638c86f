"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ProjectFormState } from "@/components/project-form";
import { updateProject } from "@/db/mutations/projects";
import { defineAction } from "@/server/action";
import { recordIdSchema } from "@/lib/validation/ids";
import { projectInputSchema, projectValuesFromFormData } from "@/lib/validation/project";
import { say } from "@/lib/i18n/said";

/** Saves the project form: edits, completing (status "done") and reopening alike. */
export const updateProjectAction = defineAction({
  bound: ["projectId"],
  find: { projectId: recordIdSchema },
  read: projectValuesFromFormData,
  input: projectInputSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (project, viewer, { projectId }): Promise<ProjectFormState> => {
    const result = await updateProject(viewer, projectId, { ...project, startsOn: project.startsOn ?? null, endsOn: project.endsOn ?? null });
    if (!result.ok) return result;
    revalidatePath("/groups", "layout");
    revalidatePath("/projects", "layout");
    redirect(`/projects/${projectId}`);
  },
});
