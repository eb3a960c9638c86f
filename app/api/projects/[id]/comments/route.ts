import { commentsJsonSchema, commentsResponse, postCommentResponse, postedCommentJsonSchema } from "@/server/api/comments";
import { projectParams } from "@/server/api/params";
import { noSuchProject, projectVisibleTo } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { commentBodyJsonSchema } from "@/lib/validation/comment";

export const dynamic = "force-dynamic";

/** GET /api/projects/:id/comments — the project's discussion. */
export const GET = apiRoute({
  summary: "A project's discussion",
  caller: "optional",
  params: projectParams,
  responses: { 200: commentsJsonSchema },
  async handler({ caller, params }) {
    const found = await projectVisibleTo(params.id, caller?.id ?? null);
    if (!found.ok) return found.response;
    return commentsResponse({ projectId: found.project.id }, caller?.id ?? null);
  },
});

/** POST /api/projects/:id/comments {"body": "…"} — posts a comment (signed in; rate-limited). */
export const POST = apiRoute({
  summary: "Comment on a project",
  caller: "member",
  params: projectParams,
  body: commentBodyJsonSchema,
  responses: { 201: postedCommentJsonSchema },
  errors: [403, 404, 409, 429],
  async handler({ caller, params, body }) {
    const found = await projectVisibleTo(params.id, caller.id);
    if (!found.ok) return found.response;
    return postCommentResponse(caller, { projectId: found.project.id }, body.body, noSuchProject);
  },
});
