import Link from "next/link";
import type { ReportTargetType } from "@/lib/validation/report";

/** The quiet "Report" link on an activity, project, comment, group or member: small, muted, never a button. */
export function ReportLink({ type, id, label }: { type: ReportTargetType; id: string; label?: string }) {
  return (
    <Link href={`/report?type=${type}&id=${id}`} className="text-sm text-muted underline" data-testid={`report-${type}`} aria-label={label}>
      Report
    </Link>
  );
}
