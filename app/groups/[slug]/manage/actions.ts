"use server";

import { revalidatePath } from "next/cache";
import { changeMember } from "@/db/mutations/groups";
import { fail, invalid, type ActionResult } from "@/lib/action-result";
import { getViewer } from "@/lib/auth/session";
import { memberChangeSchema } from "@/lib/validation/group";

export type MemberActionState = ActionResult<{ message: string }> | null;

const said = { approve: "Approved.", decline: "Declined.", promote: "Now an organizer.", demote: "Now a member.", remove: "Removed from the group.", ban: "Banned from the group." } as const;

/** One change to a member; the mutation checks the viewer's role in this group against the row. */
export async function changeMemberAction(groupId: string, slug: string, _prev: MemberActionState, formData: FormData): Promise<MemberActionState> {
  const parsed = memberChangeSchema.safeParse({ userId: formData.get("userId"), change: formData.get("change") });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await changeMember(viewer, groupId, parsed.data.userId, parsed.data.change);
  if (!result.ok) return result;
  revalidatePath(`/groups/${slug}`, "layout");
  return { ok: true, data: { message: said[parsed.data.change] } };
}
