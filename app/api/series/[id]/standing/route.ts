import { z } from "zod";
import { holdStandingPlace, stepBackFromSeries } from "@/db/mutations/standing-places";
import { actionResponse } from "@/server/api/organizing";
import { seriesParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

const standingPlace = z.object({ standingPlace: z.object({ status: z.enum(["active", "paused", "none"]) }) });

/** POST /api/series/:id/standing — hold (or resume) a standing place on every upcoming occurrence. */
export const POST = apiRoute({
  summary: "Hold a standing place on a series",
  description: "Holds (or resumes) a place on every upcoming occurrence until the member pauses or releases it.",
  caller: "member",
  params: seriesParams,
  responses: { 200: standingPlace },
  errors: [404, 409],
  handler: async ({ caller, params }) => actionResponse(await holdStandingPlace(caller, params.id), (d) => ({ standingPlace: d })),
});

/** DELETE /api/series/:id/standing — release the standing place, or `?pause=true` to pause it. */
export const DELETE = apiRoute({
  summary: "Release or pause a standing place",
  caller: "member",
  params: seriesParams,
  query: z.object({ pause: z.enum(["true", "false"], { error: 'pause is "true" or "false".' }).optional().describe("true pauses the place instead of releasing it.") }),
  responses: { 200: standingPlace },
  errors: [404, 409],
  handler: async ({ caller, params, query }) =>
    actionResponse(await stepBackFromSeries(caller, params.id, query.pause === "true" ? "pause" : "release"), (d) => ({ standingPlace: d })),
});
