"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { GroupFormState } from "@/components/group-form";
import { updateGroup } from "@/db/mutations/groups";
import { defineAction } from "@/server/action";
import { boundGroupSchema, GROUP_NOT_FOUND, groupInputSchema, groupValuesFromFormData } from "@/lib/validation/group";
import { say } from "@/lib/i18n/said";

/*
 * Saving a group's settings. The group id and slug are bound by the page and come back from
 * the browser, so they are parsed first: a malformed one is answered like a group that does
 * not exist. The mutation then checks the viewer's role in this group against the row.
 */

/** Saves the settings, then opens the group page. */
export const updateGroupAction = defineAction({
  bound: ["groupId", "slug"],
  find: boundGroupSchema.shape,
  missing: GROUP_NOT_FOUND,
  read: groupValuesFromFormData,
  input: groupInputSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (settings, viewer, { groupId }): Promise<GroupFormState> => {
    const result = await updateGroup(viewer, groupId, settings);
    if (!result.ok) return result;
    // The name and visibility show on the group's pages, the groups list and its activities.
    revalidatePath(`/groups/${result.data.slug}`, "layout");
    revalidatePath("/groups");
    revalidatePath("/activities", "layout");
    redirect(`/groups/${result.data.slug}`);
  },
});
