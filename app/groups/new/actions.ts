"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { GroupFormState } from "@/components/group-form";
import { createGroup } from "@/db/mutations/groups";
import { defineAction } from "@/server/action";
import { groupInputSchema, groupValuesFromFormData } from "@/lib/validation/group";
import { say } from "@/lib/i18n/said";

/** Starts a group with the viewer as its owner, then opens it. */
export const createGroupAction = defineAction({
  read: groupValuesFromFormData,
  input: groupInputSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (group, viewer): Promise<GroupFormState> => {
    const result = await createGroup(viewer, group);
    if (!result.ok) return result;
    revalidatePath("/groups");
    redirect(`/groups/${result.data.slug}`);
  },
});
