import { NextResponse } from "next/server";
import { z } from "zod";
import { sendMissedCheckInNudges } from "@/db/mutations/partners";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, readJson } from "@/server/api/http";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ now: z.iso.datetime({ error: "now is an ISO date-time, e.g. 2026-12-14T09:00:00Z." }) }, { error: "Send a JSON object." });

/**
 * POST /api/test/nudges {"now": "…"} — the end-to-end tests' clock for the missed-check-in
 * nudge: runs the job as if it were `now`, for the caller's own partnerships only. It does
 * not exist (a 404 like any unknown address) unless E2E_TEST_HOOKS=true, which only the
 * end-to-end test server sets.
 */
export async function POST(request: Request) {
  return guarded(async () => {
    if (env().E2E_TEST_HOOKS !== "true") return apiError("not_found", "There is no API endpoint at this address. docs/api.md lists them all.");
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", "Sign in first.");
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = bodySchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const nudged = await sendMissedCheckInNudges(new Date(parsed.data.now), { onlyMemberId: caller.id });
    return NextResponse.json({ nudged });
  });
}
