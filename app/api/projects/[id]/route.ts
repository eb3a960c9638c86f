import { NextResponse } from "next/server";
import { updateProject } from "@/db/mutations/projects";
import { listTasks, listWorkDays } from "@/db/queries/projects";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";
import { noSuchProject, projectJson, projectVisibleToCaller, taskJson, workDayJson } from "@/server/api/project-json";
import { projectPatchSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/projects/:id — the project with its progress, its tasks (places taken and free) and work days. */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await projectVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    const { project, viewerId } = found;
    const [tasks, workDays] = await Promise.all([listTasks(project.id, { id: viewerId, isOrganizer: project.viewer.isOrganizer }), listWorkDays(project.id)]);
    return NextResponse.json({
      project: { ...projectJson(project), description: project.description, completedAt: project.completedAt, tasks: tasks.map(taskJson), workDays: workDays.map(workDayJson) },
    });
  });
}

/**
 * PATCH /api/projects/:id — organizers of the project's group change any of title, goal,
 * description, status ("done" completes it, "active" or "planning" reopens it), startsOn, endsOn.
 */
export async function PATCH(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = projectPatchSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const found = await projectVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    const result = await updateProject(caller, found.project.id, parsed.data);
    if (!result.ok && result.code === "not_found") return noSuchProject();
    return actionResponse(result, (p) => ({
      project: { id: p.id, url: `/projects/${p.id}`, title: p.title, goal: p.goal, description: p.description, status: p.status, startsOn: p.startsOn, endsOn: p.endsOn, completedAt: p.completedAt },
    }));
  });
}
