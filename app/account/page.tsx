import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { MemberActionForm } from "@/components/member-action-form";
import { PasswordForm } from "@/components/password-form";
import { getDeletionPreview } from "@/db/queries/account-deletion";
import { listBlockedBy } from "@/db/queries/blocks";
import { unblockMemberAction } from "../members/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listCalendarFeeds, listFeedableGroups } from "@/db/queries/calendar-feeds";
import { getEmailPreferences } from "@/db/queries/email";
import { optionalEmailTypes } from "@/lib/email/types";
import { LOCALES, type UiLocale } from "@/lib/i18n/locales";
import { chooseLanguageAction } from "../language-actions";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

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
  const live = tokens.filter((token) => !token.revokedAt);
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("account");
  const tl = await getTranslations("common.language");
  // A group's name is shown as written; English makes it possessive ("Riverside Gardeners'").
  const language = user?.locale ?? "";
  const owner = (name: string) => (locale === "es" ? name : possessive(name));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {viewer.isAdmin ? (
        <p className="text-sm" data-testid="admin-links">
          {t.rich("admin", {
            reports: (chunks) => <Link className="underline" href="/admin/reports">{chunks}</Link>,
            email: (chunks) => <Link className="underline" href="/admin/email">{chunks}</Link>,
          })}
        </p>
      ) : null}
      <Card className="space-y-3" id="profile">
        <h2 className="text-lg font-semibold">{t("profile.heading")}</h2>
        <p className="text-sm">
          {t.rich("profile.signedInAs", {
            name: user?.name ?? viewer.name,
            email: viewer.email,
            nameTag: (chunks) => <span data-testid="account-name">{chunks}</span>,
            emailTag: (chunks) => <span data-testid="account-email">{chunks}</span>,
            link: (chunks) => <Link className="underline" href={`/members/${viewer.id}`}>{chunks}</Link>,
          })}
        </p>
        <ProfileForm action={updateProfileAction} saved={{ name: user?.name ?? viewer.name, bio: user?.bio ?? "", neighbourhood: user?.neighbourhood ?? "" }} />
        <PhotoSection userId={viewer.id} name={user?.name ?? viewer.name} />
      </Card>

      <Card className="space-y-2" id="language">
        <h2 className="text-lg font-semibold">{tl("label")}</h2>
        <p className="text-sm text-muted">{t("language.intro")}</p>
        {/* A plain form, so the language can be changed without JavaScript. */}
        {/* Keyed by the setting read now (the viewer was read before the action changed it), so the choice shows what was saved. */}
        <form key={language} action={chooseLanguageAction} className="flex flex-wrap items-end gap-2" data-testid="account-language">
          <label className="flex flex-col gap-1" htmlFor="account-language-choice">
            <span className="font-medium">{t("language.choose")}</span>
            <select id="account-language-choice" name="locale" defaultValue={language} className="rounded-md border border-line bg-surface px-3 py-2" data-testid="account-language-choice">
              <option value="">{tl("browser")}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {tl(l)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary" data-testid="account-language-save">{t("language.save")}</Button>
        </form>
      </Card>

      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">{t("privacy.heading")}</h2>
        <PrivacyForm action={updatePrivacyAction} listedAsGoing={user?.listedAsGoing ?? false} />
      </Card>

      <Card className="space-y-2" id="email">
        <h2 className="text-lg font-semibold">{t("email.heading")}</h2>
        <p className="text-sm text-muted">{t("email.intro", { email: viewer.email })}</p>
        <EmailPreferencesForm action={saveEmailPreferencesAction} kinds={optionalEmailTypes.map((type) => ({ type, label: t(`email.types.${type}`), enabled: emailPrefs[type] }))} />
      </Card>

      <p className="text-sm"><Link className="underline" href="/account/push" data-testid="push-settings-link">{(await getTranslations("push"))("accountLink")}</Link></p>

      <Card className="space-y-3" id="calendar">
        <h2 className="text-lg font-semibold">{t("calendar.heading")}</h2>
        <p className="text-sm text-muted">{t("calendar.intro")}</p>
        <CreateFeedForm action={createFeedAction} groups={feedGroups.map((g) => ({ id: g.id, label: t("calendar.groupOption", { owner: owner(g.name) }) }))} live={feeds.map((f) => ({ id: f.id, madeAt: f.createdAt.toISOString() }))} />
        {feeds.length ? (
          <ul className="divide-y divide-line" data-testid="feed-list">
            {feeds.map((f) => {
              const name = f.groupName ? t("calendar.groupFeed", { owner: owner(f.groupName) }) : t("calendar.myFeed");
              return (
                <li key={f.id} className="space-y-1 py-2" data-testid="feed">
                  <p>
                    <span className="font-medium">{name}</span>
                    <span className="text-sm text-muted">{t("calendar.made", { day: formatDay(f.createdAt, zone, locale) })}</span>
                  </p>
                  <FeedControls revoke={revokeFeedAction} renew={renewFeedAction} feedId={f.id} name={name} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t("calendar.none")}</p>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold" id="password">{t("password.heading")}</h2>
        {params.password === "changed" ? <Alert tone="success" testId="password-changed">{t("password.changed")}</Alert> : null}
        <p className="text-sm text-muted">{t("password.intro")}</p>
        <PasswordForm
          action={changePasswordAction}
          testId="change-password"
          submit={t("password.submit")}
          fields={[
            { name: "currentPassword", label: t("password.current"), type: "password", autoComplete: "current-password" },
            { name: "newPassword", label: t("password.new"), type: "password", autoComplete: "new-password", hint: t("password.hint") },
          ]}
        />
      </Card>

      <Card className="space-y-2">
        <h2 className="text-lg font-semibold" id="my-data">{t("data.heading")}</h2>
        <p className="text-sm text-muted">{t("data.intro")}</p>
        <p><a className="underline" href="/account/export" download data-testid="export-data">{t("data.download")}</a></p>
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold" id="blocked">{t("blocked.heading")}</h2>
        {params.blocked ? <Alert tone="success" testId="blocked-outcome">{t("blocked.done")}</Alert> : null}
        {blocked.length ? (
          <ul className="divide-y divide-line" data-testid="blocked-list">
            {blocked.map((b) => (
              <li key={b.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{b.name}</span>
                <MemberActionForm action={unblockMemberAction} memberId={b.userId} label={t("blocked.unblock", { name: b.name })} testId={`unblock-${b.userId}`} variant="ghost" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t("blocked.none")}</p>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("tokens.heading")}</h2>
        <p className="text-sm text-muted">{t.rich("tokens.intro", { code: (chunks) => <code>{chunks}</code> })}</p>
        <CreateTokenForm action={createTokenAction} />
        {live.length ? (
          <ul className="divide-y divide-line" data-testid="token-list">
            {live.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{token.name}</span>
                  <span className="text-sm text-muted">
                    {token.lastUsedAt
                      ? t("tokens.createdUsed", { created: formatDay(token.createdAt, zone, locale), used: formatDay(token.lastUsedAt, zone, locale) })
                      : t("tokens.createdNeverUsed", { created: formatDay(token.createdAt, zone, locale) })}
                  </span>
                </span>
                <RevokeTokenForm action={revokeTokenAction} tokenId={token.id} name={token.name} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t("tokens.none")}</p>
        )}
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold" id="delete">{t("delete.heading")}</h2>
        <DeleteAccount preview={deletion} />
      </Card>
    </div>
  );
}
