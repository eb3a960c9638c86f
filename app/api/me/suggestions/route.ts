import { NextResponse } from "next/server";
import { z } from "zod";
import { getMemberZone } from "@/db/queries/connection-facts";
import { getSuggestions } from "@/db/queries/plan";
import { instant } from "@/server/api/activity-json";
import { apiRoute } from "@/server/api/route";
import { kinds } from "@/lib/labels";
import { spokenLocale, words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const LIMIT = words("errors.routes.suggestions.limit");

/** GET /api/me/suggestions[?limit=5] — upcoming activities that fit the caller's plan, each with why. */
export const GET = apiRoute({
  summary: "Activities that fit my plan",
  description: "Upcoming activities that fit the caller's plan, each with why.",
  caller: "member",
  private: true,
  query: z.object({ limit: z.coerce.number(LIMIT).int(LIMIT).min(1, LIMIT).max(20, LIMIT).optional().describe("1 to 20, default 5.") }),
  responses: {
    200: z.object({
      suggestions: z.array(
        z.object({
          activity: z.object({ id: z.uuid(), url: z.string(), title: z.string(), kind: z.enum(kinds), group: z.string(), startsAt: instant }),
          why: z.array(z.string()),
        }),
      ),
    }),
  },
  async handler({ caller, query }) {
    const suggestions = await getSuggestions(caller.id, await getMemberZone(caller.id), { limit: query.limit ?? 5, locale: spokenLocale() });
    return NextResponse.json({
      suggestions: suggestions.map((s) => ({ activity: { id: s.id, url: `/activities/${s.id}`, title: s.title, kind: s.kind, group: s.groupName, startsAt: s.startsAt.toISOString() }, why: s.reasons })),
    });
  },
});
