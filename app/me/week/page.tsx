import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { listMyWeek } from "@/db/queries/my-week";
import { formatRange, formatWhen } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { loadMe } from "../loader";

const DAY_MS = 86_400_000;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pwa.week"))("title") };
}

/**
 * The member's week ahead, made to be read on the way there: the installed app keeps the last
 * copy opened for reading without a connection (public/sw.js), and deletes it on sign-out.
 */
export default async function MyWeekPage() {
  const { viewer, zone, now } = await loadMe("/me/week");
  const [items, t, locale] = await Promise.all([listMyWeek(viewer.id, now, new Date(now.getTime() + 7 * DAY_MS)), getTranslations("pwa.week"), getLocale() as Promise<UiLocale>]);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p className="text-sm text-muted">{t("offlineNote")}</p>
        <p className="text-sm text-muted" data-testid="week-updated">
          {t("zone", { zone })} {t("updated", { when: formatWhen(now, zone, locale) })}
        </p>
      </header>
      {items.length === 0 ? (
        <Card data-testid="week-empty">
          <p>
            {t("empty")}{" "}
            <Link className="underline" href="/activities?when=week">
              {t("findSomething")}
            </Link>
          </p>
        </Card>
      ) : (
        <ul className="space-y-3" data-testid="my-week">
          {items.map((a) => (
            <li key={a.id}>
              <Card className="space-y-2" data-testid="week-item">
                <h2 className="text-lg font-semibold">
                  <Link className="underline" href={`/activities/${a.id}`}>
                    {a.title}
                  </Link>
                </h2>
                <p className="text-sm font-medium">{a.cancelled ? t("cancelled") : t(`status.${a.myStatus}`)}</p>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">{t("when")}</dt>
                  <dd>
                    {formatRange(a.startsAt, a.endsAt, zone, locale)}
                    {a.timezone !== zone ? <span className="block text-muted">{t("localTime", { when: formatRange(a.startsAt, a.endsAt, a.timezone, locale), zone: a.timezone })}</span> : null}
                  </dd>
                  <dt className="font-semibold">{t("where")}</dt>
                  <dd data-testid="week-place">
                    {a.placeName || a.address ? (
                      <>
                        {a.placeName ? <span className="block">{a.placeName}</span> : null}
                        {a.address ? <span className="block">{a.address}</span> : null}
                      </>
                    ) : a.meetingLink ? null : (
                      t("noPlace")
                    )}
                    {a.meetingLink ? (
                      <a className="block underline" href={a.meetingLink} rel="noopener noreferrer">
                        {t("joinOnline")}
                      </a>
                    ) : null}
                  </dd>
                  {a.meetingPoint ? (
                    <>
                      <dt className="font-semibold">{t("meetingPoint")}</dt>
                      <dd>{a.meetingPoint}</dd>
                    </>
                  ) : null}
                  {a.hostName ? (
                    <>
                      <dt className="font-semibold">{t("host")}</dt>
                      <dd>{a.hostName}</dd>
                    </>
                  ) : null}
                  <dt className="font-semibold">{t("group")}</dt>
                  <dd>
                    <Link className="underline" href={`/groups/${a.groupSlug}`}>
                      {a.groupName}
                    </Link>
                  </dd>
                </dl>
                <p className="text-sm">
                  <Link className="font-medium underline" href={`/activities/${a.id}#ask`} data-testid="week-ask">
                    {t("ask")}
                  </Link>
                  <span className="block text-muted">{t.rich("askHint", { link: (chunks) => <Link className="underline" href="/me/questions">{chunks}</Link> })}</span>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
