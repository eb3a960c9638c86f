import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { ActivityCard } from "@/components/activity-card";
import { ButtonLink } from "@/components/ui/button";
import { HomeConnection } from "@/components/home-connection";
import { Card } from "@/components/ui/card";
import { listActivities } from "@/db/queries/activities";
import { getViewer } from "@/server/auth/session";
import { formatRange } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { activityFiltersSchema } from "@/lib/validation/activity-filters";
import { getViewerZone } from "@/server/viewer-zone";
import { loadMemberHome } from "./loader";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ reflected?: string | string[] }> }) {
  const reflected = (await searchParams).reflected;
  const reflectedId = typeof reflected === "string" && /^[0-9a-f-]{36}$/i.test(reflected) ? reflected : undefined;
  const [viewer, zone, t, locale] = await Promise.all([getViewer(), getViewerZone(), getTranslations("home"), getLocale() as Promise<UiLocale>]);
  const [thisWeek, home] = await Promise.all([
    listActivities(activityFiltersSchema.parse({ when: "week", perPage: "8" }), { viewerId: viewer?.id ?? null, zone, count: false }),
    viewer ? loadMemberHome(viewer, reflectedId) : undefined,
  ]);
  const mine = home?.upcoming ?? [];
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold">{viewer ? t("hello", { name: viewer.name }) : t("tagline")}</h1>
        <p className="max-w-2xl text-lg text-muted">{t("intro")}</p>
        {!viewer ? (
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/activities">{t("browse")}</ButtonLink>
            <ButtonLink href="/signup" variant="secondary">{t("createAccount")}</ButtonLink>
          </div>
        ) : null}
      </section>
      {viewer ? (
        <section aria-labelledby="my-week" className="space-y-3">
          <h2 id="my-week" className="text-xl font-semibold">{t("yourWeek")}</h2>
          {mine.length === 0 ? (
            <Card>
              <p>
                {t.rich("nothingPlanned", {
                  link: (chunks) => (
                    <Link className="underline" href="/activities?when=week&energy=low">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            </Card>
          ) : (
            <ul className="space-y-2" data-testid="my-upcoming">
              {mine.map((a) => (
                <li key={a.id} className="rounded-lg border border-line bg-surface p-3">
                  <Link className="font-medium underline" href={`/activities/${a.id}`}>{a.title}</Link>
                  <p className="text-sm text-muted">{t("upcomingLine", { when: formatRange(a.startsAt, a.endsAt, zone, locale), status: a.myStatus })}</p>
                </li>
              ))}
            </ul>
          )}
          {home ? <HomeConnection {...home} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="this-week" className="space-y-3">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="this-week" className="text-xl font-semibold">{t("onThisWeek")}</h2>
          <Link className="text-sm underline" href="/activities?when=week">{t("seeEverything")}</Link>
        </div>
        {thisWeek.items.length === 0 ? <p className="text-muted">{t("nothingThisWeek")}</p> : null}
        <ul className="grid gap-3 md:grid-cols-2" data-testid="this-week-list">
          {thisWeek.items.map((a) => (
            <ActivityCard key={a.id} activity={a} zone={zone} locale={locale} />
          ))}
        </ul>
      </section>
    </div>
  );
}
