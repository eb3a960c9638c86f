"use server";

import { revalidatePath } from "next/cache";
import { requestWords } from "@/server/request-locale";
import type { FormState } from "@/components/action-form";
import { decideReport, restoreReported } from "@/db/mutations/reports";
import { fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { decisionSchema, restoreSchema, type Outcome } from "@/lib/validation/report";
import { say } from "@/lib/i18n/said";

/*
 * The moderation queues' actions, shared by a group's reports page and /admin/reports. The
 * mutation decides, against the rows, whether this viewer moderates this report.
 */

export const decideReportAction = defineAction({
  read: (form) => ({ reportId: form.get("reportId"), outcome: form.get("outcome") ?? undefined, note: form.get("note") }),
  input: decisionSchema,
  invalid: () => say("errors.action.checkDecision"),
  member: true,
  run: async (decision, viewer): Promise<FormState> => {
    const result = await decideReport(viewer, decision);
    if (!result.ok) return fail(result.code, result.message);
    revalidatePath("/", "layout");
    const t = await requestWords("moderation.said");
    const said = t(`decided.${result.data.outcome}`);
    return { ok: true, data: { message: result.data.settled > 1 ? t("settled", { said, count: result.data.settled }) : said } };
  },
});

export const restoreReportedAction = defineAction({
  find: restoreSchema.shape,
  missing: () => say("errors.action.reportMissing"),
  member: true,
  run: async (_input, viewer, { reportId }): Promise<FormState> => {
    const result = await restoreReported(viewer, reportId);
    if (!result.ok) return fail(result.code, result.message);
    revalidatePath("/", "layout");
    const t = await requestWords("moderation.said");
    return { ok: true, data: { message: t("restored") } };
  },
});
