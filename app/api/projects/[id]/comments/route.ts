import { commentsResponse, postCommentResponse } from "@/server/api/comments";
import { guarded } from "@/server/api/http";
import { noSuchProject, projectVisibleToCaller } from "@/server/api/project-json";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/projects/:id/comments — the project's discussion. */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await projectVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    return commentsResponse({ projectId: found.project.id }, found.viewerId);
  });
}

/** POST /api/projects/:id/comments {"body": "…"} — posts a comment (signed in; rate-limited). */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await projectVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    return postCommentResponse(request, { projectId: found.project.id }, noSuchProject);
  });
}
