"use server";

import { fileReport } from "@/db/mutations/reports";
import type { FormState } from "@/components/action-form";
import { fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { reportInputSchema } from "@/lib/validation/report";
import { say } from "@/lib/i18n/said";

/** Sends a report. Whoever is reported is never told who sent it. */
export const reportAction = defineAction({
  read: (form) => ({ targetType: form.get("targetType"), targetId: form.get("targetId"), reason: form.get("reason") ?? undefined, note: form.get("note") }),
  input: reportInputSchema,
  invalid: () => say("errors.action.checkReport"),
  member: () => say("errors.action.signInToReport"),
  run: async (report, viewer): Promise<FormState> => {
    const result = await fileReport(viewer, report);
    if (!result.ok) return fail(result.code, result.message);
    const message = result.data.already
      ? "We already have your report about this, thank you. It is waiting for a moderator, and you'll hear what they decide."
      : "Thank you. Your report is with the moderators. You'll get a notice here when they have looked at it. No one else is told who sent it.";
    return { ok: true, data: { message } };
  },
});
