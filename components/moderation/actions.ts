"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/action-form";
import { decideReport, restoreReported } from "@/db/mutations/reports";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { decisionSchema, restoreSchema, type Outcome } from "@/lib/validation/report";

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

export async function decideReportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = decisionSchema.safeParse({ reportId: formData.get("reportId"), outcome: formData.get("outcome") ?? undefined, note: formData.get("note") });
  if (!parsed.success) return invalid(parsed.error, "Please check the decision.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await decideReport(viewer, parsed.data);
  if (!result.ok) return fail(result.code, result.message);
  revalidatePath("/", "layout");
  return { ok: true, data: { message: result.data.settled > 1 ? `${said[result.data.outcome]} (${result.data.settled} reports about it are settled.)` : said[result.data.outcome] } };
}

export async function restoreReportedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = restoreSchema.safeParse({ reportId: formData.get("reportId") });
  if (!parsed.success) return fail("not_found", "We couldn't find that report.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const result = await restoreReported(viewer, parsed.data.reportId);
  if (!result.ok) return fail(result.code, result.message);
  revalidatePath("/", "layout");
  return { ok: true, data: { message: "Shown again to everyone who could see it before." } };
}
