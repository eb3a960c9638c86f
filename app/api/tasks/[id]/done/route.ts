import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { taskParams } from "@/server/api/params";
import { taskResultJsonSchema, taskResultResponse } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

/** POST /api/tasks/:id/done — the caller marks their part done; the organizers are told. */
export const POST = apiRoute({
  summary: "Mark my part of a task done",
  description: "The organizers are told, and verify it with the hours given.",
  caller: "member",
  params: taskParams,
  responses: { 200: taskResultJsonSchema },
  errors: [400, 403, 404, 409],
  handler: async ({ caller, params }) => taskResultResponse(params.id, await taskClaimsOnAppDb.done({ taskId: params.id, actor: caller })),
});
