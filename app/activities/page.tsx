import type { Metadata } from "next";
import { headers } from "next/headers";
import { ActivityCard } from "@/components/activity-card";
import { PlaceMap } from "@/components/place-map/place-map";
import { Alert } from "@/components/ui/alert";
import { mapTiles } from "@/lib/env";
import { FilterForm } from "./_components/filter-form";
import { Pagination } from "./_components/pagination";
import { siteOrigin } from "@/server/request-origin";
import { loadActivityListing, type SearchParams } from "./loader";

/** The listing's feeds, with the same filters as the page (not its page number or map view). */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) {
    if (k === "page" || k === "view" || v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) query.append(k, value);
  }
  const q = query.size ? `?${query}` : "";
  const feed = `${siteOrigin(await headers())}/activities/feed`;
  return { title: "Activities", alternates: { types: { "application/rss+xml": [{ url: `${feed}.rss${q}`, title: "Activities (RSS)" }], "application/atom+xml": [{ url: `${feed}.atom${q}`, title: "Activities (Atom)" }] } } };
}

/** "1 activity", "12 activities", or "more than 220 activities" past what the listing counts. */
function countText(total: number, exact: boolean): string {
  if (!exact) return `More than ${total} activities`;
  return `${total} ${total === 1 ? "activity" : "activities"}`;
}

/** The listing's address with the map view on or off, on the same page of results. */
function viewHref(params: URLSearchParams, page: number, map: boolean): string {
  const next = new URLSearchParams(params);
  next.delete("view");
  if (map) next.set("view", "map");
  if (page > 1) next.set("page", String(page));
  const query = next.toString();
  return query ? `/activities?${query}` : "/activities";
}

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const asked = await searchParams;
  const data = await loadActivityListing(asked);
  const errorEntries = Object.entries(data.errors);
  const tiles = mapTiles();
  const mapView = tiles !== null && asked.view === "map";
  // Only public groups' activities go on the map, whoever is looking: a private group's place never does.
  const markers = mapView
    ? data.items
        .filter((a) => a.group.visibility === "public" && a.latitude !== null && a.longitude !== null)
        .map((a) => ({ id: a.id, lat: a.latitude!, lng: a.longitude!, title: a.title, detail: a.placeName, href: `/activities/${a.id}` }))
    : [];
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
            <FilterForm filters={data.filters} neighbourhoods={data.neighbourhoods} mapView={mapView} />
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
        {tiles ? (
          <p className="text-sm">
            {mapView ? (
              <a className="underline" href={viewHref(data.params, data.page, false)} data-testid="hide-map">
                Hide the map
              </a>
            ) : (
              <a className="underline" href={viewHref(data.params, data.page, true)} data-testid="show-map">
                Show these on a map
              </a>
            )}
          </p>
        ) : null}
        {mapView ? (
          <section aria-label="Map of these activities" className="space-y-1" data-testid="listing-map">
            <p className="text-sm text-muted" data-testid="map-note">
              {markers.length === 0
                ? "None of the activities on this page has a place to show on the map."
                : `The map shows ${markers.length === 1 ? "the 1 activity" : `the ${markers.length} activities`} on this page with a place to show; the list below has them all.`}
            </p>
            {markers.length ? <PlaceMap tiles={tiles!} markers={markers} label="Map of the activities on this page" testId="results-map" /> : null}
          </section>
        ) : null}
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
