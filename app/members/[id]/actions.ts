"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { blockMember, unblockMember } from "@/db/mutations/blocks";
import { fail, isFormData, unreadableForm, type ActionResult } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";

export type BlockState = ActionResult<{ message: string }> | null;

const memberIdSchema = z.uuid();

/** Blocks a member. They are not told; from now on neither of you sees the other. */
export async function blockMemberAction(_prev: BlockState, formData: FormData): Promise<BlockState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = memberIdSchema.safeParse(formData.get("memberId"));
  if (!id.success) return fail("not_found", "We couldn't find that member.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await blockMember(viewer.id, id.data);
  if (!result.ok) return fail(result.code === "self" ? "invalid_input" : "not_found", result.code === "self" ? "You can't block yourself." : "We couldn't find that member.");
  revalidatePath("/account");
  redirect("/account?blocked=1#blocked");
}

/** Lifts a block, from the account page. */
export async function unblockMemberAction(_prev: BlockState, formData: FormData): Promise<BlockState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = memberIdSchema.safeParse(formData.get("memberId"));
  if (!id.success) return fail("not_found", "We couldn't find that member.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  await unblockMember(viewer.id, id.data);
  revalidatePath("/account");
  return { ok: true, data: { message: "Unblocked." } };
}
