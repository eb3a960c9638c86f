"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import { joinGroup, leaveGroup } from "@/db/mutations/groups";
import type { ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import type { Viewer } from "@/server/auth/session";
import { boundGroupSchema, GROUP_NOT_FOUND, inviteCodeSchema, joinGroupSchema } from "@/lib/validation/group";
import { say } from "@/lib/i18n/said";

export type MembershipActionState = ActionResult<{ message: string }> | null;

/*
 * The group id, slug and invite code are bound into these actions by the page. They come
 * back from the browser and can be altered, so they are parsed first: anything malformed is
 * answered like a group that does not exist, before a session or a query is touched.
 */

/** Joining, with or without an invite code: the agreements accepted, then the mutation decides. */
const joining = {
  missing: GROUP_NOT_FOUND,
  read: (form: FormData) => ({ acceptAgreements: form.get("acceptAgreements") }),
  input: joinGroupSchema,
  invalid: () => say("errors.action.acceptAgreements"),
  member: () => say("errors.action.signInToJoin"),
} as const;

async function join(viewer: Viewer, group: { groupId: string; slug: string; invite?: string }, acceptAgreements: true): Promise<MembershipActionState> {
  const result = await joinGroup(viewer, group.groupId, acceptAgreements, group.invite);
  if (!result.ok) return result;
  revalidatePath(`/groups/${group.slug}`);
  const t = await requestWords("groups.said");
  return { ok: true, data: { message: result.data.status === "active" ? t("joined") : t("asked") } };
}

/** Joins (or asks to join) with the agreements accepted; the mutation records when. */
export const joinGroupAction = defineAction({
  ...joining,
  bound: ["groupId", "slug"],
  find: boundGroupSchema.shape,
  run: (accepted, viewer, group) => join(viewer, group, accepted.acceptAgreements),
});

/** Joining through a private group's invite link: the mutation checks the code. */
export const joinGroupWithInviteAction = defineAction({
  ...joining,
  bound: ["groupId", "slug", "invite"],
  find: { ...boundGroupSchema.shape, invite: inviteCodeSchema },
  run: (accepted, viewer, group) => join(viewer, group, accepted.acceptAgreements),
});

export const leaveGroupAction = defineAction({
  bound: ["groupId", "slug"],
  find: boundGroupSchema.shape,
  missing: () => say("errors.action.notAMember"),
  member: true,
  run: async (_input, viewer, { groupId, slug }): Promise<MembershipActionState> => {
    const result = await leaveGroup(viewer, groupId);
    if (!result.ok) return result;
    revalidatePath(`/groups/${slug}`);
    const t = await requestWords("groups.said");
    return { ok: true, data: { message: t("left") } };
  },
});
