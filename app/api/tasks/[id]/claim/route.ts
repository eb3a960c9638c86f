import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { taskParams } from "@/server/api/params";
import { taskResultJsonSchema, taskResultResponse } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { claimBodySchema, memberIdBodySchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

/**
 * POST /api/tasks/:id/claim — takes a place for the caller ({"acceptAgreements": true} joins a
 * public group on the way), or, for organizers, gives one to a member ({"userId": "…"}).
 * A full task answers 409 "All places on this task are taken".
 */
export const POST = apiRoute({
  summary: "Claim a place on a task",
  description:
    'Takes a place for the caller (`"acceptAgreements": true` joins a public, open group on the way), or, for organizers, gives one to a member (`userId`). A full task is a 409.',
  caller: "member",
  params: taskParams,
  body: claimBodySchema,
  responses: { 200: taskResultJsonSchema },
  errors: [400, 403, 404, 409],
  async handler({ caller, params, body }) {
    const { userId, acceptAgreements } = body;
    const result =
      userId && userId !== caller.id
        ? await taskClaimsOnAppDb.assign({ taskId: params.id, actor: caller, userId })
        : await taskClaimsOnAppDb.claim({ taskId: params.id, actor: caller, acceptAgreements });
    return taskResultResponse(params.id, result);
  },
});

/**
 * DELETE /api/tasks/:id/claim — gives the caller's place back, or, for organizers, takes a
 * member's place off ({"userId": "…"}). A verified place stays (409).
 */
export const DELETE = apiRoute({
  summary: "Give back a place on a task",
  description: "The caller's own, or, for organizers, a member's (`userId`). A verified place stays (409).",
  caller: "member",
  params: taskParams,
  body: memberIdBodySchema.partial(),
  responses: { 200: taskResultJsonSchema },
  errors: [400, 403, 404, 409],
  async handler({ caller, params, body }) {
    const userId = body.userId;
    const result =
      userId && userId !== caller.id
        ? await taskClaimsOnAppDb.unassign({ taskId: params.id, actor: caller, userId })
        : await taskClaimsOnAppDb.release({ taskId: params.id, actor: caller });
    return taskResultResponse(params.id, result);
  },
});
