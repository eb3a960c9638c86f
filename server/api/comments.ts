import "server-only";
import { NextResponse } from "next/server";
import { postComment, type CommentTarget } from "@/db/mutations/comments";
import { listComments } from "@/db/queries/comments";
import { accusingOpening, kindWordsSuggestion } from "@/lib/kind-words";
import { commentBodyJsonSchema } from "@/lib/validation/comment";
import { resolveApiCaller } from "./auth";
import { apiError, apiZodError, readJson } from "./http";
import { actionResponse, unauthenticated } from "./organizing";
import { commentJson } from "./project-json";

/*
 * The discussion endpoints of activities and projects share these. The caller must be
 * able to see the thing first (the same 404 otherwise); posting is rate-limited per member.
 */

/** GET …/comments: the thread, oldest first; names only for signed-in callers. */
export async function commentsResponse(target: CommentTarget, viewerId: string | null): Promise<Response> {
  const comments = await listComments(target, { id: viewerId });
  return NextResponse.json({ comments: comments.map(commentJson) });
}

/**
 * POST …/comments {"body": "…"}: posts at once. When it opens with an accusing pattern the
 * answer carries the same kind-words suggestion the page shows; it never blocks the post.
 */
export async function postCommentResponse(request: Request, target: CommentTarget, notFound: () => Response): Promise<Response> {
  const caller = await resolveApiCaller(request);
  if (!caller) return unauthenticated();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = commentBodyJsonSchema.safeParse(body.value);
  if (!parsed.success) return apiZodError("invalid_body", parsed.error);
  const result = await postComment(caller, target, parsed.data.body);
  if (!result.ok && result.code === "not_found") return notFound();
  if (!result.ok && "retryAfterSeconds" in result) return apiError("rate_limited", result.message, undefined, { "Retry-After": String(result.retryAfterSeconds) });
  const found = accusingOpening(parsed.data.body);
  return actionResponse(result, (d) => ({ comment: { id: d.id }, kindWords: found ? { suggestion: kindWordsSuggestion(found) } : null }), 201);
}
