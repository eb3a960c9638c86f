import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { postComment, type CommentTarget } from "@/db/mutations/comments";
import { listComments } from "@/db/queries/comments";
import { say } from "@/lib/i18n/said";
import { accusingOpening } from "@/lib/kind-words";
import type { ApiCaller } from "./auth";
import { apiError } from "./http";
import { actionResponse } from "./organizing";
import { commentJson, commentJsonSchema } from "./project-json";

/*
 * The discussion endpoints of activities and projects share these. The caller must be
 * able to see the thing first (the same 404 otherwise); posting is rate-limited per member.
 */

export const commentsJsonSchema = z.object({ comments: z.array(commentJsonSchema).describe("Oldest first; names only for signed-in callers.") });

export const postedCommentJsonSchema = z.object({
  comment: z.object({ id: z.uuid() }),
  kindWords: z.object({ suggestion: z.string() }).nullable().describe("A gentler way to open, when the comment starts with an accusing pattern; it never blocks the post."),
});

/** GET …/comments: the thread, oldest first; names only for signed-in callers. */
export async function commentsResponse(target: CommentTarget, viewerId: string | null): Promise<Response> {
  const comments = await listComments(target, { id: viewerId });
  return NextResponse.json({ comments: comments.map(commentJson) });
}

/**
 * POST …/comments {"body": "…"}: posts at once. When it opens with an accusing pattern the
 * answer carries the same kind-words suggestion the page shows; it never blocks the post.
 */
export async function postCommentResponse(caller: ApiCaller, target: CommentTarget, body: string, notFound: () => Response): Promise<Response> {
  const result = await postComment(caller, target, body);
  if (!result.ok && result.code === "not_found") return notFound();
  if (!result.ok && "retryAfterSeconds" in result) return apiError("rate_limited", result.message, undefined, { "Retry-After": String(result.retryAfterSeconds) });
  const found = accusingOpening(body);
  return actionResponse(result, (d) => ({ comment: { id: d.id }, kindWords: found ? { suggestion: say("client-groups.comments.kindWords.suggestion", { found }) } : null }), 201);
}
