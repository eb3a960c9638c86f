import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import type { UiLocale } from "@/lib/i18n/locales";
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
  const t = await getTranslations("listing");
  return { title: t("title"), alternates: { types: { "application/rss+xml": [{ url: `${feed}.rss${q}`, title: t("feedRss") }], "application/atom+xml": [{ url: `${feed}.atom${q}`, title: t("feedAtom") }] } } };
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
  const [data, t, locale] = await Promise.all([loadActivityListing(asked), getTranslations("listing"), getLocale() as Promise<UiLocale>]);
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
        {t("heading")}
      </h1>
      {/* Filters come first; on a phone they fold away (open while one is in use), so results are not pushed 5,000 px down. */}
      <aside id="filters" aria-label={t("filters")} className="md:col-start-1 md:row-span-2 md:row-start-1">
        <details className="filters-disclosure rounded-xl border border-line bg-surface p-3 md:border-0 md:bg-transparent md:p-0" open={data.filtering} data-testid="filters-disclosure">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold md:hidden" data-testid="filters-summary">
            {data.filtering ? t("filtersInUse") : t("filtersSummary")}
          </summary>
          <div className="pt-2 md:pt-0">
            <FilterForm filters={data.filters} neighbourhoods={data.neighbourhoods} mapView={mapView} />
          </div>
        </details>
      </aside>
      <section className="space-y-4 md:col-start-2" aria-labelledby="results-heading">
        {errorEntries.length ? (
          <Alert tone="error" title={t("filterErrors")} testId="filter-errors">
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
          {data.total === 0 && data.page === 1
            ? t("nothingMatches")
            : t("count", { exact: data.totalIsExact ? "yes" : "no", total: data.total, order: data.nearestFirst ? "nearest" : "soonest", zone: data.zone })}
        </p>
        {tiles ? (
          <p className="text-sm">
            {mapView ? (
              <a className="underline" href={viewHref(data.params, data.page, false)} data-testid="hide-map">
                {t("hideMap")}
              </a>
            ) : (
              <a className="underline" href={viewHref(data.params, data.page, true)} data-testid="show-map">
                {t("showMap")}
              </a>
            )}
          </p>
        ) : null}
        {mapView ? (
          <section aria-label={t("mapSection")} className="space-y-1" data-testid="listing-map">
            <p className="text-sm text-muted" data-testid="map-note">
              {markers.length === 0 ? t("mapNone") : t("mapSome", { count: markers.length })}
            </p>
            {markers.length ? <PlaceMap tiles={tiles!} markers={markers} label={t("mapLabel")} testId="results-map" /> : null}
          </section>
        ) : null}
        <ul className="space-y-3" data-testid="activity-list">
          {data.items.map((a) => (
            <ActivityCard key={a.id} activity={a} zone={data.zone} locale={locale} distanceFrom={data.distanceFrom} />
          ))}
        </ul>
        <Pagination basePath="/activities" params={data.params} page={data.page} pageCount={data.pageCount} hasMore={data.hasMore} />
      </section>
    </div>
  );
}
