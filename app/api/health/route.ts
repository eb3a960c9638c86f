import { NextResponse } from "next/server";
import { z } from "zod";
import { databaseAway, databaseStatus, reasonOf, reportDatabaseLost, RETRY_AFTER_SECONDS } from "@/db/availability";
import { withoutWaiting } from "@/db/patience";
import { pingDatabase } from "@/db/queries/health";
import { apiRoute } from "@/server/api/route";
import { instancesOutOfStep } from "@/server/instances";

export const dynamic = "force-dynamic";

const unavailable = (reason: string) =>
  NextResponse.json({ ok: false, database: "unavailable", reason }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });

/**
 * GET /api/health — 200 when the database answers; 503 with a short reason otherwise,
 * within a few seconds (connections give up after two).
 */
export const GET = apiRoute({
  summary: "Whether the hub can serve",
  description: "200 when the database answers; otherwise, within a few seconds, 503 with a short reason and Retry-After.",
  caller: "none",
  responses: {
    200: z.object({
      ok: z.literal(true),
      database: z.enum(["pglite", "postgres"]),
      instancesOutOfStep: z.number().int().min(1).optional().describe("Other instances heard in the last hour with another AUTH_SECRET or build (docs/operations.md); absent when none."),
    }),
    503: { description: "The database is not answering.", schema: z.object({ ok: z.literal(false), database: z.literal("unavailable"), reason: z.string() }), headers: { "Retry-After": "Seconds to wait." } },
  },
  async handler() {
    if (databaseAway()) return unavailable(databaseStatus()?.reason ?? "database unreachable");
    try {
      const kind = await withoutWaiting(pingDatabase);
      const outOfStep = instancesOutOfStep();
      return NextResponse.json({ ok: true, database: kind, ...(outOfStep ? { instancesOutOfStep: outOfStep } : {}) }, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      reportDatabaseLost(error);
      return unavailable(reasonOf(error));
    }
  },
});
