import { commentsJsonSchema, commentsResponse, postCommentResponse, postedCommentJsonSchema } from "@/server/api/comments";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { activityVisibleTo, noSuchActivity } from "@/server/api/viewer";
import { commentBodyJsonSchema } from "@/lib/validation/comment";

export const dynamic = "force-dynamic";

/** GET /api/activities/:id/comments — the activity's discussion. */
export const GET = apiRoute({
  summary: "An activity's discussion",
  caller: "optional",
  params: activityParams,
  responses: { 200: commentsJsonSchema },
  async handler({ caller, params }) {
    const found = await activityVisibleTo(params.id, caller?.id ?? null);
    if (!found.ok) return found.response;
    return commentsResponse({ activityId: found.activity.id }, caller?.id ?? null);
  },
});

/** POST /api/activities/:id/comments {"body": "…"} — posts a comment (signed in; rate-limited). */
export const POST = apiRoute({
  summary: "Comment on an activity",
  caller: "member",
  params: activityParams,
  body: commentBodyJsonSchema,
  responses: { 201: postedCommentJsonSchema },
  errors: [403, 404, 409, 429],
  async handler({ caller, params, body }) {
    const found = await activityVisibleTo(params.id, caller.id);
    if (!found.ok) return found.response;
    return postCommentResponse(caller, { activityId: found.activity.id }, body.body, noSuchActivity);
  },
});
