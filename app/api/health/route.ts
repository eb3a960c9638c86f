import { NextResponse } from "next/server";
import { databaseAway, databaseStatus, reasonOf, reportDatabaseLost, RETRY_AFTER_SECONDS } from "@/db/availability";
import { withoutWaiting } from "@/db/patience";
import { pingDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

const unavailable = (reason: string) =>
  NextResponse.json({ ok: false, database: "unavailable", reason }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });

/**
 * GET /api/health — 200 when the database answers; 503 with a short reason otherwise,
 * within a few seconds (connections give up after two).
 */
export async function GET() {
  if (databaseAway()) return unavailable(databaseStatus()?.reason ?? "database unreachable");
  try {
    const kind = await withoutWaiting(pingDatabase);
    return NextResponse.json({ ok: true, database: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    reportDatabaseLost(error);
    return unavailable(reasonOf(error));
  }
}
