"use server";

import { revalidatePath } from "next/cache";
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

const said: Record<Outcome, string> = {
  dismiss: "Dismissed. The reporter is told it was looked at.",
  hide: "Hidden from everyone. The reporter and the author are told.",
  remove: "Removed from the group. The reporter and the member are told.",
  ban: "Banned from the group. The reporter and the member are told.",
  suspend: "The account is suspended and signed out everywhere. The reporter is told.",
};

export const decideReportAction = defineAction({
  read: (form) => ({ reportId: form.get("reportId"), outcome: form.get("outcome") ?? undefined, note: form.get("note") }),
  input: decisionSchema,
  invalid: () => say("errors.action.checkDecision"),
  member: true,
  run: async (decision, viewer): Promise<FormState> => {
    const result = await decideReport(viewer, decision);
    if (!result.ok) return fail(result.code, result.message);
    revalidatePath("/", "layout");
    return { ok: true, data: { message: result.data.settled > 1 ? `${said[result.data.outcome]} (${result.data.settled} reports about it are settled.)` : said[result.data.outcome] } };
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
    return { ok: true, data: { message: "Shown again to everyone who could see it before." } };
  },
});
