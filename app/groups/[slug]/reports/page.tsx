import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { forbidden, notFound } from "next/navigation";
import { ReportQueue } from "@/components/moderation/report-queue";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { listDecidedReports, listOpenReports } from "@/db/queries/reports";
import { requireViewer } from "@/server/auth/session";
import { getViewerZone } from "@/server/viewer-zone";
import { authorize } from "@/lib/authz";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.reports");
  return { title: t("title") };
}

type Props = { params: Promise<{ slug: string }> };

/**
 * /groups/<slug>/reports — the group's moderation queue, for its organizers: reports about
 * its activities, projects and the comments on them (and, to decide by the hub's admins,
 * about the group itself). Members get a 403; people who cannot see the group, a 404.
 */
export default async function GroupReportsPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/reports`);
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) notFound();
  const membership = await getMembership(group.id, viewer.id);
  if (group.visibility === "private" && membership?.status !== "active") notFound();
  if (!authorize(viewer, membership, "organizer").ok) forbidden();
  const [open, decided, zone] = await Promise.all([listOpenReports({ groupId: group.id }), listDecidedReports({ groupId: group.id }), getViewerZone()]);
  const t = await getTranslations("groups.reports");
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("heading", { name: group.name })}</h1>
        <p className="text-muted">
          {t("intro")} <Link className="underline" href={`/groups/${group.slug}/manage`}>{t("back")}</Link>
        </p>
      </header>
      <ReportQueue open={open} decided={decided} zone={zone} moderator={{ id: viewer.id, isAdmin: viewer.isAdmin }} />
    </div>
  );
}
