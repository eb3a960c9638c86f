import { z } from "zod";
import { createTask } from "@/db/mutations/projects";
import { actionResponse } from "@/server/api/organizing";
import { projectParams } from "@/server/api/params";
import { noSuchProject, projectVisibleTo } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { env } from "@/lib/env";
import { taskInputSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

/**
 * POST /api/projects/:id/tasks — organizers add a task: title, description, placesNeeded,
 * effort, fromHome, estimatedHours, dueOn, windowStartLocal/windowEndLocal (in SITE_TIMEZONE).
 */
export const POST = apiRoute({
  summary: "Add a task to a project",
  description: "Organizers of the project's group. windowStartLocal and windowEndLocal are local times in the site's time zone.",
  caller: "member",
  params: projectParams,
  body: taskInputSchema,
  responses: { 201: z.object({ task: z.object({ id: z.uuid(), projectId: z.uuid() }) }) },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const found = await projectVisibleTo(params.id, caller.id);
    if (!found.ok) return found.response;
    const result = await createTask(caller, found.project.id, body, env().SITE_TIMEZONE);
    if (!result.ok && result.code === "not_found") return noSuchProject();
    return actionResponse(result, (d) => ({ task: { id: d.id, projectId: found.project.id } }), 201);
  },
});
