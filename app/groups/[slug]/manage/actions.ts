"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handOverGroup } from "@/db/mutations/group-ownership";
import { changeMember, renewInviteCode } from "@/db/mutations/groups";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { boundGroupSchema, GROUP_NOT_FOUND, handOverSchema, memberChangeSchema } from "@/lib/validation/group";

/*
 * Organizer actions on one group. The group id and slug are bound by the page and come back
 * from the browser, so they are parsed first: a malformed one is answered like a group that
 * does not exist. Each mutation then checks the viewer's role in this group against the row.
 */

export type MemberActionState = ActionResult<{ message: string }> | null;

const said = { approve: "Approved.", decline: "Declined.", promote: "Now an organizer.", demote: "Now a member.", remove: "Removed from the group.", ban: "Banned from the group." } as const;

/** One change to a member. */
export async function changeMemberAction(groupId: string, slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const ids = boundGroupSchema.safeParse({ groupId, slug });
  if (!ids.success) return fail("not_found", GROUP_NOT_FOUND);
  const parsed = memberChangeSchema.safeParse({ userId: formData.get("userId"), change: formData.get("change"), reason: formData.get("reason") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  // A ban is the one change organizers are asked to explain, for each other's record.
  if (parsed.data.change === "ban" && !parsed.data.reason) {
    return { ok: false, code: "invalid_input", message: "Say briefly why, for the other organizers. The member doesn't see it.", fieldErrors: { reason: "Say briefly why, for the other organizers. The member doesn't see it." } };
  }
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await changeMember(viewer, ids.data.groupId, parsed.data.userId, parsed.data.change, parsed.data.reason);
  if (!result.ok) return result;
  revalidatePath(`/groups/${ids.data.slug}`, "layout");
  return { ok: true, data: { message: said[parsed.data.change] } };
}

/**
 * Hands the group over to one of its organizers, after the owner ticked to confirm. The
 * mutation checks against the rows that the viewer owns this group and the new owner
 * organizes it; the old owner stays an organizer.
 */
export async function handOverGroupAction(groupId: string, slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const ids = boundGroupSchema.safeParse({ groupId, slug });
  if (!ids.success) return fail("not_found", GROUP_NOT_FOUND);
  const parsed = handOverSchema.safeParse({ userId: formData.get("userId"), confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) return invalid(parsed.error, parsed.error.issues[0]?.message);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await handOverGroup(viewer, ids.data.groupId, parsed.data.userId);
  if (!result.ok) return result;
  revalidatePath(`/groups/${ids.data.slug}`, "layout");
  revalidatePath("/account");
  // The row the form sat on is now the owner's and has no options left, so the page says it.
  redirect(`/groups/${ids.data.slug}/manage?handedOver=1#members`);
}

export type InviteActionState = ActionResult<{ message: string }> | null;

/** Replaces a private group's invite code; links shared before stop working. */
export async function renewInviteLinkAction(groupId: string, slug: string, _prev: InviteActionState, _formData: FormData): Promise<InviteActionState> {
  if (!isFormData(_formData)) return unreadableForm();
  const ids = boundGroupSchema.safeParse({ groupId, slug });
  if (!ids.success) return fail("not_found", GROUP_NOT_FOUND);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await renewInviteCode(viewer, ids.data.groupId);
  if (!result.ok) return result;
  revalidatePath(`/groups/${ids.data.slug}/manage`);
  return { ok: true, data: { message: "Here is the new invite link. Links shared before no longer work." } };
}
