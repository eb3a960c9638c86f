import type { Metadata } from "next";
import { ActivityCard } from "@/components/activity-card";
import { Alert } from "@/components/ui/alert";
import { FilterForm } from "./_components/filter-form";
import { Pagination } from "./_components/pagination";
import { loadActivityListing, type SearchParams } from "./loader";

export const metadata: Metadata = { title: "Activities" };

/** "1 activity", "12 activities", or "more than 220 activities" past what the listing counts. */
function countText(total: number, exact: boolean): string {
  if (!exact) return `More than ${total} activities`;
  return `${total} ${total === 1 ? "activity" : "activities"}`;
}

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const data = await loadActivityListing(await searchParams);
  const errorEntries = Object.entries(data.errors);
  return (
    <div className="grid gap-4 md:grid-cols-[17rem_1fr] md:gap-6">
      <h1 id="results-heading" className="text-2xl font-bold md:col-start-2">
        Activities
      </h1>
      {/* Filters come first; on a phone they fold away (open while one is in use), so results are not pushed 5,000 px down. */}
      <aside id="filters" aria-label="Filters" className="md:col-start-1 md:row-span-2 md:row-start-1">
        <details className="filters-disclosure rounded-xl border border-line bg-surface p-3 md:border-0 md:bg-transparent md:p-0" open={data.filtering} data-testid="filters-disclosure">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold md:hidden" data-testid="filters-summary">
            Filters{data.filtering ? " (in use)" : ""}
          </summary>
          <div className="pt-2 md:pt-0">
            <FilterForm filters={data.filters} neighbourhoods={data.neighbourhoods} />
          </div>
        </details>
      </aside>
      <section className="space-y-4 md:col-start-2" aria-labelledby="results-heading">
        {errorEntries.length ? (
          <Alert tone="error" title="Some of the filters in this link didn't make sense, so we left them out:" testId="filter-errors">
            <ul className="list-disc pl-5">
              {errorEntries.map(([field, message]) => (
                <li key={field}>
                  <strong>{field}</strong>: {message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <p className="text-sm text-muted" data-testid="result-count" aria-live="polite">
          {data.total === 0 && data.page === 1 ? "Nothing matches these filters yet." : `${countText(data.total, data.totalIsExact)}, ${data.nearestFirst ? "nearest" : "soonest"} first. Times are shown in ${data.zone}.`}
        </p>
        <ul className="space-y-3" data-testid="activity-list">
          {data.items.map((a) => (
            <ActivityCard key={a.id} activity={a} zone={data.zone} distanceFrom={data.distanceFrom} />
          ))}
        </ul>
        <Pagination basePath="/activities" params={data.params} page={data.page} pageCount={data.pageCount} hasMore={data.hasMore} />
      </section>
    </div>
  );
}
