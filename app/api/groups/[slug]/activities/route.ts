import { z } from "zod";
import { createActivity } from "@/db/mutations/activities";
import { actionResponse, groupVisibleToCaller } from "@/server/api/organizing";
import { groupParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { activityInputSchema } from "@/lib/validation/activity";

export const dynamic = "force-dynamic";

/** POST /api/groups/:slug/activities — one activity, or a series when `repeat` is set. Organizers only. */
export const POST = apiRoute({
  summary: "Post an activity",
  description: "Organizers of the group. The same fields and rules as the form; `repeat` makes a series.",
  caller: "member",
  params: groupParams,
  body: activityInputSchema,
  responses: { 201: z.object({ activity: z.object({ id: z.uuid(), url: z.string(), seriesId: z.uuid().nullable() }) }) },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const found = await groupVisibleToCaller(params.slug, caller.id);
    if (!found.ok) return found.response;
    const result = await createActivity(caller, found.group.id, body);
    return actionResponse(result, (d) => ({ activity: { id: d.id, url: `/activities/${d.id}`, seriesId: d.seriesId } }), 201);
  },
});
