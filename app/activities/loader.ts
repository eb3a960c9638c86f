import "server-only";
import { listActivities } from "@/db/queries/activities";
import { getViewer } from "@/lib/auth/session";
import { parseFiltersLenient } from "@/lib/validation/activity-filters";
import { getViewerZone } from "@/lib/viewer-zone";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The listing page's data: the viewer, their zone, the filters (with messages for bad ones) and one page of results. */
export async function loadActivityListing(searchParams: SearchParams) {
  const [viewer, zone] = await Promise.all([getViewer(), getViewerZone()]);
  const raw = Object.fromEntries(Object.entries(searchParams).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
  const { filters, errors } = parseFiltersLenient(raw);
  filters.perPage = 20;
  const result = await listActivities(filters, { viewerId: viewer?.id ?? null, zone });
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (k === "page" || errors[k]) continue;
    for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  }
  return { viewer, zone, filters, errors, params, ...result };
}
