import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { listComments } from "@/db/queries/comments";
import { getProjectForViewer, listActiveMembers, listTasks } from "@/db/queries/projects";
import { getViewer } from "@/server/auth/session";
import { taskBoardFiltersSchema } from "@/lib/validation/project";
import { getViewerZone } from "@/server/viewer-zone";

const idSchema = z.uuid();

/** The project itself with its work days, read once per request: the page's title and its body share it. */
export const loadProject = cache(async (rawId: string) => {
  const id = idSchema.safeParse(rawId);
  if (!id.success) notFound();
  const [viewer, zone] = await Promise.all([getViewer(), getViewerZone()]);
  const project = await getProjectForViewer(id.data, viewer?.id ?? null, { workDaysFrom: new Date() });
  if (!project) notFound();
  return { viewer, zone, project };
});

/** The project page's data; a project the viewer may not see is simply not found. */
export async function loadProjectPage(rawId: string, rawFilters: Record<string, string | string[] | undefined> = {}) {
  const { viewer, zone, project } = await loadProject(rawId);
  const filters = taskBoardFiltersSchema.parse(rawFilters);
  const [tasks, comments, members] = await Promise.all([
    listTasks(project.id, { id: viewer?.id ?? null, isOrganizer: project.viewer.isOrganizer }, filters),
    listComments({ projectId: project.id }, { id: viewer?.id ?? null }),
    project.viewer.isOrganizer ? listActiveMembers(project.group.id) : Promise.resolve([]),
  ]);
  return { viewer, zone, project, filters, tasks, workDays: project.workDays, comments, members };
}
