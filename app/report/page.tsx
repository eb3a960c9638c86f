import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { describeTarget, getReportTarget } from "@/db/queries/reports";
import { requireViewer } from "@/server/auth/session";
import { REPORT_TARGETS } from "@/lib/validation/report";
import { reportAction } from "./actions";
import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "Report" };

const paramsSchema = z.object({ type: z.enum(REPORT_TARGETS), id: z.uuid() });

/**
 * /report?type=comment&id=… — the small form behind each quiet "Report" link. Only what the
 * member can see today can be reported; anything else is "not found".
 */
export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = paramsSchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { type, id } = parsed.data;
  const viewer = await requireViewer(`/report?type=${type}&id=${id}`);
  const target = await getReportTarget(type, id, viewer.id);
  if (!target) notFound();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Report this {type}</h1>
      <p className="text-muted">
        If something here worries you, tell the moderators: {target.groupId && type !== "group" ? "this group's organizers and the hub's admins" : "the hub's admins"}. They
        won&apos;t tell anyone who sent it.
      </p>
      <Card className="space-y-1" data-testid="report-target">
        <p className="font-medium">The {describeTarget(target)}</p>
        {target.excerpt ? <p className="whitespace-pre-line text-sm text-muted">{target.excerpt.length > 280 ? `${target.excerpt.slice(0, 277)}…` : target.excerpt}</p> : null}
      </Card>
      <Card>
        <ReportForm action={reportAction} targetType={type} targetId={id} />
      </Card>
      <p className="text-sm">
        <Link className="underline" href={target.href}>Go back</Link> · If someone is in danger now, the <Link className="underline" href="/help">help page</Link> lists crisis lines.
      </p>
    </div>
  );
}
