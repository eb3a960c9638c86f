"use server";

import { requestWords } from "@/server/request-locale";
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
    const t = await requestWords("moderation.said");
    const message = result.data.already ? t("alreadyReported") : t("reported");
    return { ok: true, data: { message } };
  },
});
