import { NextResponse } from "next/server";
import { z } from "zod";
import { updateProject } from "@/db/mutations/projects";
import { listTasks, listWorkDays } from "@/db/queries/projects";
import { instant } from "@/server/api/activity-json";
import { actionResponse } from "@/server/api/organizing";
import { projectParams } from "@/server/api/params";
import { noSuchProject, projectJson, projectJsonSchema, projectVisibleTo, taskJson, taskJsonSchema, workDayJson, workDayJsonSchema } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { projectPatchSchema, projectStatuses } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

/** GET /api/projects/:id — the project with its progress, its tasks (places taken and free) and work days. */
export const GET = apiRoute({
  summary: "One project",
  description: "With its progress, its tasks (places taken and free; who holds them as privacy allows) and its upcoming work days.",
  caller: "optional",
  params: projectParams,
  responses: {
    200: z.object({
      project: projectJsonSchema.extend({ description: z.string(), completedAt: instant.nullable(), tasks: z.array(taskJsonSchema), workDays: z.array(workDayJsonSchema) }),
    }),
  },
  async handler({ caller, params }) {
    const viewerId = caller?.id ?? null;
    const found = await projectVisibleTo(params.id, viewerId);
    if (!found.ok) return found.response;
    const { project } = found;
    const [tasks, workDays] = await Promise.all([listTasks(project.id, { id: viewerId, isOrganizer: project.viewer.isOrganizer }), listWorkDays(project.id)]);
    return NextResponse.json({
      project: {
        ...projectJson(project),
        description: project.description,
        completedAt: project.completedAt?.toISOString() ?? null,
        tasks: tasks.map(taskJson),
        workDays: workDays.map(workDayJson),
      },
    });
  },
});

/**
 * PATCH /api/projects/:id — organizers of the project's group change any of title, goal,
 * description, status ("done" completes it, "active" or "planning" reopens it), startsOn, endsOn.
 */
export const PATCH = apiRoute({
  summary: "Change a project",
  description: 'Organizers of its group: any of title, goal, description, status ("done" completes it, "active" or "planning" reopens it), startsOn, endsOn.',
  caller: "member",
  params: projectParams,
  body: projectPatchSchema,
  responses: {
    200: z.object({
      project: z.object({
        id: z.uuid(),
        url: z.string(),
        title: z.string(),
        goal: z.string(),
        description: z.string(),
        status: z.enum(projectStatuses),
        startsOn: z.iso.date().nullable(),
        endsOn: z.iso.date().nullable(),
        completedAt: instant.nullable(),
      }),
    }),
  },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const found = await projectVisibleTo(params.id, caller.id);
    if (!found.ok) return found.response;
    const result = await updateProject(caller, found.project.id, body);
    if (!result.ok && result.code === "not_found") return noSuchProject();
    return actionResponse(result, (p) => ({
      project: { id: p.id, url: `/projects/${p.id}`, title: p.title, goal: p.goal, description: p.description, status: p.status, startsOn: p.startsOn, endsOn: p.endsOn, completedAt: p.completedAt },
    }));
  },
});
