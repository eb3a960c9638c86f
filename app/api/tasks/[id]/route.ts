import { NextResponse } from "next/server";
import { z } from "zod";
import { updateTask } from "@/db/mutations/projects";
import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { actionResponse } from "@/server/api/organizing";
import { taskParams } from "@/server/api/params";
import { noSuchTask, taskResultResponse } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { energyLevels } from "@/lib/labels";
import { taskPatchSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

/** PATCH /api/tasks/:id — organizers change a task; placesNeeded never drops below the places taken. */
export const PATCH = apiRoute({
  summary: "Change a task",
  description: "Organizers of its project's group. placesNeeded never drops below the places taken (409). An empty body changes nothing.",
  caller: "member",
  params: taskParams,
  body: taskPatchSchema,
  responses: {
    200: z.object({
      task: z.object({
        id: z.uuid(),
        title: z.string(),
        description: z.string(),
        placesNeeded: z.int(),
        placesTaken: z.int(),
        placesFree: z.int(),
        effort: z.enum(energyLevels),
        fromHome: z.boolean(),
        estimatedHours: z.number().nullable(),
        dueOn: z.iso.date().nullable(),
      }),
    }),
  },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const result = await updateTask(caller, params.id, body);
    if (!result.ok && result.code === "not_found") return noSuchTask();
    return actionResponse(result, (t) => ({
      task: {
        id: t.id,
        title: t.title,
        description: t.description,
        placesNeeded: t.placesNeeded,
        placesTaken: t.claimedCount,
        placesFree: Math.max(0, t.placesNeeded - t.claimedCount),
        effort: t.effort,
        fromHome: t.fromHome,
        estimatedHours: t.estimatedHours === null ? null : Number(t.estimatedHours),
        dueOn: t.dueOn,
      },
    }));
  },
});

/**
 * DELETE /api/tasks/:id — organizers take a task off the board. Anyone who had a place is
 * told and their place goes; a task with verified hours stays (409).
 */
export const DELETE = apiRoute({
  summary: "Remove a task",
  description: "Organizers. Anyone who had a place is told and their place goes; a task with verified hours stays (409).",
  caller: "member",
  params: taskParams,
  responses: { 200: z.object({ task: z.object({ id: z.uuid(), title: z.string() }), removed: z.literal(true), told: z.int(), message: z.string() }) },
  errors: [400, 403, 404, 409],
  async handler({ caller, params }) {
    const result = await taskClaimsOnAppDb.remove({ taskId: params.id, actor: caller });
    if (!result.ok) return taskResultResponse(params.id, result);
    return NextResponse.json({ task: { id: params.id, title: result.title }, removed: true, told: result.told, message: result.message });
  },
});
