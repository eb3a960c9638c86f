"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/action-form";
import { savePlan } from "@/db/mutations/plan";
import { allGroupsVisible } from "@/db/queries/plan";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { planFormToInput, planInputSchema } from "@/lib/validation/connection";

/** Saves the member's own connection plan. */
export async function savePlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = planInputSchema.safeParse(planFormToInput(formData));
  if (!parsed.success) return invalid(parsed.error, "Your plan needs another look.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  if (!(await allGroupsVisible(viewer.id, parsed.data.interestGroupIds))) return { ok: false, code: "invalid_input", message: "Your plan needs another look.", fieldErrors: { interestGroupIds: "Choose groups from the list." } };
  await savePlan(viewer.id, parsed.data);
  revalidatePath("/me", "layout");
  revalidatePath("/");
  return { ok: true, data: { message: "Saved. Your suggestions now follow this plan." } };
}
