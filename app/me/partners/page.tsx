import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { listPartnerships, listPeopleToInvite } from "@/db/queries/partners";
import { rhythmWords } from "@/lib/connection/rhythm";
import type { UiLocale } from "@/lib/i18n/locales";
import { formatDay } from "@/lib/dates";
import { loadMe } from "../loader";
import { createInviteLinkAction, invitePersonAction } from "./actions";
import { ChangeButton } from "./_components/change-button";
import { RhythmFields } from "./_components/rhythm-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.partners"))("title") };
}

export default async function PartnersPage() {
  const { viewer, zone, now } = await loadMe("/me/partners");
  const [all, people] = await Promise.all([listPartnerships(viewer.id, now), listPeopleToInvite(viewer.id)]);
  const current = all.filter((p) => p.status === "active" || p.status === "paused");
  const waitingForMe = all.filter((p) => p.status === "invited" && !p.iInvited);
  const mySent = all.filter((p) => p.status === "invited" && p.iInvited);
  const ended = all.filter((p) => p.status === "ended" && p.acceptedAt);
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("me.partners");
  const rhythm = (p: { rhythm: Parameters<typeof rhythmWords>[0]; weeklyDay: number }) => rhythmWords(p.rhythm, p.weeklyDay, locale);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>

      {waitingForMe.length ? (
        <section aria-labelledby="invites-heading" className="space-y-2">
          <h2 id="invites-heading" className="text-xl font-semibold">{t("invitesForYou")}</h2>
          <ul className="space-y-2" data-testid="invites-for-me">
            {waitingForMe.map((p) => (
              <li key={p.id}>
                <Card className="space-y-2">
                  <p>
                    {t.rich("wouldLike", { name: p.partner?.name ?? "", rhythm: rhythm(p), strong: (chunks) => <strong>{chunks}</strong> })}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <ChangeButton id={p.id} change="accept" label={t("accept")} variant="primary" />
                    <ChangeButton id={p.id} change="decline" label={t("decline")} />
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="current-heading" className="space-y-2">
        <h2 id="current-heading" className="text-xl font-semibold">{t("yours")}</h2>
        {current.length === 0 ? (
          <p className="text-muted" data-testid="no-partners">{t("none")}</p>
        ) : (
          <ul className="space-y-2" data-testid="partners">
            {current.map((p) => (
              <li key={p.id}>
                <Card className="space-y-1" data-testid="partner">
                  <p>
                    <Link className="font-semibold underline" href={`/me/partners/${p.id}`}>{p.partner?.name}</Link>
                    <span className="text-muted">{t("rhythmAfterName", { rhythm: rhythm(p) })}</span>
                  </p>
                  {p.status === "paused" ? <p className="text-sm" data-testid="partner-paused">{t("paused")}</p> : null}
                  {p.due ? (
                    <p className="text-sm font-medium" data-testid="check-in-due">
                      {t.rich("due", { rhythm: p.rhythm, link: (chunks) => <Link className="underline" href={`/me/partners/${p.id}`}>{chunks}</Link> })}
                    </p>
                  ) : null}
                  <p className="text-sm text-muted">{p.lastCheckInAt ? t("lastCheckIn", { day: formatDay(p.lastCheckInAt, zone, locale) }) : t("noCheckIns")}</p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mySent.length ? (
        <section aria-labelledby="sent-heading" className="space-y-2">
          <h2 id="sent-heading" className="text-xl font-semibold">{t("sent")}</h2>
          <ul className="space-y-2" data-testid="my-invites">
            {mySent.map((p) => (
              <li key={p.id}>
                <Card className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm">
                    {p.partner
                      ? t("sentTo", { name: p.partner.name, day: formatDay(p.createdAt, zone, locale), rhythm: rhythm(p) })
                      : t("sentLink", { day: formatDay(p.createdAt, zone, locale), rhythm: rhythm(p) })}
                  </p>
                  <ChangeButton id={p.id} change="end" label={t("withdraw")} variant="ghost" />
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="invite-heading" className="space-y-3">
        <h2 id="invite-heading" className="text-xl font-semibold">{t("invite")}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <h3 className="font-semibold">{t("shareLink")}</h3>
            <p className="mb-3 text-sm text-muted">{t("shareLinkExplain")}</p>
            <ActionForm action={createInviteLinkAction} className="space-y-3" testId="invite-link-form">
              <RhythmFields prefix="link" />
              <Button type="submit" data-testid="make-invite-link">{t("makeLink")}</Button>
            </ActionForm>
          </Card>
          <Card>
            <h3 className="font-semibold">{t("someoneMet")}</h3>
            {people.length === 0 ? (
              <p className="text-sm text-muted" data-testid="nobody-to-invite">{t("nobody")}</p>
            ) : (
              <ActionForm action={invitePersonAction} className="space-y-3" testId="invite-person-form">
                <Field id="invite-person" label={t("who")}>
                  <Select id="invite-person" name="userId" data-testid="invite-person">
                    {people.map((m) => (
                      <option key={m.userId} value={m.userId}>{m.name}</option>
                    ))}
                  </Select>
                </Field>
                <RhythmFields prefix="person" />
                <Button type="submit">{t("sendInvite")}</Button>
              </ActionForm>
            )}
          </Card>
        </div>
      </section>

      {ended.length ? (
        <section aria-labelledby="ended-heading" className="space-y-2">
          <h2 id="ended-heading" className="text-xl font-semibold">{t("earlier")}</h2>
          <ul className="text-sm">
            {ended.map((p) => (
              <li key={p.id}>
                <Link className="underline" href={`/me/partners/${p.id}`}>{p.partner?.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
