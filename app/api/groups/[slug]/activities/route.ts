import { createActivity } from "@/db/mutations/activities";
import { getGroupRow } from "@/db/queries/organizer";
import { canSeeGroup } from "@/db/queries/memberships";
import { resolveApiCaller } from "@/lib/api/auth";
import { apiError, apiZodError, guarded, readJson } from "@/lib/api/http";
import { actionResponse, unauthenticated } from "@/lib/api/organizing";
import { activityInputSchema } from "@/lib/validation/activity";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/** POST /api/groups/:slug/activities — one activity, or a series when `repeat` is set. Organizers only. */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const group = await getGroupRow({ slug: (await params).slug });
    if (!group || !(await canSeeGroup(group.id, caller.id))) return apiError("not_found", "There is no group with that slug.");
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = activityInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await createActivity(caller, group.id, parsed.data);
    return actionResponse(result, (d) => ({ activity: { id: d.id, url: `/activities/${d.id}`, seriesId: d.seriesId } }), 201);
  });
}
