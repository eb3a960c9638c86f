"use server";

import { revalidatePath } from "next/cache";
import { joinGroup, leaveGroup } from "@/db/mutations/groups";
import { fail, invalid, type ActionResult } from "@/lib/action-result";
import { getViewer } from "@/lib/auth/session";
import { joinGroupSchema } from "@/lib/validation/group";

export type MembershipActionState = ActionResult<{ message: string }> | null;

/** Joins (or asks to join) with the agreements accepted; the mutation records when. */
export async function joinGroupAction(groupId: string, slug: string, _prev: MembershipActionState, formData: FormData): Promise<MembershipActionState> {
  const parsed = joinGroupSchema.safeParse({ acceptAgreements: formData.get("acceptAgreements") });
  if (!parsed.success) return invalid(parsed.error, "Please accept the group's agreements to join.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in to join this group.");
  const result = await joinGroup(viewer, groupId, parsed.data.acceptAgreements);
  if (!result.ok) return result;
  revalidatePath(`/groups/${slug}`);
  return {
    ok: true,
    data: { message: result.data.status === "active" ? "Welcome! You're a member now." : "Thanks. Your request is with the organizers; you'll hear when they approve it." },
  };
}

export async function leaveGroupAction(groupId: string, slug: string, _prev: MembershipActionState, _formData: FormData): Promise<MembershipActionState> {
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await leaveGroup(viewer, groupId);
  if (!result.ok) return result;
  revalidatePath(`/groups/${slug}`);
  return { ok: true, data: { message: "You've left the group." } };
}
