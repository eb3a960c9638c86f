import { NextResponse } from "next/server";
import { recentlyCounted, statementProbeOn } from "@/db/statement-probe";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/statements — with SQL_STATEMENT_PROBE=on, the SQL statements each recent
 * request ran ({ method, path, status, statements }, oldest first); otherwise not found.
 * Paths only: no query strings, no one's identity. With SQL_STATEMENT_PROBE=explain (the
 * benchmark's own database only), each statement also comes whole with its parameters.
 */
export async function GET() {
  if (!statementProbeOn()) return NextResponse.json({ error: { code: "not_found", message: "The statement probe is off." } }, { status: 404 });
  return NextResponse.json({ requests: recentlyCounted() }, { headers: { "Cache-Control": "no-store" } });
}
