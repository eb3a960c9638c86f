import "server-only";
import { listActivities } from "@/db/queries/activities";
import { listNeighbourhoods, locateFilters } from "@/db/queries/places";
import { getViewer } from "@/server/auth/session";
import { hasActiveFilter, parseFiltersLenient } from "@/lib/validation/activity-filters";
import { getViewerZone } from "@/server/viewer-zone";
import { speakingIn } from "@/lib/i18n/speaking-store";
import { currentLocale } from "@/server/request-locale";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The listing page's data: the viewer, their zone, the filters (with messages for bad ones),
 * the neighbourhoods to choose from and one page of results. A place to search near is
 * turned into a point from the hub's own places.
 */
export async function loadActivityListing(searchParams: SearchParams) {
  const [viewer, zone, locale] = await Promise.all([getViewer(), getViewerZone(), currentLocale()]);
  const raw = Object.fromEntries(Object.entries(searchParams).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
  // The messages for filters that cannot be used are said in the page's language.
  const parsed = speakingIn(locale, () => parseFiltersLenient(raw));
  const located = await speakingIn(locale, () => locateFilters(parsed.filters));
  const errors = { ...parsed.errors, ...located.errors };
  // The form shows what was asked for (a neighbourhood, not the point it became).
  const filters = { ...parsed.filters, ...Object.fromEntries(Object.keys(located.errors).map((k) => [k, undefined])) };
  const query = { ...located.filters, perPage: 20 };
  const [result, neighbourhoods] = await Promise.all([listActivities(query, { viewerId: viewer?.id ?? null, zone }), listNeighbourhoods()]);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (k === "page" || errors[k]) continue;
    for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  }
  return { viewer, zone, filters, errors, params, neighbourhoods: neighbourhoods.map((n) => n.label), distanceFrom: located.from, filtering: hasActiveFilter(filters), nearestFirst: query.sort === "nearest" && query.lat !== undefined, ...result };
}
