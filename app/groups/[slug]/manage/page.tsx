import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getMembership } from "@/db/queries/memberships";
import { countOpenReports } from "@/db/queries/reports";
import { getGroupRow, listMembersForOrganizers, listRecentAttendance, listUpcomingForGroup, type MemberRow } from "@/db/queries/organizer";
import { requireViewer } from "@/server/auth/session";
import { authorize } from "@/lib/authz";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { siteOrigin } from "@/server/request-origin";
import { changeMemberAction, handOverGroupAction, renewInviteLinkAction } from "./actions";
import { announceToGroupAction } from "./announce-actions";
import { AnnounceForm } from "./announce-form";
import { InviteLink } from "./invite-link";
import { MemberForm } from "./member-form";
import { OnYourWebsite } from "./on-your-website";

// The page shows a private group's invite code: it is not sent on to other sites.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.manage");
  return { title: t("title"), referrer: "same-origin" };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Which buttons a viewer sees for a member: the same rules the mutation enforces. */
function changesFor(viewerRole: MemberRow["role"], m: MemberRow, viewerId: string) {
  if (m.userId === viewerId || m.role === "owner") return [];
  // Lifting a ban lets the person join again, so it is the owner's alone.
  if (m.status === "banned") return viewerRole === "owner" ? (["unban"] as const) : [];
  if (m.status === "pending") return ["approve", "decline"] as const;
  if (viewerRole === "owner") return m.role === "organizer" ? (["handover", "demote", "remove", "ban"] as const) : (["promote", "remove", "ban"] as const);
  return m.role === "member" ? (["remove", "ban"] as const) : [];
}

export default async function ManageGroupPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const handedOver = (await searchParams).handedOver === "1";
  const viewer = await requireViewer(`/groups/${slug}/manage`);
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) notFound();
  const allowed = authorize(viewer, await getMembership(group.id, viewer.id), "organizer");
  if (!allowed.ok) notFound();
  const [upcoming, attendance, members, openReports] = await Promise.all([listUpcomingForGroup(group.id), listRecentAttendance(group.id), listMembersForOrganizers(group.id), countOpenReports(group.id)]);
  const pending = members.filter((m) => m.status === "pending");
  const action = changeMemberAction.bind(null, group.id, group.slug);
  const handOver = handOverGroupAction.bind(null, group.id, group.slug);
  const origin = await requestOrigin();
  const [t, locale] = await Promise.all([getTranslations("groups.manage"), getLocale() as Promise<UiLocale>]);
  const joinPath = `/groups/${group.slug}/join`;
  const row = (m: MemberRow) => (
    <li key={m.userId} className="flex items-center justify-between gap-2 border-b border-line py-2" data-testid="member-row">
      <span>
        <span className="font-medium">{m.name}</span> <span className="text-sm text-muted">{t(`status.${m.status === "banned" ? "banned" : m.role}`)}</span>
        {m.status === "banned" && m.banReason ? <span className="block text-sm text-muted" data-testid="ban-reason-shown">{t("why", { reason: m.banReason })}</span> : null}
      </span>
      <MemberForm action={action} handOver={handOver} userId={m.userId} name={m.name} changes={[...changesFor(allowed.role, m, viewer.id)]} />
    </li>
  );
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("heading", { name: group.name })}</h1>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/groups/${group.slug}/activities/new`} variant="secondary" data-testid="new-activity">{t("newActivity")}</ButtonLink>
          <ButtonLink href={`/groups/${group.slug}/settings`} variant="secondary" data-testid="group-settings">{t("settings")}</ButtonLink>
          <ButtonLink href={`/groups/${group.slug}/hours`} variant="secondary" data-testid="group-hours">{t("hours")}</ButtonLink>
          <ButtonLink href={`/groups/${group.slug}/reports`} variant="secondary" data-testid="group-reports">{openReports ? t("reportsWaiting", { count: openReports }) : t("reports")}</ButtonLink>
          <ButtonLink href={`/groups/${group.slug}`} variant="secondary">{t("groupPage")}</ButtonLink>
        </div>
      </header>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("inviting")}</h2>
        {group.visibility === "private" ? (
          <InviteLink link={group.inviteCode ? `${origin}${joinPath}?invite=${group.inviteCode}` : null} action={renewInviteLinkAction.bind(null, group.id, group.slug)} />
        ) : (
          <p className="text-sm">
            {t.rich("joinLink", { link: origin + joinPath, code: (chunks) => <code data-testid="join-link">{chunks}</code> })}
          </p>
        )}
      </Card>

      <OnYourWebsite group={group} origin={origin} />

      <Card>
        <h2 className="mb-2 text-lg font-semibold" id="announce">{t("announce")}</h2>
        <AnnounceForm action={announceToGroupAction.bind(null, group.id, group.slug)} />
      </Card>

      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("joinRequests")}</h2>
        {pending.length ? <ul data-testid="pending-requests">{pending.map(row)}</ul> : <p className="text-sm text-muted">{t("noOneWaiting")}</p>}
      </Card>

      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("upcoming")}</h2>
        {upcoming.length === 0 ? <p className="text-sm text-muted">{t("nothingPlanned")}</p> : null}
        <ul className="divide-y divide-line" data-testid="upcoming-activities">
          {upcoming.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link className="underline" href={`/activities/${a.id}`}>{a.title}</Link> <span className="text-sm text-muted">{t("when", { day: formatDay(a.startsAt, a.timezone, locale), time: formatTime(a.startsAt, a.timezone, locale) })}</span>
                {a.status === "cancelled" ? <span className="ml-2 text-sm font-semibold text-danger">{t("cancelled")}</span> : null}
              </span>
              <span className="text-sm">
                {t("occupancy", { going: a.goingCount, capped: a.capacity === null ? "no" : "yes", capacity: a.capacity ?? 0, waiting: a.waitlistCount })}
                {a.capacity ? <meter className="ml-2 align-middle" min={0} max={a.capacity} value={Math.min(a.goingCount, a.capacity)} aria-label={t("howFull", { title: a.title })} /> : null}
              </span>
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("attendance")}</h2>
        {attendance.length === 0 ? <p className="text-sm text-muted">{t("noPast")}</p> : null}
        <ul className="divide-y divide-line">
          {attendance.map((a) => (
            <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
              <Link className="underline" href={`/activities/${a.id}/organize`}>{a.title}</Link>
              <span className="text-sm">{t("came", { attended: a.attended, noShow: a.noShow, going: a.goingCount })}</span>
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <h2 className="mb-2 text-lg font-semibold" id="members">{t("members")}</h2>
        {handedOver && allowed.role !== "owner" ? <Alert tone="success" className="mb-2" testId="handed-over">{t("handedOver")}</Alert> : null}
        {allowed.role === "owner" ? <p className="mb-2 text-sm text-muted">{t("handOverHow")}</p> : null}
        <ul data-testid="members">{members.filter((m) => m.status !== "pending").map(row)}</ul>
      </Card>
    </div>
  );
}

/** Where this request was sent, so the invite link can be copied whole. */
async function requestOrigin(): Promise<string> {
  return siteOrigin(await headers());
}
