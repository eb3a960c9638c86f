import { z } from "zod";
import { editComment, removeComment } from "@/db/mutations/comments";
import { apiError } from "@/server/api/http";
import { actionResponse } from "@/server/api/organizing";
import { commentParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { commentBodyJsonSchema } from "@/lib/validation/comment";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const noSuchComment = () => apiError("not_found", say("errors.api.noComment"));

/**
 * DELETE /api/comments/:id — the author deletes their comment ({"outcome":"deleted"}); an
 * organizer of the group hides anyone's, which then shows as removed by an organizer
 * ({"outcome":"removed"}).
 */
export const DELETE = apiRoute({
  summary: "Delete or remove a comment",
  description: 'The author deletes their own (`"outcome": "deleted"`); an organizer of the group hides anyone\'s, which then shows as removed (`"removed"`).',
  caller: "member",
  params: commentParams,
  responses: { 200: z.object({ comment: z.object({ id: z.uuid() }), outcome: z.enum(["deleted", "removed"]) }) },
  errors: [404, 409],
  async handler({ caller, params }) {
    const result = await removeComment(caller, params.id);
    if (!result.ok && result.code === "not_found") return noSuchComment();
    return actionResponse(result, (d) => ({ comment: { id: params.id }, outcome: d.outcome }));
  },
});

/** PATCH /api/comments/:id {"body": "…"} — the author changes their words within 15 minutes of posting. */
export const PATCH = apiRoute({
  summary: "Edit a comment",
  description: "The author, within 15 minutes of posting.",
  caller: "member",
  params: commentParams,
  body: commentBodyJsonSchema,
  responses: { 200: z.object({ comment: z.object({ id: z.uuid(), body: z.string() }) }) },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const result = await editComment(caller, params.id, body.body);
    if (!result.ok && result.code === "not_found") return noSuchComment();
    return actionResponse(result, (d) => ({ comment: { id: d.id, body: body.body } }));
  },
});
