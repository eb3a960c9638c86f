import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MemberActionForm } from "@/components/member-action-form";
import { PasswordForm } from "@/components/password-form";
import { getDeletionPreview } from "@/db/queries/account-deletion";
import { listBlockedBy } from "@/db/queries/blocks";
import { unblockMemberAction } from "../members/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listCalendarFeeds, listFeedableGroups } from "@/db/queries/calendar-feeds";
import { getEmailPreferences } from "@/db/queries/email";
import { EMAIL_TYPES, optionalEmailTypes } from "@/lib/email/types";
import { getUserById } from "@/db/users";
import { requireViewer } from "@/server/auth/session";
import { formatDay } from "@/lib/dates";
import { possessive } from "@/lib/possessive";
import { getViewerZone } from "@/server/viewer-zone";
import { changePasswordAction, createFeedAction, createTokenAction, renewFeedAction, revokeFeedAction, revokeTokenAction, saveEmailPreferencesAction, updatePrivacyAction, updateProfileAction } from "./actions";
import { DeleteAccount } from "./delete-account";
import { EmailPreferencesForm } from "./email-form";
import { CreateFeedForm, FeedControls } from "./feeds-form";
import { PrivacyForm } from "./privacy-form";
import { ProfileForm } from "./profile-form";
import { PhotoSection } from "@/components/pictures/photo-section";
import { CreateTokenForm, RevokeTokenForm } from "./tokens-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const viewer = await requireViewer("/account");
  const [user, tokens, zone, emailPrefs, feeds, feedGroups, blocked, deletion] = await Promise.all([
    getUserById(viewer.id),
    listApiTokens(viewer.id),
    getViewerZone(),
    getEmailPreferences(viewer.id),
    listCalendarFeeds(viewer.id),
    listFeedableGroups(viewer.id),
    listBlockedBy(viewer.id),
    getDeletionPreview(viewer.id),
  ]);
  const live = tokens.filter((t) => !t.revokedAt);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your account</h1>
      {viewer.isAdmin ? (
        <p className="text-sm" data-testid="admin-links">
          You are one of the hub&apos;s admins: <Link className="underline" href="/admin/reports">all reports</Link> · <Link className="underline" href="/admin/email">email that could not be sent</Link>
        </p>
      ) : null}
      <Card className="space-y-3" id="profile">
        <h2 className="text-lg font-semibold">Profile</h2>
        <p className="text-sm">
          Signed in as <span data-testid="account-name">{user?.name ?? viewer.name}</span> (<span data-testid="account-email">{viewer.email}</span>). <Link className="underline" href={`/members/${viewer.id}`}>See your page as others do</Link>.
        </p>
        <ProfileForm action={updateProfileAction} saved={{ name: user?.name ?? viewer.name, bio: user?.bio ?? "", neighbourhood: user?.neighbourhood ?? "" }} />
        <PhotoSection userId={viewer.id} name={user?.name ?? viewer.name} />
      </Card>

      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">Privacy</h2>
        <PrivacyForm action={updatePrivacyAction} listedAsGoing={user?.listedAsGoing ?? false} />
      </Card>

      <Card className="space-y-2" id="email">
        <h2 className="text-lg font-semibold">Email</h2>
        <p className="text-sm text-muted">Every notice shows in the hub. Choose which ones also come by email to {viewer.email}.</p>
        <EmailPreferencesForm action={saveEmailPreferencesAction} kinds={optionalEmailTypes.map((type) => ({ type, label: EMAIL_TYPES[type].label, enabled: emailPrefs[type] }))} />
      </Card>

      <p className="text-sm"><Link className="underline" href="/account/push" data-testid="push-settings-link">{(await getTranslations("push"))("accountLink")}</Link></p>

      <Card className="space-y-3" id="calendar">
        <h2 className="text-lg font-semibold">Calendar subscriptions</h2>
        <p className="text-sm text-muted">
          A private link your calendar app can subscribe to, so your activities appear and stay up to date there (upcoming ones and the last 30 days). Anyone with
          the link can see that calendar: keep it to yourself, and revoke it or make a new one whenever you like.
        </p>
        <CreateFeedForm action={createFeedAction} groups={feedGroups} live={feeds.map((f) => ({ id: f.id, madeAt: f.createdAt.toISOString() }))} />
        {feeds.length ? (
          <ul className="divide-y divide-line" data-testid="feed-list">
            {feeds.map((f) => {
              const name = f.groupName ? `${possessive(f.groupName)} activities` : "My activities";
              return (
                <li key={f.id} className="space-y-1 py-2" data-testid="feed">
                  <p>
                    <span className="font-medium">{name}</span>
                    <span className="text-sm text-muted"> · made {formatDay(f.createdAt, zone)}</span>
                  </p>
                  <FeedControls revoke={revokeFeedAction} renew={renewFeedAction} feedId={f.id} name={name} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-muted">You have no calendar links.</p>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold" id="password">Password</h2>
        {params.password === "changed" ? <Alert tone="success" testId="password-changed">Your password is changed. Every other device and API token was signed out, and we&apos;ve emailed you to say so.</Alert> : null}
        <p className="text-sm text-muted">Changing it signs you out everywhere else and stops your API tokens working.</p>
        <PasswordForm
          action={changePasswordAction}
          testId="change-password"
          submit="Change password"
          fields={[
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
            { name: "newPassword", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 10 characters." },
          ]}
        />
      </Card>

      <Card className="space-y-2">
        <h2 className="text-lg font-semibold" id="my-data">Your data</h2>
        <p className="text-sm text-muted">One JSON file with every row the hub holds about you: your account, groups, RSVPs, comments, notifications, plans, check-ins, reflections, reports and blocks you made, and more.</p>
        <p><a className="underline" href="/account/export" download data-testid="export-data">Download all my data (JSON)</a></p>
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold" id="blocked">Blocked members</h2>
        {params.blocked ? <Alert tone="success" testId="blocked-outcome">Blocked. They aren&apos;t told, and neither of you will see the other.</Alert> : null}
        {blocked.length ? (
          <ul className="divide-y divide-line" data-testid="blocked-list">
            {blocked.map((b) => (
              <li key={b.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{b.name}</span>
                <MemberActionForm action={unblockMemberAction} memberId={b.userId} label={`Unblock ${b.name}`} testId={`unblock-${b.userId}`} variant="ghost" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">You haven&apos;t blocked anyone. To block someone, open their name and choose &ldquo;Block&rdquo;.</p>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Personal access tokens</h2>
        <p className="text-sm text-muted">
          For scripts and apps that RSVP on your behalf through the API. Send one as <code>Authorization: Bearer …</code>. Revoke any you no longer use.
        </p>
        <CreateTokenForm action={createTokenAction} />
        {live.length ? (
          <ul className="divide-y divide-line" data-testid="token-list">
            {live.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{t.name}</span>
                  <span className="text-sm text-muted">
                    {" "}· created {formatDay(t.createdAt, zone)}
                    {t.lastUsedAt ? ` · last used ${formatDay(t.lastUsedAt, zone)}` : " · never used"}
                  </span>
                </span>
                <RevokeTokenForm action={revokeTokenAction} tokenId={t.id} name={t.name} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">You have no tokens.</p>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold" id="delete">Delete my account</h2>
        <DeleteAccount preview={deletion} />
      </Card>
    </div>
  );
}
