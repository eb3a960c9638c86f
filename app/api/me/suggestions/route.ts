import { z } from "zod";
import { getSuggestions } from "@/db/queries/plan";
import { apiZodError, searchParamsToObject } from "@/server/api/http";
import { forCaller, privateJson } from "@/server/api/me";

export const dynamic = "force-dynamic";

const querySchema = z.object({ limit: z.coerce.number({ error: "limit is 1 to 20." }).int({ error: "limit is 1 to 20." }).min(1, { error: "limit is 1 to 20." }).max(20, { error: "limit is 1 to 20." }).optional() });

/** GET /api/me/suggestions[?limit=5] — upcoming activities that fit the caller's plan, each with why. */
export async function GET(request: Request) {
  return forCaller(request, async (caller) => {
    const query = querySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
    if (!query.success) return apiZodError("invalid_query", query.error);
    const suggestions = await getSuggestions(caller.id, caller.zone, { limit: query.data.limit ?? 5 });
    return privateJson({
      suggestions: suggestions.map((s) => ({ activity: { id: s.id, url: `/activities/${s.id}`, title: s.title, kind: s.kind, group: s.groupName, startsAt: s.startsAt.toISOString() }, why: s.reasons })),
    });
  });
}
