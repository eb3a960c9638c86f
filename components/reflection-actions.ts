"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import type { FormState } from "@/components/action-form";
import { saveReflection } from "@/db/mutations/reflections";
import { fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { reflectionInputSchema } from "@/lib/validation/connection";
import { say } from "@/lib/i18n/said";

/*
 * The private reflection on an attended activity, asked on the activity's page and on home:
 * shared by both, so it sits beside its form.
 */

/** A one-tap private reflection on an attended activity, with an optional note. */
export const reflectOnActivityAction = defineAction({
  find: { activityId: z.uuid() },
  missing: () => say("errors.action.activityMissing"),
  read: (form) => ({ feeling: form.get("feeling"), note: form.get("note") ?? "", fromHome: form.get("from") === "home" }),
  input: reflectionInputSchema.extend({ fromHome: z.boolean() }),
  invalid: () => say("errors.action.chooseFeeling"),
  member: true,
  run: async ({ fromHome, ...reflection }, viewer, { activityId }): Promise<FormState> => {
    const result = await saveReflection({ userId: viewer.id, activityId, ...reflection });
    if (!result.ok) return fail(result.code, result.message);
    revalidatePath(`/activities/${activityId}`);
    revalidatePath("/");
    revalidatePath("/me", "layout");
    // On the home page the question goes away once answered, so the answer is shown there instead.
    if (fromHome) redirect(`/?reflected=${activityId}`);
    const t = await requestWords("ui.reflection");
    return { ok: true, data: { message: t(result.milestones.length > 0 ? "notedWithMilestone" : "noted", { feeling: reflection.feeling }) } };
  },
});
