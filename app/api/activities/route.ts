import { NextResponse } from "next/server";
import { listActivities } from "@/db/queries/activities";
import { activityToJson } from "@/server/api/activity-json";
import { resolveApiViewerId } from "@/server/api/viewer";
import { apiError, apiZodError, guarded, searchParamsToObject } from "@/server/api/http";
import { env } from "@/lib/env";
import { isValidTimeZone } from "@/lib/dates";
import { locateFilters } from "@/db/queries/places";
import { activityFiltersSchema, filterParamNames } from "@/lib/validation/activity-filters";

export const dynamic = "force-dynamic";

/**
 * GET /api/activities — the listing's filters as query parameters, plus `tz` for date ranges.
 * A parameter it does not know is a 400 naming it: a misspelt filter must not silently match everything.
 */
export async function GET(request: Request) {
  return guarded(async () => {
    const raw = searchParamsToObject(new URL(request.url).searchParams);
    const unknown = Object.keys(raw).filter((k) => k !== "tz" && !filterParamNames.includes(k));
    if (unknown.length) {
      return apiError("invalid_query", `Unknown parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`, Object.fromEntries(unknown.map((k) => [k, `${k} is not a filter here. Use: ${["tz", ...filterParamNames].join(", ")}.`])));
    }
    const { tz, ...rest } = raw;
    if (tz !== undefined && !isValidTimeZone(tz)) return apiError("invalid_query", "Please check tz.", { tz: "Use an IANA time zone such as Europe/London." });
    const parsed = activityFiltersSchema.safeParse(rest);
    if (!parsed.success) return apiZodError("invalid_query", parsed.error);
    const viewerId = await resolveApiViewerId(request);
    const zone = typeof tz === "string" ? tz : env().SITE_TIMEZONE;
    const located = await locateFilters(parsed.data);
    if (Object.keys(located.errors).length) return apiError("invalid_query", `Please check ${Object.keys(located.errors).join(", ")}.`, located.errors);
    const result = await listActivities(located.filters, { viewerId, zone });
    return NextResponse.json({
      activities: result.items.map(activityToJson),
      page: result.page,
      perPage: result.perPage,
      total: result.total,
      totalIsExact: result.totalIsExact,
      pageCount: result.pageCount,
      hasMore: result.hasMore,
    });
  });
}
