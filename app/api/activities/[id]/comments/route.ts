import { activityVisibleToCaller, resolveApiViewerId } from "@/server/api/viewer";
import { commentsResponse, postCommentResponse } from "@/server/api/comments";
import { apiError, guarded } from "@/server/api/http";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const noSuchActivity = () => apiError("not_found", "There is no activity with that id.");

/** GET /api/activities/:id/comments — the activity's discussion. */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await activityVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    return commentsResponse({ activityId: found.activity.id }, await resolveApiViewerId(request));
  });
}

/** POST /api/activities/:id/comments {"body": "…"} — posts a comment (signed in; rate-limited). */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await activityVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    return postCommentResponse(request, { activityId: found.activity.id }, noSuchActivity);
  });
}
