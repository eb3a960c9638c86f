import { z } from "zod";
import { cancelActivity } from "@/db/mutations/activities";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";
import { editScopeSchema } from "@/lib/validation/activity";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const bodySchema = z.object({ scope: editScopeSchema });

/** POST /api/activities/:id/cancel — body { "scope": "this" | "following" } (default "this"). Organizers only. */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return apiError("not_found", "There is no activity with that id.");
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = bodySchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await cancelActivity(caller, id.data, parsed.data.scope);
    return actionResponse(result, (d) => ({ cancelled: d.cancelled }));
  });
}
