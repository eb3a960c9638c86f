import { z } from "zod";
import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { taskParams } from "@/server/api/params";
import { taskResultJsonSchema, taskResultResponse } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { verifyBodySchema } from "@/lib/validation/project";
import { words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/**
 * POST /api/tasks/:id/verify {"userId": "…", "hours": 2.5} — organizers verify a member's
 * finished part and record the hours given (the task's estimate when hours is left out).
 * {"userId": "…", "sendBack": true} sends it back to "claimed" instead.
 */
export const POST = apiRoute({
  summary: "Verify a member's part of a task",
  description: 'Organizers record the hours given (the task\'s estimate when left out), which count as volunteer hours; `"sendBack": true` sends it back to claimed instead.',
  caller: "member",
  params: taskParams,
  body: verifyBodySchema.extend({ sendBack: z.boolean(words("errors.routes.tasks.sendBack")).optional() }).strict(),
  responses: { 200: taskResultJsonSchema },
  errors: [400, 403, 404, 409],
  async handler({ caller, params, body }) {
    const { userId, hours, sendBack } = body;
    const result = sendBack
      ? await taskClaimsOnAppDb.sendBack({ taskId: params.id, actor: caller, userId })
      : await taskClaimsOnAppDb.verify({ taskId: params.id, actor: caller, userId, hours: hours ?? null });
    return taskResultResponse(params.id, result);
  },
});
