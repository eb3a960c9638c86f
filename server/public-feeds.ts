import "server-only";
import { listActivities, type ActivitySummary } from "@/db/queries/activities";
import { getGroupForViewer } from "@/db/queries/groups";
import { locateFilters } from "@/db/queries/places";
import { formatDay, formatTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { toAtom, toRss, type FeedEntry } from "@/lib/feeds";
import { translator } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, fromAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import { activityFiltersSchema, type ActivityFilters } from "@/lib/validation/activity-filters";
import { apiError, apiZodError } from "@/server/api/http";
import { originVariesByRequest, siteOrigin } from "@/server/request-origin";
import { say } from "@/lib/i18n/said";
import { speaking } from "@/server/speaking";

/*
 * The public feeds (RSS and Atom) and the group widget read activities as a visitor does:
 * no session is looked up and no cookie read, so they show public groups' activities only,
 * and never a name of anyone taking part (nor a meeting link: summaries carry none). The words
 * around the activities are in the language the reader's Accept-Language asks for (feed readers
 * mostly send none: English), so a shared cache keeps one copy per language. A refusal (no such
 * group, a filter to check) is said in that language too.
 */

export type FeedFormat = "rss" | "atom";

/** What a visitor may know of an activity: when (in its own zone), where, what it asks, places; in `locale`. */
export function activityFacts(a: ActivitySummary, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale, "feeds");
  const labels = translator(locale, "labels");
  return {
    title: a.status === "cancelled" ? t("cancelledTitle", { title: a.title }) : a.title,
    when: t("when", { day: formatDay(a.startsAt, a.timezone, locale), time: formatTime(a.startsAt, a.timezone, locale), zone: a.timezone }),
    where: a.placeName || a.address || (a.online ? t("online") : ""),
    asks: `${labels(`kind.${a.kind}`)} · ${labels(`energy.${a.energyLevel}`)}`,
    places: a.status === "cancelled" ? t("cancelled") : a.spotsLeft === null ? t("openToAll") : a.spotsLeft === 0 ? t("full") : t("placesLeft", { count: a.spotsLeft }),
  };
}

/** An activity as a feed entry, in `locale`. */
export function activityEntry(a: ActivitySummary, origin: string, locale: Locale = DEFAULT_LOCALE): FeedEntry {
  const f = activityFacts(a, locale);
  return {
    id: a.id,
    title: f.title,
    link: `${origin}/activities/${a.id}`,
    summary: [f.when, f.where, a.group.name, f.asks, f.places].filter(Boolean).join(" · "),
    date: a.startsAt,
    category: translator(locale, "labels")(`kind.${a.kind}`),
  };
}

/** A public, visible group and its next activities, or undefined (private, hidden or not there alike). */
export async function loadPublicGroupActivities(slug: string, limit: number) {
  const filters = activityFiltersSchema.safeParse({ group: slug, perPage: String(limit) });
  if (!filters.success) return undefined;
  const group = await getGroupForViewer(slug, null);
  if (!group || group.visibility !== "public") return undefined;
  const page = await listActivities(filters.data, { viewerId: null, zone: env().SITE_TIMEZONE, count: false });
  return { group, activities: page.items };
}

/** The language of a public feed: what the reader's Accept-Language asks for, else English (no cookie is read). */
const feedLocale = (request: Request): Locale => fromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;

function feedResponse(request: Request, format: FeedFormat, info: (t: ReturnType<typeof translator>) => { title: string; description: string; pagePath: string; feedPath: string; query?: string }, items: ActivitySummary[]): Response {
  const origin = siteOrigin(request.headers, new URL(request.url).origin);
  const locale = feedLocale(request);
  const { title, description, pagePath, feedPath, query } = info(translator(locale, "feeds"));
  const q = query ? `?${query}` : "";
  const feed = {
    title,
    description,
    link: `${origin}${pagePath}${q}`,
    self: `${origin}${feedPath}.${format}${q}`,
    alternate: `${origin}${feedPath}.${format === "rss" ? "atom" : "rss"}${q}`,
    updated: new Date(),
    generator: env().SITE_NAME,
    language: locale === "es" ? "es" : "en",
  };
  const entries = items.map((a) => activityEntry(a, origin, locale));
  const varies = [originVariesByRequest(), "Accept-Language"].filter(Boolean).join(", ");
  return new Response(format === "rss" ? toRss(feed, entries) : toAtom(feed, entries), {
    headers: {
      "Content-Type": format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      Vary: varies,
    },
  });
}

/** Runs a feed's work with `say()` speaking the feed's language, for its refusals and its filters' field errors. */
const inFeedLanguage = (request: Request, work: () => Promise<Response>) => speaking(feedLocale(request), work);

const notThere = () => apiError("not_found", say("feeds.noPublicGroup"), undefined, { Vary: "Accept-Language" });

/** GET /groups/:slug/feed.rss|atom — a public group's upcoming activities. */
export async function groupFeed(request: Request, slug: string, format: FeedFormat): Promise<Response> {
  return inFeedLanguage(request, async () => {
    const found = await loadPublicGroupActivities(slug, 50);
    if (!found) return notThere();
    const { group, activities } = found;
    return feedResponse(
      request,
      format,
      (t) => ({ title: `${group.name} · ${env().SITE_NAME}`, description: t("groupDescription", { name: group.name }), pagePath: `/groups/${group.slug}`, feedPath: `/groups/${group.slug}/feed` }),
      activities,
    );
  });
}

/** GET /activities/feed.rss|atom?kind=… — the public listing with the listing's own filters. */
export async function listingFeed(request: Request, format: FeedFormat): Promise<Response> {
  return inFeedLanguage(request, async () => {
    const params = new URL(request.url).searchParams;
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
    const parsed = activityFiltersSchema.safeParse({ perPage: "50", ...raw });
    if (!parsed.success) return apiZodError("invalid_query", parsed.error);
    const located = await locateFilters(parsed.data);
    if (Object.keys(located.errors).length) return apiError("invalid_query", say("feeds.checkPlace"), located.errors, { Vary: "Accept-Language" });
    const filters: ActivityFilters = located.filters;
    const page = await listActivities(filters, { viewerId: null, zone: env().SITE_TIMEZONE, count: false });
    const query = params.toString();
    return feedResponse(
      request,
      format,
      (t) => ({ title: t("listingTitle", { siteName: env().SITE_NAME }), description: t("listingDescription"), pagePath: "/activities", feedPath: "/activities/feed", query }),
      page.items,
    );
  });
}
