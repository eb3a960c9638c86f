import { NextResponse } from "next/server";
import { z } from "zod";
import { listActivities } from "@/db/queries/activities";
import { locateFilters } from "@/db/queries/places";
import { activityJsonSchema, activityToJson } from "@/server/api/activity-json";
import { apiError, knownParameters } from "@/server/api/http";
import { apiRoute } from "@/server/api/route";
import { isValidTimeZone } from "@/lib/dates";
import { env } from "@/lib/env";
import { activityFiltersSchema, filterParamNames } from "@/lib/validation/activity-filters";
import { say, words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const names = ["tz", ...filterParamNames];
const tz = z.string(words("errors.routes.activities.timeZone")).refine(isValidTimeZone, words("errors.routes.activities.timeZone")).describe("IANA zone for today, weekend and dates (default SITE_TIMEZONE).");

/** Checked in turn, the first that fails answering: unknown parameters, then the zone, then the filters. */
const querySchema = knownParameters(names, (key) => say("errors.routes.activities.notAFilter", { name: key, names: names.join(", ") }))
  .pipe(z.looseObject({ tz: tz.optional() }))
  .pipe(activityFiltersSchema.safeExtend({ tz: tz.optional() }));

/**
 * GET /api/activities — the listing's filters as query parameters, plus `tz` for date ranges.
 * A parameter it does not know is a 400 naming it: a misspelt filter must not silently match everything.
 */
export const GET = apiRoute({
  summary: "Find activities",
  description:
    "The /activities page's filters as query parameters, so a page address's query works here. A parameter it does not know is a 400 naming it. " +
    "Signed-in callers also see their private groups' activities. Past 200 matches beyond the page, `total` is a lower bound and `totalIsExact` false.",
  caller: "optional",
  query: querySchema,
  responses: {
    200: z.object({
      activities: z.array(activityJsonSchema),
      page: z.int(),
      perPage: z.int(),
      total: z.int(),
      totalIsExact: z.boolean(),
      pageCount: z.int().nullable(),
      hasMore: z.boolean(),
    }),
  },
  async handler({ caller, query }) {
    const { tz: zone = env().SITE_TIMEZONE, ...filters } = query;
    const located = await locateFilters(filters);
    if (Object.keys(located.errors).length) return apiError("invalid_query", say("errors.api.check", { names: Object.keys(located.errors).join(", ") }), located.errors);
    const result = await listActivities(located.filters, { viewerId: caller?.id ?? null, zone });
    return NextResponse.json({
      activities: result.items.map(activityToJson),
      page: result.page,
      perPage: result.perPage,
      total: result.total,
      totalIsExact: result.totalIsExact,
      pageCount: result.pageCount,
      hasMore: result.hasMore,
    });
  },
});
