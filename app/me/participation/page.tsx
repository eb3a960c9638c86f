import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { WeeksChart } from "@/components/weeks-chart";
import { listMilestones } from "@/db/queries/milestones";
import { getParticipation } from "@/db/queries/participation";
import { weekLabel } from "@/lib/connection/weeks";
import type { UiLocale } from "@/lib/i18n/locales";
import { loadMe } from "../loader";

// The header's "My connections" opens this page, so it carries that name; its tab says "Participation".
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.participation"))("title") };
}

export default async function ParticipationPage() {
  const { viewer, zone, now } = await loadMe("/me/participation");
  const locale = (await getLocale()) as UiLocale;
  const [p, milestones, t, labels] = await Promise.all([getParticipation(viewer.id, zone, now), listMilestones(viewer.id, undefined, locale), getTranslations("me.participation"), getTranslations("labels")]);
  const hours = p.verifiedHours % 1 === 0 ? String(p.verifiedHours) : p.verifiedHours.toFixed(1);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>

      <section aria-labelledby="totals" className="grid gap-3 sm:grid-cols-3">
        <h2 id="totals" className="sr-only">{t("soFar")}</h2>
        <Card data-testid="attended-count">
          <p className="text-3xl font-bold">{p.attendedCount}</p>
          <p className="text-sm text-muted">{t("attended", { count: p.attendedCount })}</p>
        </Card>
        <Card data-testid="volunteer-hours">
          <p className="text-3xl font-bold">{hours}</p>
          <p className="text-sm text-muted">{t("hours")}</p>
          <Link className="text-sm underline" href="/me/hours" data-testid="hours-statement-link">{t("statement")}</Link>
        </Card>
        <Card data-testid="weeks-with-connection">
          <p className="text-3xl font-bold">{p.weeksWithConnection}</p>
          <p className="text-sm text-muted">{t("weeksWith")}</p>
        </Card>
      </section>

      <section aria-labelledby="weeks-heading" className="space-y-3">
        <h2 id="weeks-heading" className="text-xl font-semibold">{t("weeks.heading")}</h2>
        <p className="text-sm text-muted">
          {t("weeks.explain", { zone })}
        </p>
        <Card>
          <p id="weeks-chart-title" className="sr-only">
            {t("weeks.chartTitle")}
          </p>
          <WeeksChart weeks={p.weeks.map((w) => ({ ...w, label: weekLabel(w.week, locale) }))} titleId="weeks-chart-title" />
          <p className="mt-2 flex gap-4 text-sm text-muted" aria-hidden="true">
            <span><span className="inline-block h-3 w-3 rounded-sm bg-brand" /> {t("weeks.activitiesKey")}</span>
            <span><span className="inline-block h-3 w-3 rounded-sm bg-accent" /> {t("weeks.checkInsKey")}</span>
          </p>
        </Card>
        <table className="w-full text-left text-sm" data-testid="weeks-table">
          <caption className="sr-only">{t("weeks.caption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1">{t("weeks.weekStarting")}</th>
              <th scope="col" className="py-1">{t("weeks.activities")}</th>
              <th scope="col" className="py-1">{t("weeks.checkIns")}</th>
            </tr>
          </thead>
          <tbody>
            {p.weeks.map((w) => (
              <tr key={w.week} className="border-b border-line">
                <th scope="row" className="py-1 font-normal">{weekLabel(w.week, locale)}</th>
                <td className="py-1">{w.activities}</td>
                <td className="py-1">{w.checkIns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="variety-heading" className="space-y-2">
        <h2 id="variety-heading" className="text-xl font-semibold">{t("variety.heading")}</h2>
        {p.attendedCount === 0 ? (
          <p className="text-muted">
            {t.rich("variety.empty", { link: (chunks) => <Link className="underline" href="/activities?energy=low">{chunks}</Link> })}
          </p>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Card>
              <h3 className="font-semibold">{t("variety.kinds")}</h3>
              <ul className="mt-1 text-sm" data-testid="variety-kinds">
                {p.byKind.map((k) => (
                  <li key={k.kind}>{t("variety.count", { what: labels(`kind.${k.kind}`), count: k.count })}</li>
                ))}
              </ul>
            </Card>
            <Card>
              <h3 className="font-semibold">{t("variety.groups")}</h3>
              <ul className="mt-1 text-sm" data-testid="variety-groups">
                {p.byGroup.map((g) => (
                  <li key={g.groupId}>{t("variety.count", { what: g.name, count: g.count })}</li>
                ))}
              </ul>
            </Card>
          </div>
        )}
      </section>

      <section aria-labelledby="people-heading" className="space-y-2">
        <h2 id="people-heading" className="text-xl font-semibold">{t("people.heading")}</h2>
        <p className="text-sm text-muted">{t("people.explain")}</p>
        {p.peopleMet.length === 0 ? (
          <p className="text-muted" data-testid="people-met-empty">{t("people.empty")}</p>
        ) : (
          <ul className="text-sm" data-testid="people-met">
            {p.peopleMet.map((m) => (
              <li key={m.userId}>{t("people.together", { name: m.name, count: m.sharedActivities })}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="milestones-heading" className="space-y-2">
        <h2 id="milestones-heading" className="text-xl font-semibold">{t("milestones.heading")}</h2>
        {milestones.length === 0 ? (
          <p className="text-muted">{t("milestones.empty")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2" data-testid="milestones">
            {milestones.map((m) => (
              <li key={m.key} className="rounded-lg border border-line bg-surface p-3" data-key={m.key}>
                <p className="font-semibold">{m.title}</p>
                <p className="text-sm text-muted">{m.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
