import { NextResponse } from "next/server";
import { z } from "zod";
import { updateTask } from "@/db/mutations/projects";
import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";
import { noSuchTask, taskResultResponse } from "@/server/api/project-json";
import { taskPatchSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/tasks/:id — organizers change a task; placesNeeded never drops below the places taken. */
export async function PATCH(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = taskPatchSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchTask();
    const result = await updateTask(caller, id.data, parsed.data);
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
  });
}

/**
 * DELETE /api/tasks/:id — organizers take a task off the board. Anyone who had a place is
 * told and their place goes; a task with verified hours stays (409).
 */
export async function DELETE(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchTask();
    const result = await taskClaimsOnAppDb.remove({ taskId: id.data, actor: caller });
    if (!result.ok) return taskResultResponse(id.data, result);
    return NextResponse.json({ task: { id: id.data, title: result.title }, removed: true, told: result.told, message: result.message });
  });
}
