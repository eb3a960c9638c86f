import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import type { ReportTargetType } from "@/lib/validation/report";

/** The quiet "Report" link on an activity, project, comment, group or member: small, muted, never a button. */
export async function ReportLink({ type, id, label }: { type: ReportTargetType; id: string; label?: string }) {
  const t = await getTranslations("activity");
  return (
    <Link href={`/report?type=${type}&id=${id}`} className="text-sm text-muted underline" data-testid={`report-${type}`} aria-label={label}>
      {t("reportLink")}
    </Link>
  );
}
