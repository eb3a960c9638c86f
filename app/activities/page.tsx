import type { Metadata } from "next";
import { ActivityCard } from "@/components/activity-card";
import { Alert } from "@/components/ui/alert";
import { FilterForm } from "./_components/filter-form";
import { Pagination } from "./_components/pagination";
import { loadActivityListing, type SearchParams } from "./loader";

export const metadata: Metadata = { title: "Activities" };

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const data = await loadActivityListing(await searchParams);
  const errorEntries = Object.entries(data.errors);
  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <aside id="filters" className="order-2 md:order-1">
        <h2 className="sr-only">Filters</h2>
        <FilterForm filters={data.filters} />
      </aside>
      <section className="order-1 space-y-4 md:order-2" aria-labelledby="results-heading">
        <div className="flex items-baseline justify-between gap-2">
          <h1 id="results-heading" className="text-2xl font-bold">
            Activities
          </h1>
          <a href="#filters" className="text-sm underline md:hidden">
            Filters
          </a>
        </div>
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
          {data.total === 0 ? "Nothing matches these filters yet." : `${data.total} ${data.total === 1 ? "activity" : "activities"}, soonest first. Times are shown in ${data.zone}.`}
        </p>
        <ul className="space-y-3" data-testid="activity-list">
          {data.items.map((a) => (
            <ActivityCard key={a.id} activity={a} zone={data.zone} />
          ))}
        </ul>
        <Pagination basePath="/activities" params={data.params} page={data.page} pageCount={data.pageCount} />
      </section>
    </div>
  );
}
