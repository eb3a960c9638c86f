import { NextResponse } from "next/server";
import { z } from "zod";
import { recentlyCounted, statementProbeOn } from "@/db/statement-probe";
import { apiError } from "@/server/api/http";
import { apiRoute } from "@/server/api/route";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/statements — with SQL_STATEMENT_PROBE=on, the SQL statements each recent
 * request ran ({ method, path, status, statements }, oldest first); otherwise not found.
 * Paths only: no query strings, no one's identity. With SQL_STATEMENT_PROBE=explain (the
 * benchmark's own database only), each statement also comes whole with its parameters.
 */
export const GET = apiRoute({
  summary: "SQL statements per recent request",
  description: "Only with SQL_STATEMENT_PROBE=on (tests and benchmarks); otherwise a 404. Paths only: no query strings, no one's identity.",
  caller: "none",
  responses: { 200: z.object({ requests: z.array(z.looseObject({ method: z.string(), path: z.string(), status: z.int(), statements: z.int() })) }) },
  errors: [404],
  async handler() {
    if (!statementProbeOn()) return apiError("not_found", say("errors.routes.health.probeOff"));
    return NextResponse.json({ requests: recentlyCounted() }, { headers: { "Cache-Control": "no-store" } });
  },
});
