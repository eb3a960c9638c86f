import { z } from "zod";
import { taskClaimsOnAppDb } from "@/db/mutations/task-claims";
import { resolveApiCaller } from "@/server/api/auth";
import { guarded } from "@/server/api/http";
import { unauthenticated } from "@/server/api/organizing";
import { noSuchTask, taskResultResponse } from "@/server/api/project-json";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/tasks/:id/done — the caller marks their part done; the organizers are told. */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchTask();
    return taskResultResponse(id.data, await taskClaimsOnAppDb.done({ taskId: id.data, actor: caller }));
  });
}
