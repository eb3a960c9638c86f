import { NextResponse } from "next/server";
import { z } from "zod";
import { sendMissedCheckInNudges } from "@/db/mutations/partners";
import { apiRoute } from "@/server/api/route";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * POST /api/test/nudges {"now": "…"} — the end-to-end tests' clock for the missed-check-in
 * nudge: runs the job as if it were `now`, for the caller's own partnerships only. It does
 * not exist (a 404 like any unknown address, and not in the API's document) unless
 * E2E_TEST_HOOKS=true, which only the end-to-end test server sets.
 */
export const POST = apiRoute({
  summary: "Run the missed-check-in nudge at a given time (end-to-end test server only)",
  caller: "member",
  available: () => env().E2E_TEST_HOOKS === "true",
  body: z.object({ now: z.iso.datetime({ error: "now is an ISO date-time, e.g. 2026-12-14T09:00:00Z." }) }, { error: "Send a JSON object." }),
  responses: { 200: z.object({ nudged: z.int() }) },
  handler: async ({ caller, body }) => NextResponse.json({ nudged: await sendMissedCheckInNudges(new Date(body.now), { onlyMemberId: caller.id }) }),
});
