"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import { announceToGroup } from "@/db/mutations/messages";
import type { ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { boundGroupSchema, GROUP_NOT_FOUND } from "@/lib/validation/group";
import { announcementFormSchema } from "@/lib/validation/walk-ins";

export type AnnounceState = ActionResult<{ message: string }> | null;

/** An announcement to every member of the group; the mutation checks the viewer organizes it. */
export const announceToGroupAction = defineAction({
  bound: ["groupId", "slug"],
  find: boundGroupSchema.shape,
  missing: GROUP_NOT_FOUND,
  member: true,
  limit: "messageMember",
  read: (form) => ({ message: form.get("message") }),
  input: announcementFormSchema,
  keep: (raw) => ({ values: { message: typeof raw.message === "string" ? raw.message : "" } }),
  run: async ({ message }, viewer, { groupId, slug }): Promise<AnnounceState> => {
    const result = await announceToGroup({ groupId, actorId: viewer.id, message });
    if (!result.ok) return result;
    revalidatePath(`/groups/${slug}/manage`);
    const t = await requestWords("groups.said");
    return { ok: true, data: { message: t("announced", { count: result.sent }) } };
  },
});
