import { createTask } from "@/db/mutations/projects";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";
import { noSuchProject, projectVisibleToCaller } from "@/server/api/project-json";
import { env } from "@/lib/env";
import { taskInputSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/projects/:id/tasks — organizers add a task: title, description, placesNeeded,
 * effort, fromHome, estimatedHours, dueOn, windowStartLocal/windowEndLocal (in SITE_TIMEZONE).
 */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = taskInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const found = await projectVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    const result = await createTask(caller, found.project.id, parsed.data, env().SITE_TIMEZONE);
    if (!result.ok && result.code === "not_found") return noSuchProject();
    return actionResponse(result, (d) => ({ task: { id: d.id, projectId: found.project.id } }), 201);
  });
}
