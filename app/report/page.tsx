import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { getReportTarget } from "@/db/queries/reports";
import { requireViewer } from "@/server/auth/session";
import { REPORT_TARGETS } from "@/lib/validation/report";
import { reportAction } from "./actions";
import { ReportForm } from "./report-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.report");
  return { title: t("title") };
}

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
  const t = await getTranslations("moderation");
  const title = target.title.length > 60 ? `${target.title.slice(0, 57)}…` : target.title;
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t(`report.heading.${type}`)}</h1>
      <p className="text-muted">
        {t("report.intro", { moderators: target.groupId && type !== "group" ? "group" : "admins" })}
      </p>
      <Card className="space-y-1" data-testid="report-target">
        <p className="font-medium">{t.rich(`target.${type}`, { title, link: (chunks) => chunks })}</p>
        {target.excerpt ? <p className="whitespace-pre-line text-sm text-muted">{target.excerpt.length > 280 ? `${target.excerpt.slice(0, 277)}…` : target.excerpt}</p> : null}
      </Card>
      <Card>
        <ReportForm action={reportAction} targetType={type} targetId={id} />
      </Card>
      <p className="text-sm">
        {t.rich("report.footer", {
          back: (chunks) => <Link className="underline" href={target.href}>{chunks}</Link>,
          help: (chunks) => <Link className="underline" href="/help">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
