import { NextResponse } from "next/server";
import { exportMemberData } from "@/db/queries/export";
import { getViewer } from "@/server/auth/session";
import { say } from "@/lib/i18n/said";
import { requestLocale } from "@/server/request-locale";
import { speaking } from "@/server/speaking";

export const dynamic = "force-dynamic";

/** GET /account/export — every row the hub holds about the signed-in member, as one JSON download. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return speaking(await requestLocale(request), async () => NextResponse.json({ error: { code: "unauthenticated", message: say("errors.routes.export.signIn") } }, { status: 401 }));
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
