/*
 * Which responses a CDN or reverse proxy in front of the hub may keep for a short while.
 * Only public pages asked for with no cookie and no credentials at all: a session cookie
 * means a member's page (their name, their RSVPs, private groups), and even a visitor's
 * time-zone cookie changes how times read. Such a page may be kept 30 s and served stale
 * for 60 s more while it is fetched again; everything else says nothing, and Next's own
 * "no-store" for dynamic pages stands. (Next writes its own `Vary`, so a cache in front must
 * be set to pass requests that carry a cookie straight through: README, "Configuration".)
 */

export const SHARED_CACHE_CONTROL = "public, s-maxage=30, stale-while-revalidate=60";
/** A visitor's page is in the language their browser asks for (lib/i18n/locales.ts), so a cache keeps one per language. */
export const SHARED_CACHE_VARY = "Accept-Language";

/** Public pages: the listings, an activity, a group, a project and help; never their organizer or member sub-pages. */
const PUBLIC_PAGES = [/^\/$/, /^\/activities$/, /^\/activities\/[^/]+$/, /^\/groups$/, /^\/groups\/[^/]+$/, /^\/projects$/, /^\/projects\/[^/]+$/, /^\/help$/];

const RESERVED = new Set(["new"]);

/** Whether a path is one of the public pages (whoever asks; what it shows may still depend on who). */
export function isPublicPage(path: string): boolean {
  return PUBLIC_PAGES.some((p) => p.test(path)) && !RESERVED.has(path.split("/").pop() ?? "");
}

/** The headers that let shared caches keep this response briefly, or null when they must not. */
export function sharedCacheHeaders(method: string, path: string, headers: Headers): Record<string, string> | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (headers.has("cookie") || headers.has("authorization")) return null;
  if (!isPublicPage(path)) return null;
  // Vary: Accept-Language is added where Next writes its own Vary (server/language-vary.ts).
  return { "Cache-Control": SHARED_CACHE_CONTROL };
}
