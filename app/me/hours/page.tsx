import type { Metadata } from "next";
import { HoursRangeForm, rangeWords } from "@/components/hours/range-form";
import { listMyHours } from "@/db/queries/hours";
import { formatDay } from "@/lib/dates";
import { hoursText, parseHoursRange, rangeInstants } from "@/lib/validation/hours";
import { loadMe } from "../loader";
import { PrintButton } from "./print-button";
import "./print.css";

export const metadata: Metadata = { title: "My volunteer hours" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A member's own statement of verified volunteer hours, made to be printed or saved as a PDF. */
export default async function MyHoursPage({ searchParams }: Props) {
  const { viewer, zone, now } = await loadMe("/me/hours");
  const { range, errors } = parseHoursRange(await searchParams);
  const entries = await listMyHours(viewer.id, rangeInstants(range, zone));
  const total = entries.reduce((s, e) => s + e.hours, 0);
  return (
    <article className="hours-statement space-y-4" data-testid="hours-statement">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">Statement of volunteer hours</h1>
        <p className="text-lg" data-testid="statement-name">{viewer.name}</p>
        <p className="text-sm">
          Hours verified by group organizers on Common Thread, {rangeWords(range)}. Printed {formatDay(now, zone)} ({zone}).
        </p>
      </header>
      <div data-print="hide" className="space-y-3">
        <HoursRangeForm action="/me/hours" range={range} errors={errors} />
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton />
          <p className="text-sm text-muted">To keep it as a PDF, choose &ldquo;Save as PDF&rdquo; in the print dialog.</p>
        </div>
      </div>
      {entries.length === 0 ? (
        <p className="text-muted" data-testid="statement-empty">No verified hours in these dates yet. When an organizer verifies a task you did, it shows up here.</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm" data-testid="statement-table">
          <caption className="sr-only">Verified volunteer hours</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-1 pr-2">Date</th>
              <th scope="col" className="py-1 pr-2">What</th>
              <th scope="col" className="py-1 pr-2">Where</th>
              <th scope="col" className="py-1 pr-2 text-right">Hours</th>
              <th scope="col" className="py-1">Verified by</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.taskId} className="border-b border-line align-top" data-testid="statement-row">
                <td className="py-1 pr-2 whitespace-nowrap">{formatDay(e.doneOn, zone)}</td>
                <td className="py-1 pr-2">{e.projectTitle}: {e.taskTitle}</td>
                <td className="py-1 pr-2">{e.groupName}{e.place ? `, ${e.place}` : ""}</td>
                <td className="py-1 pr-2 text-right">{hoursText(e.hours)}</td>
                <td className="py-1">{e.verifiedBy ?? "A former organizer"}, {formatDay(e.verifiedAt, zone)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-line font-bold" data-testid="statement-total">
              <th scope="row" colSpan={3} className="py-2 pr-2 text-left">Total ({entries.length} {entries.length === 1 ? "entry" : "entries"})</th>
              <td className="py-2 pr-2 text-right">{hoursText(total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </article>
  );
}
