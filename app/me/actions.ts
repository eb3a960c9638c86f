"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import type { FormState } from "@/components/action-form";
import { savePlan } from "@/db/mutations/plan";
import { allGroupsVisible } from "@/db/queries/plan";
import { defineAction } from "@/server/action";
import { planFormToInput, planInputSchema } from "@/lib/validation/connection";
import { say } from "@/lib/i18n/said";

/** Saves the member's own connection plan. */
export const savePlanAction = defineAction({
  read: planFormToInput,
  input: planInputSchema,
  invalid: () => say("errors.action.checkPlan"),
  member: true,
  run: async (plan, viewer): Promise<FormState> => {
    const t = await requestWords("me.answers");
    if (!(await allGroupsVisible(viewer.id, plan.interestGroupIds))) return { ok: false, code: "invalid_input", message: t("planNeedsLook"), fieldErrors: { interestGroupIds: t("chooseGroups") } };
    await savePlan(viewer.id, plan);
    revalidatePath("/me", "layout");
    revalidatePath("/");
    return { ok: true, data: { message: t("planSaved") } };
  },
});
