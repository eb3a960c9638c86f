"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/action-form";
import { saveReflection } from "@/db/mutations/reflections";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { reflectionInputSchema } from "@/lib/validation/connection";
import { getViewer } from "@/server/auth/session";

/*
 * The private reflection on an attended activity, asked on the activity's page and on home:
 * shared by both, so it sits beside its form.
 */

const FEELING_WORDS = { drained: "drained", ok: "OK", lifted: "lifted" } as const;
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
