"use server";

import { fileReport } from "@/db/mutations/reports";
import type { FormState } from "@/components/action-form";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { reportInputSchema } from "@/lib/validation/report";

/** Sends a report. Whoever is reported is never told who sent it. */
export async function reportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = reportInputSchema.safeParse({
    targetType: formData.get("targetType"),
    targetId: formData.get("targetId"),
    reason: formData.get("reason") ?? undefined,
    note: formData.get("note"),
  });
  if (!parsed.success) return invalid(parsed.error, "Please check the report.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in to send a report.");
  const result = await fileReport(viewer, parsed.data);
  if (!result.ok) return fail(result.code, result.message);
  const message = result.data.already
    ? "We already have your report about this, thank you. It is waiting for a moderator, and you'll hear what they decide."
    : "Thank you. Your report is with the moderators. You'll get a notice here when they have looked at it. No one else is told who sent it.";
  return { ok: true, data: { message } };
}
