"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { spendStillComingLink, stillComingPath } from "@/db/mutations/still-coming";
import type { StillComingFormState } from "@/components/still-coming-form";
import { fail } from "@/lib/action-result";
import { stillComingPurposeSchema, stillComingTokenSchema } from "@/lib/validation/still-coming";
import { defineAction } from "@/server/action";
import { say } from "@/lib/i18n/said";

const BROKEN = () => say("errors.action.stillComingLinkBroken");

/**
 * The button on a reminder link's page: spends the link once (no sign-in; the token is the
 * key). The link's purpose must match the button's: a "coming" link cannot free a place.
 */
export const spendStillComingLinkAction = defineAction({
  find: { token: stillComingTokenSchema, purpose: stillComingPurposeSchema },
  missing: BROKEN,
  run: async (_input, _viewer, { token, purpose }): Promise<StillComingFormState> => {
    const result = await spendStillComingLink(token, purpose);
    if (!result.ok) return fail(result.code === "try_again" ? "try_again" : result.code === "unknown" ? "not_found" : "closed", result.message);
    revalidatePath(`/activities/${result.activityId}`);
    redirect(`${stillComingPath(purpose, token)}?done=1`);
  },
});
