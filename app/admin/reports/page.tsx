import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/translations";
import { notFound } from "next/navigation";
import { ReportQueue } from "@/components/moderation/report-queue";
import { listDecidedReports, listOpenReports } from "@/db/queries/reports";
import { requireViewer } from "@/server/auth/session";
import { getViewerZone } from "@/server/viewer-zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.reports");
  return { title: t("title") };
}

/** /admin/reports — site admins only (a 404 for everyone else): every report, from every group and about members. */
export default async function AdminReportsPage() {
  const viewer = await requireViewer("/admin/reports");
  if (!viewer.isAdmin) notFound();
  const [open, decided, zone] = await Promise.all([listOpenReports({ everything: true }), listDecidedReports({ everything: true }), getViewerZone()]);
  const t = await getTranslations("admin.reports");
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-muted">
          {t("intro")}
        </p>
      </header>
      <ReportQueue open={open} decided={decided} zone={zone} moderator={{ id: viewer.id, isAdmin: true }} />
    </div>
  );
}
