"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActivityFormState } from "@/components/activity-form";
import { createActivity } from "@/db/mutations/activities";
import { defineAction } from "@/server/action";
import { activityInputSchema, activityValuesFromFormData, startsInThePast } from "@/lib/validation/activity";
import { recordIdSchema } from "@/lib/validation/ids";
import { say } from "@/lib/i18n/said";

/** Creates an activity or a series in a group; the mutation checks the viewer organizes *this* group. */
export const createActivityAction = defineAction({
  bound: ["groupId"],
  find: { groupId: recordIdSchema },
  read: (form) => [activityValuesFromFormData(form), form.get("startedOk") === "on"] as const,
  input: [activityInputSchema, z.boolean()],
  keep: ([values]) => ({ values }),
  // Posting something that has already begun is usually a slip of the date; ask once.
  check: ([activity, startedOk]) => {
    if (!startsInThePast(activity) || startedOk) return undefined;
    const message = say("errors.action.alreadyStarted");
    return { ok: false, code: "invalid_input", message, fieldErrors: { startedOk: message } };
  },
  member: () => say("errors.action.sessionEndedKept"),
  run: async ([activity], viewer, { groupId }): Promise<ActivityFormState> => {
    const result = await createActivity(viewer, groupId, activity);
    if (!result.ok) return result;
    revalidatePath("/groups", "layout");
    revalidatePath("/activities", "layout");
    redirect(`/activities/${result.data.id}?done=created`);
  },
});
