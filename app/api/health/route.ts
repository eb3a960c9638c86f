import { NextResponse } from "next/server";
import { pingDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when the database answers, 503 otherwise. */
export async function GET() {
  try {
    const kind = await pingDatabase();
    return NextResponse.json({ ok: true, database: kind });
  } catch {
    return NextResponse.json({ ok: false, database: "unavailable" }, { status: 503 });
  }
}
