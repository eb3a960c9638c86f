"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { blockCommentAuthor } from "@/db/mutations/blocks";
import { editComment, postComment, removeComment } from "@/db/mutations/comments";
import { fail, type ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { accusingOpening } from "@/lib/kind-words";
import { commentBodySchema } from "@/lib/validation/comment";
import { recordIdSchema } from "@/lib/validation/ids";
import { say } from "@/lib/i18n/said";

/*
 * Discussion forms on activity and project pages. The kind-words prompt lives here: a
 * comment that opens with an accusing pattern comes back once with a suggestion and the
 * text kept, and "post as it is" posts it unchanged. It never blocks.
 */

export type CommentFormState =
  | (ActionResult<{ id: string }> & { body?: string; suggestion?: { found: string; text: string } })
  | null;
export type CommentActionState = ActionResult<{ message: string }> | null;

function revalidateTarget(kind: "activity" | "project", id: string) {
  revalidatePath(kind === "activity" ? `/activities/${id}` : `/projects/${id}`);
  revalidatePath("/notifications");
}

/** Posts a comment on an activity or a project. */
export const postCommentAction = defineAction({
  find: { targetKind: z.enum(["activity", "project"]), targetId: z.uuid() },
  missing: () => say("errors.action.commentTargetMissing"),
  read: (form) => {
    const body = form.get("body");
    return [typeof body === "string" ? body : "", form.get("postAsIs") === "1"] as const;
  },
  input: [commentBodySchema, z.boolean()],
  invalid: (error) => error.issues[0]?.message,
  keep: ([body]) => ({ body }),
  member: () => say("errors.action.sessionEndedPost"),
  run: async ([body, postAsIs], viewer, { targetKind, targetId }): Promise<CommentFormState> => {
    const found = accusingOpening(body);
    const t = await requestWords("discussion.said");
    if (found && !postAsIs) {
      const kind = await requestWords("client-groups.comments.kindWords");
      return { ok: false, code: "invalid_input", message: t("beforePosting"), suggestion: { found, text: kind("suggestion", { found }) } };
    }
    const result = await postComment(viewer, targetKind === "activity" ? { activityId: targetId } : { projectId: targetId }, body);
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    revalidateTarget(targetKind, targetId);
    return { ok: true, data: result.data, message: t("posted") };
  },
});

/** A comment acted on, named by the form. */
const comment = { find: { commentId: recordIdSchema }, missing: () => say("errors.action.commentMissing"), member: true } as const;

/** The author changes their comment, within 15 minutes of posting. */
export const editCommentAction = defineAction({
  ...comment,
  read: (form) => form.get("body") ?? "",
  input: commentBodySchema,
  invalid: (error) => error.issues[0]?.message,
  run: async (body, viewer, { commentId }): Promise<CommentActionState> => {
    const result = await editComment(viewer, commentId, body);
    if (!result.ok) return result;
    revalidatePath("/activities", "layout");
    revalidatePath("/projects", "layout");
    const t = await requestWords("discussion.said");
    return { ok: true, data: { message: t("saved") } };
  },
});

/** The author deletes their comment; an organizer of the group removes anyone's. */
export const removeCommentAction = defineAction({
  ...comment,
  run: async (_input, viewer, { commentId }): Promise<CommentActionState> => {
    const result = await removeComment(viewer, commentId);
    if (!result.ok) return result;
    revalidatePath("/activities", "layout");
    revalidatePath("/projects", "layout");
    const t = await requestWords("discussion.said");
    return { ok: true, data: { message: result.data.outcome === "deleted" ? t("deleted") : t("removed") } };
  },
});

/**
 * Blocks whoever wrote a comment, named by the comment alone: the page never carries the
 * author's id, and the answer never names them. From then on neither sees the other's comments.
 */
export const blockCommentAuthorAction = defineAction({
  ...comment,
  run: async (_input, viewer, { commentId }): Promise<CommentActionState> => {
    const result = await blockCommentAuthor(viewer.id, commentId);
    const t = await requestWords("discussion.said");
    if (!result.ok) return result.code === "self" ? fail("invalid_input", t("ownComment")) : fail("not_found", t("commentGone"));
    revalidatePath("/activities", "layout");
    revalidatePath("/projects", "layout");
    revalidatePath("/account");
    return { ok: true, data: { message: t("blocked") } };
  },
});
