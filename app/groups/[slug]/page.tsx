import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import type { UiLocale } from "@/lib/i18n/locales";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActivityCard } from "@/components/activity-card";
import { Markdown } from "@/components/markdown";
import { ProjectCard } from "@/components/project-card";
import { ReportLink } from "@/components/report-link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listActivities } from "@/db/queries/activities";
import { getGroupForViewer } from "@/db/queries/groups";
import { isOrganizerOf } from "@/db/queries/memberships";
import { listProjectsOfGroup } from "@/db/queries/projects";
import { getViewer } from "@/server/auth/session";
import { activityFiltersSchema } from "@/lib/validation/activity-filters";
import { getViewerZone } from "@/server/viewer-zone";
import { siteOrigin } from "@/server/request-origin";
import { GroupActions } from "./_components/group-actions";
import { GroupPeople } from "./_components/group-people";
import { CoverSection } from "@/components/pictures/cover-section";

type Props = { params: Promise<{ slug: string }> };

const loadGroupPage = cache(async (slug: string) => {
  const [viewer, zone] = await Promise.all([getViewer(), getViewerZone()]);
  const parsed = activityFiltersSchema.safeParse({ group: slug, perPage: "10" });
  if (!parsed.success) notFound();
  const group = await getGroupForViewer(slug, viewer?.id ?? null);
  if (!group) notFound();
  const [upcoming, projects, isOrganizer] = await Promise.all([
    listActivities(parsed.data, { viewerId: viewer?.id ?? null, zone }),
    listProjectsOfGroup(group.id),
    isOrganizerOf(group.id, viewer?.id),
  ]);
  return { viewer, zone, group, upcoming, projects, isOrganizer };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ group }, t] = await Promise.all([loadGroupPage((await params).slug), getTranslations("groups.page")]);
  if (group.visibility !== "public") return { title: group.name };
  // Feed readers find a public group's feeds from its page; a private group has none.
  const feed = `${siteOrigin(await headers())}/groups/${group.slug}/feed`;
  return { title: group.name, alternates: { types: { "application/rss+xml": [{ url: `${feed}.rss`, title: t("feedTitle", { name: group.name, format: "RSS" }) }], "application/atom+xml": [{ url: `${feed}.atom`, title: t("feedTitle", { name: group.name, format: "Atom" }) }] } } };
}

export default async function GroupPage({ params }: Props) {
  const { group, upcoming, projects, zone, isOrganizer, viewer } = await loadGroupPage((await params).slug);
  const [t, locale] = await Promise.all([getTranslations("groups"), getLocale() as Promise<UiLocale>]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold" data-testid="group-name">
          {group.name}
        </h1>
        <div className="flex flex-wrap gap-2">
          {group.visibility === "private" ? <Badge>{t("privateGroup")}</Badge> : <Badge>{t("publicGroup")}</Badge>}
          <Badge>{group.joinPolicy === "open" ? t("page.openToJoin") : t("page.joinByRequest")}</Badge>
          <Badge>
            {t.rich("page.memberCount", { count: group.memberCount, n: (chunks) => <span data-testid="member-count">{chunks}</span> })}
          </Badge>
          {group.neighbourhood ? <Badge>{group.neighbourhood}</Badge> : null}
        </div>
      </header>
      <CoverSection subject="groups" id={group.id} canChange={isOrganizer} />
      <GroupActions groupId={group.id} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="mb-2 text-xl font-semibold">{t("page.about")}</h2>
            <Markdown source={group.about || t("page.noAbout")} />
          </section>
          <section aria-labelledby="upcoming-heading" className="space-y-3">
            <h2 id="upcoming-heading" className="text-xl font-semibold">{t("page.comingUp")}</h2>
            {upcoming.items.length === 0 ? <p className="text-muted">{t("page.nothingPlanned")}</p> : null}
            <ul className="space-y-3">
              {upcoming.items.map((a) => (
                <ActivityCard key={a.id} activity={a} zone={zone} locale={locale} />
              ))}
            </ul>
            {upcoming.total > upcoming.items.length ? (
              <a className="underline" href={`/activities?group=${group.slug}`}>
                {upcoming.totalIsExact ? t("page.seeAllCount", { count: upcoming.total }) : t("page.seeAll")}
              </a>
            ) : null}
          </section>
        </div>
        <aside className="space-y-4">
          <Card id="agreements" data-testid="agreements">
            <h2 className="mb-2 text-lg font-semibold">{t("ourAgreements")}</h2>
            <Markdown source={group.agreements || t("page.defaultAgreements")} className="text-sm" />
          </Card>
          <section aria-labelledby="projects-heading" className="space-y-3" data-testid="group-projects">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="projects-heading" className="text-lg font-semibold">{t("page.projects")}</h2>
              {isOrganizer ? (
                <a className="text-sm underline" href={`/groups/${group.slug}/projects/new`} data-testid="new-project-link">
                  {t("page.startProject")}
                </a>
              ) : null}
            </div>
            {projects.length === 0 ? <p className="text-sm text-muted">{t("page.noProjects")}</p> : null}
            <ul className="space-y-3">
              {projects.map((p) => (
                <ProjectCard key={p.id} project={p} showGroup={false} />
              ))}
            </ul>
          </section>
          <GroupPeople groupId={group.id} groupSlug={group.slug} viewerId={viewer?.id ?? null} isOrganizer={isOrganizer} />
          {viewer && !isOrganizer ? <p><ReportLink type="group" id={group.id} label={t("page.reportGroup", { name: group.name })} /></p> : null}
        </aside>
      </div>
    </div>
  );
}
