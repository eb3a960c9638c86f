import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { HoursRangeForm, hoursNumber, rangeWords } from "@/components/hours/range-form";
import { listMyHours } from "@/db/queries/hours";
import { formatDay } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { parseHoursRange, rangeInstants } from "@/lib/validation/hours";
import { speakingIn } from "@/lib/i18n/speaking-store";
import { currentLocale } from "@/server/request-locale";
import { loadMe } from "../loader";
import { PrintButton } from "./print-button";
import "./print.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hours.statement");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A member's own statement of verified volunteer hours, made to be printed or saved as a PDF. */
export default async function MyHoursPage({ searchParams }: Props) {
  const { viewer, zone, now } = await loadMe("/me/hours");
  const asked = await searchParams;
  // Its messages for a range that cannot be read are said in the page's language.
  const { range, errors } = speakingIn(await currentLocale(), () => parseHoursRange(asked));
  const entries = await listMyHours(viewer.id, rangeInstants(range, zone));
  const total = entries.reduce((s, e) => s + e.hours, 0);
  const [t, locale, during] = await Promise.all([getTranslations("hours.statement"), getLocale() as Promise<UiLocale>, rangeWords(range)]);
  // Numbers in a table cell come through the catalog too, so each language writes them its own way.
  const hoursText = (hours: number) => t("hoursCell", { hours: hoursNumber(hours, locale) });
  return (
    <article className="hours-statement space-y-4" data-testid="hours-statement">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("heading")}</h1>
        <p className="text-lg" data-testid="statement-name">{viewer.name}</p>
        <p className="text-sm">{t("intro", { range: during, printed: formatDay(now, zone, locale), zone })}</p>
      </header>
      <div data-print="hide" className="space-y-3">
        <HoursRangeForm action="/me/hours" range={range} errors={errors} />
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton />
          <p className="text-sm text-muted">{t("pdf")}</p>
        </div>
      </div>
      {entries.length === 0 ? (
        <p className="text-muted" data-testid="statement-empty">{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm" data-testid="statement-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-1 pr-2">{t("date")}</th>
              <th scope="col" className="py-1 pr-2">{t("what")}</th>
              <th scope="col" className="py-1 pr-2">{t("where")}</th>
              <th scope="col" className="py-1 pr-2 text-right">{t("hours")}</th>
              <th scope="col" className="py-1">{t("verifiedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.taskId} className="border-b border-line align-top" data-testid="statement-row">
                <td className="py-1 pr-2 whitespace-nowrap">{formatDay(e.doneOn, zone, locale)}</td>
                <td className="py-1 pr-2">{t("task", { project: e.projectTitle, task: e.taskTitle })}</td>
                <td className="py-1 pr-2">{e.place ? t("groupAt", { group: e.groupName, place: e.place }) : e.groupName}</td>
                <td className="py-1 pr-2 text-right">{hoursText(e.hours)}</td>
                <td className="py-1">{t("verifiedOn", { name: e.verifiedBy ?? t("formerOrganizer"), date: formatDay(e.verifiedAt, zone, locale) })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-line font-bold" data-testid="statement-total">
              <th scope="row" colSpan={3} className="py-2 pr-2 text-left">{t("total", { count: entries.length })}</th>
              <td className="py-2 pr-2 text-right">{hoursText(total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </article>
  );
}
