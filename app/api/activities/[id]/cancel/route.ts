import { z } from "zod";
import { cancelActivity } from "@/db/mutations/activities";
import { actionResponse } from "@/server/api/organizing";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { editScopeSchema } from "@/lib/validation/activity";

export const dynamic = "force-dynamic";

/** POST /api/activities/:id/cancel — organizers cancel this one, or this and every later occurrence. */
export const POST = apiRoute({
  summary: "Cancel an activity",
  description: 'Organizers only. `"scope": "following"` cancels this and every later occurrence of its series (and ends the series). Everyone going is told.',
  caller: "member",
  params: activityParams,
  body: z.object({ scope: editScopeSchema }),
  responses: { 200: z.object({ cancelled: z.int().describe("How many occurrences were cancelled.") }) },
  errors: [404, 409],
  handler: async ({ caller, params, body }) => actionResponse(await cancelActivity(caller, params.id, body.scope), (d) => ({ cancelled: d.cancelled })),
});
