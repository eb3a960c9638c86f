"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { blockMember, unblockMember } from "@/db/mutations/blocks";
import { fail, type ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { say } from "@/lib/i18n/said";

export type BlockState = ActionResult<{ message: string }> | null;

/** The member acted on, named by the form. */
const otherMember = { find: { memberId: z.uuid() }, missing: () => say("errors.action.memberMissing"), member: true } as const;

/** Blocks a member. They are not told; from now on neither of you sees the other. */
export const blockMemberAction = defineAction({
  ...otherMember,
  run: async (_input, viewer, { memberId }): Promise<BlockState> => {
    const result = await blockMember(viewer.id, memberId);
    if (!result.ok) return fail(result.code === "self" ? "invalid_input" : "not_found", (await requestWords("account.answers"))(result.code === "self" ? "cantBlockSelf" : "memberNotFound"));
    revalidatePath("/account");
    redirect("/account?blocked=1#blocked");
  },
});

/** Lifts a block, from the account page. */
export const unblockMemberAction = defineAction({
  ...otherMember,
  run: async (_input, viewer, { memberId }): Promise<BlockState> => {
    await unblockMember(viewer.id, memberId);
    revalidatePath("/account");
    return { ok: true, data: { message: (await requestWords("account.answers"))("unblocked") } };
  },
});
