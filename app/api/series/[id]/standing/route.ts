import { z } from "zod";
import { holdStandingPlace, stepBackFromSeries } from "@/db/mutations/standing-places";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, searchParamsToObject } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

async function seriesId(params: Ctx["params"]) {
  return z.uuid().safeParse((await params).id);
}

/** POST /api/series/:id/standing — hold (or resume) a standing place on every upcoming occurrence. */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = await seriesId(params);
    if (!id.success) return apiError("not_found", "There is no series with that id.");
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    return actionResponse(await holdStandingPlace(caller, id.data), (d) => ({ standingPlace: d }));
  });
}

const deleteQuery = z.object({ pause: z.enum(["true", "false"], { error: 'pause is "true" or "false".' }).optional() });

/** DELETE /api/series/:id/standing — release the standing place, or `?pause=true` to pause it. */
export async function DELETE(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = await seriesId(params);
    if (!id.success) return apiError("not_found", "There is no series with that id.");
    const query = deleteQuery.safeParse(searchParamsToObject(new URL(request.url).searchParams));
    if (!query.success) return apiZodError("invalid_query", query.error);
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const how = query.data.pause === "true" ? "pause" : "release";
    return actionResponse(await stepBackFromSeries(caller, id.data, how), (d) => ({ standingPlace: d }));
  });
}
