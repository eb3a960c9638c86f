import { NextResponse } from "next/server";
import { exportMemberData } from "@/db/queries/export";
import { getViewer } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** GET /account/export — every row the hub holds about the signed-in member, as one JSON download. */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: { code: "unauthenticated", message: "Sign in to download your data." } }, { status: 401 });
  const data = await exportMemberData(viewer.id);
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), member: { id: viewer.id, email: viewer.email }, tables: data }, null, 2);
  return new NextResponse(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="common-thread-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
