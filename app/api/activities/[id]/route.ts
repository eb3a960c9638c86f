import { NextResponse } from "next/server";
import { z } from "zod";
import { getActivityForViewer } from "@/db/queries/activities";
import { activityDetailToJson } from "@/lib/api/activity-json";
import { apiError, guarded } from "@/lib/api/http";
import { resolveApiViewerId } from "@/lib/api/viewer";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/activities/:id — 404 for an unknown id and for one the caller may not see. */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return apiError("not_found", "There is no activity with that id.");
    const activity = await getActivityForViewer(id.data, await resolveApiViewerId(request));
    if (!activity) return apiError("not_found", "There is no activity with that id.");
    return NextResponse.json({ activity: activityDetailToJson(activity) });
  });
}
