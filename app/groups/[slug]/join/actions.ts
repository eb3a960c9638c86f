"use server";

import { revalidatePath } from "next/cache";
import { joinGroup, leaveGroup } from "@/db/mutations/groups";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { boundGroupSchema, GROUP_NOT_FOUND, inviteCodeSchema, joinGroupSchema } from "@/lib/validation/group";

export type MembershipActionState = ActionResult<{ message: string }> | null;

/*
 * The group id, slug and invite code are bound into these actions by the page. They come
 * back from the browser and can be altered, so they are parsed first: anything malformed is
 * answered like a group that does not exist, before a session or a query is touched.
 */

async function join(bound: unknown, formData: FormData): Promise<MembershipActionState> {
  const ids = boundGroupSchema.extend({ invite: inviteCodeSchema }).safeParse(bound);
  if (!ids.success) return fail("not_found", GROUP_NOT_FOUND);
  const parsed = joinGroupSchema.safeParse({ acceptAgreements: formData.get("acceptAgreements") });
  if (!parsed.success) return invalid(parsed.error, "Please accept the group's agreements to join.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in to join this group.");
  const result = await joinGroup(viewer, ids.data.groupId, parsed.data.acceptAgreements, ids.data.invite);
  if (!result.ok) return result;
  revalidatePath(`/groups/${ids.data.slug}`);
  return {
    ok: true,
    data: { message: result.data.status === "active" ? "Welcome! You're a member now." : "Thanks. Your request is with the organizers; you'll hear when they approve it." },
  };
}

/** Joins (or asks to join) with the agreements accepted; the mutation records when. */
export async function joinGroupAction(groupId: string, slug: string, _prev: MembershipActionState, formData: FormData): Promise<MembershipActionState> {
  if (!isFormData(formData)) return unreadableForm();
  return join({ groupId, slug }, formData);
}

/** Joining through a private group's invite link: the mutation checks the code. */
export async function joinGroupWithInviteAction(groupId: string, slug: string, invite: string, _prev: MembershipActionState, formData: FormData): Promise<MembershipActionState> {
  if (!isFormData(formData)) return unreadableForm();
  return join({ groupId, slug, invite }, formData);
}

export async function leaveGroupAction(groupId: string, slug: string, _prev: MembershipActionState, _formData: FormData): Promise<MembershipActionState> {
  if (!isFormData(_formData)) return unreadableForm();
  const ids = boundGroupSchema.safeParse({ groupId, slug });
  if (!ids.success) return fail("not_found", "You are not a member of this group.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await leaveGroup(viewer, ids.data.groupId);
  if (!result.ok) return result;
  revalidatePath(`/groups/${ids.data.slug}`);
  return { ok: true, data: { message: "You've left the group." } };
}
