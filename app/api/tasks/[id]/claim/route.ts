import { z } from "zod";
import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { unauthenticated } from "@/server/api/organizing";
import { noSuchTask, taskResultResponse } from "@/server/api/project-json";
import { claimBodySchema, memberIdBodySchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/tasks/:id/claim — takes a place for the caller ({"acceptAgreements": true} joins a
 * public group on the way), or, for organizers, gives one to a member ({"userId": "…"}).
 * A full task answers 409 "All places on this task are taken".
 */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = claimBodySchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchTask();
    const { userId, acceptAgreements } = parsed.data;
    const result =
      userId && userId !== caller.id
        ? await taskClaimsOnAppDb.assign({ taskId: id.data, actor: caller, userId })
        : await taskClaimsOnAppDb.claim({ taskId: id.data, actor: caller, acceptAgreements });
    return taskResultResponse(id.data, result);
  });
}

/**
 * DELETE /api/tasks/:id/claim — gives the caller's place back, or, for organizers, takes a
 * member's place off ({"userId": "…"}). A verified place stays (409).
 */
export async function DELETE(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = memberIdBodySchema.partial().safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchTask();
    const userId = parsed.data.userId;
    const result =
      userId && userId !== caller.id
        ? await taskClaimsOnAppDb.unassign({ taskId: id.data, actor: caller, userId })
        : await taskClaimsOnAppDb.release({ taskId: id.data, actor: caller });
    return taskResultResponse(id.data, result);
  });
}
