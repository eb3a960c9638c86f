import { z } from "zod";
import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { unauthenticated } from "@/server/api/organizing";
import { noSuchTask, taskResultResponse } from "@/server/api/project-json";
import { verifyBodySchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/tasks/:id/verify {"userId": "…", "hours": 2.5} — organizers verify a member's
 * finished part and record the hours given (the task's estimate when hours is left out).
 * {"userId": "…", "sendBack": true} sends it back to "claimed" instead.
 */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = verifyBodySchema.extend({ sendBack: z.boolean({ error: "sendBack is true or false." }).optional() }).strict().safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchTask();
    const { userId, hours, sendBack } = parsed.data;
    const result = sendBack
      ? await taskClaimsOnAppDb.sendBack({ taskId: id.data, actor: caller, userId })
      : await taskClaimsOnAppDb.verify({ taskId: id.data, actor: caller, userId, hours: hours ?? null });
    return taskResultResponse(id.data, result);
  });
}
