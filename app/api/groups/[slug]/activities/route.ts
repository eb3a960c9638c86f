import { createActivity } from "@/db/mutations/activities";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, groupVisibleToCaller, unauthenticated } from "@/server/api/organizing";
import { activityInputSchema } from "@/lib/validation/activity";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/** POST /api/groups/:slug/activities — one activity, or a series when `repeat` is set. Organizers only. */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const found = await groupVisibleToCaller((await params).slug, caller.id);
    if (!found.ok) return found.response;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = activityInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await createActivity(caller, found.group.id, parsed.data);
    return actionResponse(result, (d) => ({ activity: { id: d.id, url: `/activities/${d.id}`, seriesId: d.seriesId } }), 201);
  });
}
