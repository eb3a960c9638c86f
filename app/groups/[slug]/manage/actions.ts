"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import { say } from "@/lib/i18n/said";
import { redirect } from "next/navigation";
import { handOverGroup } from "@/db/mutations/group-ownership";
import { changeMember, renewInviteCode } from "@/db/mutations/groups";
import type { ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { boundGroupSchema, GROUP_NOT_FOUND, handOverSchema, memberChangeSchema } from "@/lib/validation/group";

/*
 * Organizer actions on one group. The group id and slug are bound by the page and come back
 * from the browser, so they are parsed first: a malformed one is answered like a group that
 * does not exist. Each mutation then checks the viewer's role in this group against the row.
 */

export type MemberActionState = ActionResult<{ message: string }> | null;

/** The group acted on, bound by the page. */
const group = { bound: ["groupId", "slug"], find: boundGroupSchema.shape, missing: GROUP_NOT_FOUND, member: true } as const;

/** One change to a member. */
export const changeMemberAction = defineAction({
  ...group,
  read: (form) => ({ userId: form.get("userId"), change: form.get("change"), reason: form.get("reason") ?? undefined }),
  input: memberChangeSchema,
  // A ban is the one change organizers are asked to explain, for each other's record.
  check: ({ change, reason }) => {
    if (change !== "ban" || reason) return undefined;
    const message = say("errors.action.banReason");
    return { ok: false, code: "invalid_input", message, fieldErrors: { reason: message } };
  },
  run: async ({ userId, change, reason }, viewer, { groupId, slug }): Promise<MemberActionState> => {
    const result = await changeMember(viewer, groupId, userId, change, reason);
    if (!result.ok) return result;
    revalidatePath(`/groups/${slug}`, "layout");
    const t = await requestWords("groups.said");
    return { ok: true, data: { message: t(`change.${change}`) } };
  },
});

/**
 * Hands the group over to one of its organizers, after the owner ticked to confirm. The
 * mutation checks against the rows that the viewer owns this group and the new owner
 * organizes it; the old owner stays an organizer.
 */
export const handOverGroupAction = defineAction({
  ...group,
  read: (form) => ({ userId: form.get("userId"), confirm: form.get("confirm") ?? undefined }),
  input: handOverSchema,
  invalid: (error) => error.issues[0]?.message,
  run: async ({ userId }, viewer, { groupId, slug }): Promise<MemberActionState> => {
    const result = await handOverGroup(viewer, groupId, userId);
    if (!result.ok) return result;
    revalidatePath(`/groups/${slug}`, "layout");
    revalidatePath("/account");
    // The row the form sat on is now the owner's and has no options left, so the page says it.
    redirect(`/groups/${slug}/manage?handedOver=1#members`);
  },
});

export type InviteActionState = ActionResult<{ message: string }> | null;

/** Replaces a private group's invite code; links shared before stop working. */
export const renewInviteLinkAction = defineAction({
  ...group,
  run: async (_input, viewer, { groupId, slug }): Promise<InviteActionState> => {
    const result = await renewInviteCode(viewer, groupId);
    if (!result.ok) return result;
    revalidatePath(`/groups/${slug}/manage`);
    const t = await requestWords("groups.said");
    return { ok: true, data: { message: t("newInviteLink") } };
  },
});
