"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { answerStillComing } from "@/db/mutations/still-coming";
import type { StillComingFormState } from "@/components/still-coming-form";
import { fail } from "@/lib/action-result";
import { stillComingPurposeSchema } from "@/lib/validation/still-coming";
import { defineAction } from "@/server/action";
import { say } from "@/lib/i18n/said";

/** "Yes, I'm coming" or "Free my place" from the in-app reminder, for the signed-in member's own RSVP. */
export const answerStillComingAction = defineAction({
  find: { activityId: z.uuid() },
  missing: () => say("errors.action.activityMissing"),
  read: (form) => form.get("purpose"),
  input: stillComingPurposeSchema,
  member: true,
  limit: "rsvpMember",
  run: async (purpose, viewer, { activityId }): Promise<StillComingFormState> => {
    const result = await answerStillComing(activityId, viewer.id, purpose);
    if (!result.ok) return fail(result.code === "try_again" ? "try_again" : result.code === "unknown" ? "not_found" : "closed", result.message);
    revalidatePath(`/activities/${activityId}`);
    revalidatePath("/notifications");
    return { ok: true, data: { message: (await requestWords("links.stillComing.done"))(purpose) } };
  },
});
