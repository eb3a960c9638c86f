import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { AttendBadge, EnergyBadge, KindBadge, TalkBadge } from "@/components/activity-badges";
import { Discussion } from "@/components/discussion/discussion";
import { ReportLink } from "@/components/report-link";
import { Markdown } from "@/components/markdown";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { listComments } from "@/db/queries/comments";
import { rsvpPanelOf } from "@/db/queries/activity-page";
import { ActivityConditions, ActivityFacts } from "./_components/activity-facts";
import { ActivityMap } from "./_components/activity-map";
import { ClockChangeNotice } from "./_components/clock-change-notice";
import { MyReflection } from "./_components/my-reflection";
import { OrganizerActions } from "./_components/organizer-actions";
import { RsvpPanel } from "./_components/rsvp-panel";
import { StandingPlace } from "./_components/standing-place";
import { WhoIsGoing } from "./_components/who-is-going";
import { ActivityPeople } from "./_components/activity-people";
import { ActivitySlots } from "./_components/activity-slots";
import { loadActivityPage } from "./loader";
import { mapTiles } from "@/lib/env";
import type { UiLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ done?: string | string[] }> };

/** The status lines shown after the organizer's form (or a guest's cancelling) brings them back here: keys of the "activity" catalog's `done`. */
const DONE = ["created", "saved", "saved-following", "unchanged", "guest-cancelled"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { activity } = await loadActivityPage((await params).id);
  return { title: activity.title };
}

export default async function ActivityPage({ params, searchParams }: Props) {
  const { activity, zone, zoneFromBrowser, viewer, data } = await loadActivityPage((await params).id);
  const done = (await searchParams)?.done;
  const [t, locale] = await Promise.all([getTranslations("activity"), getLocale() as Promise<UiLocale>]);
  const doneText = typeof done === "string" && DONE.includes(done) ? t(`done.${done}`) : null;
  const canModerate = data.mine?.isOrganizer ?? false;
  const comments = await listComments({ activityId: activity.id }, { id: viewer?.id ?? null });
  const project = data.project;
  const cancelled = activity.status === "cancelled";
  return (
    <article className="space-y-6">
      {doneText ? (
        <Alert tone="success" testId="saved-status">
          {doneText}
        </Alert>
      ) : null}
      <header className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <KindBadge kind={activity.kind} locale={locale} />
          <EnergyBadge level={activity.energyLevel} locale={locale} />
          <TalkBadge level={activity.talkLevel} locale={locale} />
          <AttendBadge activity={activity} locale={locale} />
        </div>
        <h1 className="text-3xl font-bold" data-testid="activity-title">
          {activity.title}
        </h1>
        <p className="text-muted">
          {t.rich(project ? "withProject" : "with", {
            group: activity.group.name,
            project: project?.title ?? "",
            groupLink: (chunks) => (
              <Link className="underline" href={`/groups/${activity.group.slug}`}>
                {chunks}
              </Link>
            ),
            projectLink: (chunks) => (
              <Link className="underline" href={`/projects/${project?.id}`} data-testid="activity-project-link">
                {chunks}
              </Link>
            ),
          })}
        </p>
        {cancelled ? (
          <Alert tone="error" title={t("cancelledTitle")} testId="cancelled-notice">
            {t("cancelledBody")}
          </Alert>
        ) : null}
      </header>
      {canModerate ? <OrganizerActions activityId={activity.id} groupSlug={activity.group.slug} status={activity.status} seriesId={activity.seriesId} /> : null}
      <ActivityPeople activityId={activity.id} host={data.host} cover={data.cover} firstTimerFriendly={activity.firstTimerFriendly} viewerId={viewer?.id ?? null} canModerate={canModerate} cancelled={cancelled} />
      {/*
        * Reading order (and a phone's order) is: when and where, then the RSVP box, then what it
        * is like to be there, the description and the discussion. From the lg width the RSVP
        * column sits beside both rows, spanning them; the second row takes the column's extra
        * height, so what it is like starts right under when and where.
        */}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:grid-rows-[auto_1fr]">
        <div className="space-y-6 lg:col-start-1 lg:row-start-1">
          <Card>
            <ActivityFacts activity={activity} viewerZone={zone} viewerZoneKnown={zoneFromBrowser} locale={locale} />
          </Card>
          {data.series && !cancelled ? <ClockChangeNotice clock={data.series} startsAt={activity.startsAt} timezone={activity.timezone} /> : null}
        </div>
        {/* A cancelled activity takes no answers and has nobody coming, so none of that is shown. */}
        {cancelled ? null : (
          <aside className="space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1" aria-label={t("comingAlong")} data-testid="activity-side">
            {/* Only someone marked as there can reflect, so an activity yet to start has nothing to offer. */}
            {viewer && activity.startsAt <= new Date() ? <MyReflection activityId={activity.id} /> : null}
            <RsvpPanel data={rsvpPanelOf(data)} />
            <ActivitySlots activity={activity} slots={data.slots} signedIn={Boolean(viewer)} open={activity.startsAt > new Date() && data.mine?.membership?.status !== "banned"} />
            <StandingPlace activityId={activity.id} standing={data.series ? { series: data.series, standing: data.mine?.standing ?? "none", myStatus: data.mine?.rsvp?.status ?? null } : undefined} />
            <WhoIsGoing activityId={activity.id} isOrganizer={canModerate} counts={{ goingCount: activity.goingCount, maybeCount: data.maybeCount, waitlistCount: activity.waitlistLength }} />
          </aside>
        )}
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-2">
          <Card>
            <ActivityConditions activity={activity} locale={locale} />
          </Card>
          <ActivityMap activity={activity} tiles={mapTiles()} />
          {activity.description ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="mb-2 text-xl font-semibold">
                {t("about")}
              </h2>
              <Markdown source={activity.description} />
            </section>
          ) : null}
          {viewer && !canModerate ? <p><ReportLink type="activity" id={activity.id} label={t("report", { title: activity.title })} /></p> : null}
          <Discussion target={{ activityId: activity.id }} comments={comments} viewer={viewer} canModerate={canModerate} returnTo={`/activities/${activity.id}`} zone={zone} />
        </div>
      </div>
    </article>
  );
}
