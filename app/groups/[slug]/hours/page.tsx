import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { HoursRangeForm, hoursNumber, rangeWords } from "@/components/hours/range-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/server/auth/session";
import { getMemberZoneFor } from "@/server/viewer-zone";
import type { UiLocale } from "@/lib/i18n/locales";
import { loadGroupHours } from "./loader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hours.group");
  return { title: t("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GroupHoursPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/hours`);
  const data = await loadGroupHours(slug, viewer, await searchParams, await getMemberZoneFor(viewer));
  if (!data) notFound();
  const { group, range, errors, report } = data;
  const [t, locale, during] = await Promise.all([getTranslations("hours.group"), getLocale() as Promise<UiLocale>, rangeWords(range)]);
  // Numbers in a table cell come through the catalog too, so each language writes them its own way.
  const hoursText = (hours: number) => t("hoursCell", { hours: hoursNumber(hours, locale) });
  const query = new URLSearchParams({ from: range.from ?? "", to: range.to ?? "" }).toString();
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("heading", { group: group.name })}</h1>
        <p className="text-muted">{t("intro", { range: during, zone: data.zone })}</p>
        <p className="text-sm">
          <Link className="underline" href={`/groups/${group.slug}/manage`}>{t("back")}</Link>
        </p>
      </header>
      <HoursRangeForm action={`/groups/${group.slug}/hours`} range={range} errors={errors} />
      <p className="text-lg" data-testid="hours-total">
        {t.rich("total", { hours: hoursNumber(report.total, locale), count: report.total, range: during, b: (chunks) => <span className="font-bold">{chunks}</span> })}
      </p>
      {/* A plain link: a file to download, not a page for the router to fetch ahead. */}
      <a href={`/groups/${group.slug}/hours.csv?${query}`} download className={buttonClass("secondary", "no-underline")} data-testid="hours-csv">
        {t("csv")}
      </a>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <table className="w-full text-left text-sm" data-testid="hours-by-member">
            <caption className="mb-2 text-left text-lg font-semibold">{t("byMember")}</caption>
            <thead>
              <tr className="border-b border-line"><th scope="col" className="py-1">{t("member")}</th><th scope="col" className="py-1 text-right">{t("tasks")}</th><th scope="col" className="py-1 text-right">{t("hours")}</th></tr>
            </thead>
            <tbody>
              {report.byMember.map((m) => (
                <tr key={m.userId} className="border-b border-line"><th scope="row" className="py-1 font-normal">{m.name}</th><td className="py-1 text-right">{t("tasksCell", { count: m.entries })}</td><td className="py-1 text-right">{hoursText(m.hours)}</td></tr>
              ))}
              {report.byMember.length === 0 ? <tr><td colSpan={3} className="py-2 text-muted">{t("none")}</td></tr> : null}
            </tbody>
          </table>
        </Card>
        <Card>
          <table className="w-full text-left text-sm" data-testid="hours-by-project">
            <caption className="mb-2 text-left text-lg font-semibold">{t("byProject")}</caption>
            <thead>
              <tr className="border-b border-line"><th scope="col" className="py-1">{t("project")}</th><th scope="col" className="py-1 text-right">{t("tasks")}</th><th scope="col" className="py-1 text-right">{t("hours")}</th></tr>
            </thead>
            <tbody>
              {report.byProject.map((p) => (
                <tr key={p.projectId} className="border-b border-line"><th scope="row" className="py-1 font-normal"><Link className="underline" href={`/projects/${p.projectId}`}>{p.title}</Link></th><td className="py-1 text-right">{t("tasksCell", { count: p.entries })}</td><td className="py-1 text-right">{hoursText(p.hours)}</td></tr>
              ))}
              {report.byProject.length === 0 ? <tr><td colSpan={3} className="py-2 text-muted">{t("none")}</td></tr> : null}
            </tbody>
          </table>
        </Card>
      </div>
      {report.former.length ? (
        <Card data-testid="hours-former">
          <h2 className="text-lg font-semibold">{t("formerHeading")}</h2>
          <p className="text-sm text-muted">{t("formerIntro")}</p>
          <ul className="mt-2 text-sm">
            {report.former.map((f) => (
              <li key={f.projectId}>{t("formerLine", { title: f.title, hours: hoursNumber(f.hours, locale) })}</li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
