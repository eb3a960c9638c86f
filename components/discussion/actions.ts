"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { blockCommentAuthor } from "@/db/mutations/blocks";
import { editComment, postComment, removeComment } from "@/db/mutations/comments";
import { fail, invalid, isFormData, unreadableForm, type ActionResult } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { accusingOpening, kindWordsSuggestion } from "@/lib/kind-words";
import { commentBodySchema } from "@/lib/validation/comment";
import { areRecordIds } from "@/lib/validation/ids";

/*
 * Discussion forms on activity and project pages. The kind-words prompt lives here: a
 * comment that opens with an accusing pattern comes back once with a suggestion and the
 * text kept, and "post as it is" posts it unchanged. It never blocks.
 */

export type CommentFormState =
  | (ActionResult<{ id: string }> & { body?: string; suggestion?: { found: string; text: string } })
  | null;
export type CommentActionState = ActionResult<{ message: string }> | null;

const targetSchema = z.object({ kind: z.enum(["activity", "project"]), id: z.uuid() });

function revalidateTarget(kind: "activity" | "project", id: string) {
  revalidatePath(kind === "activity" ? `/activities/${id}` : `/projects/${id}`);
  revalidatePath("/notifications");
}

/** Posts a comment on an activity or a project. */
export async function postCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const target = targetSchema.safeParse({ kind: formData.get("targetKind"), id: formData.get("targetId") });
  if (!target.success) return fail("not_found", "We couldn't find what you're commenting on.");
  const raw = typeof formData.get("body") === "string" ? (formData.get("body") as string) : "";
  const parsed = commentBodySchema.safeParse(raw);
  if (!parsed.success) return { ...invalid(parsed.error, parsed.error.issues[0]?.message), body: raw };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again to post; what you wrote is kept here."), body: raw };
  const found = accusingOpening(parsed.data);
  if (found && formData.get("postAsIs") !== "1") {
    return { ok: false, code: "invalid_input", message: "Before you post", body: raw, suggestion: { found, text: kindWordsSuggestion(found) } };
  }
  const t = target.data;
  const result = await postComment(viewer, t.kind === "activity" ? { activityId: t.id } : { projectId: t.id }, parsed.data);
  if (!result.ok) return { ok: false, code: result.code, message: result.message, body: raw };
  revalidateTarget(t.kind, t.id);
  return { ok: true, data: result.data, message: "Posted." };
}

/** The author changes their comment, within 15 minutes of posting. */
export async function editCommentAction(_prev: CommentActionState, formData: FormData): Promise<CommentActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = formData.get("commentId");
  if (!areRecordIds(id)) return fail("not_found", "We couldn't find that comment.");
  const parsed = commentBodySchema.safeParse(formData.get("body") ?? "");
  if (!parsed.success) return invalid(parsed.error, parsed.error.issues[0]?.message);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await editComment(viewer, id as string, parsed.data);
  if (!result.ok) return result;
  revalidatePath("/activities", "layout");
  revalidatePath("/projects", "layout");
  return { ok: true, data: { message: "Saved." } };
}

/** The author deletes their comment; an organizer of the group removes anyone's. */
export async function removeCommentAction(_prev: CommentActionState, formData: FormData): Promise<CommentActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = formData.get("commentId");
  if (!areRecordIds(id)) return fail("not_found", "We couldn't find that comment.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await removeComment(viewer, id as string);
  if (!result.ok) return result;
  revalidatePath("/activities", "layout");
  revalidatePath("/projects", "layout");
  return { ok: true, data: { message: result.data.outcome === "deleted" ? "Your comment is deleted." : "Removed. It now shows as removed by an organizer." } };
}

/**
 * Blocks whoever wrote a comment, named by the comment alone: the page never carries the
 * author's id, and the answer never names them. From then on neither sees the other's comments.
 */
export async function blockCommentAuthorAction(_prev: CommentActionState, formData: FormData): Promise<CommentActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = formData.get("commentId");
  if (!areRecordIds(id)) return fail("not_found", "We couldn't find that comment.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await blockCommentAuthor(viewer.id, id as string);
  if (!result.ok) return result.code === "self" ? fail("invalid_input", "That's your own comment.") : fail("not_found", "We couldn't find that comment.");
  revalidatePath("/activities", "layout");
  revalidatePath("/projects", "layout");
  revalidatePath("/account");
  return { ok: true, data: { message: "Blocked. You won't see each other's comments from now on, and they aren't told. You can lift it on your account page." } };
}
