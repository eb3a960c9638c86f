"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/action-form";
import { savePlan } from "@/db/mutations/plan";
import { saveReflection } from "@/db/mutations/reflections";
import { allGroupsVisible } from "@/db/queries/plan";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/lib/auth/session";
import { planFormToInput, planInputSchema, reflectionInputSchema } from "@/lib/validation/connection";

const FEELING_WORDS = { drained: "drained", ok: "OK", lifted: "lifted" } as const;

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

const activityIdSchema = z.uuid();

/** A one-tap private reflection on an attended activity, with an optional note. */
export async function reflectOnActivityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = activityIdSchema.safeParse(formData.get("activityId"));
  if (!id.success) return fail("not_found", "We couldn't find that activity.");
  const parsed = reflectionInputSchema.safeParse({ feeling: formData.get("feeling"), note: formData.get("note") ?? "" });
  if (!parsed.success) return invalid(parsed.error, "Choose drained, OK or lifted.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await saveReflection({ userId: viewer.id, activityId: id.data, ...parsed.data });
  if (!result.ok) return fail(result.code, result.message);
  revalidatePath(`/activities/${id.data}`);
  revalidatePath("/");
  revalidatePath("/me", "layout");
  // On the home page the question goes away once answered, so the answer is shown there instead.
  if (formData.get("from") === "home") redirect(`/?reflected=${id.data}`);
  const milestone = result.milestones.length > 0 ? " You've reached a milestone too — have a look at your participation page." : "";
  return { ok: true, data: { message: `Noted: it left you ${FEELING_WORDS[parsed.data.feeling]}. Only you can see this.${milestone}` } };
}
