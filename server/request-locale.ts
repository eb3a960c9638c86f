import "server-only";
import { getLocaleSetting } from "@/db/queries/member-locale";
import { isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";

/*
 * The language for a file a route handler writes (a calendar file, a feed): the caller's own
 * setting when a member is known, then the language cookie, then Accept-Language, then English.
 * Files are never in the test-only pseudo-locale.
 */

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** The language of a request from `memberId` (or a visitor, when null). */
export async function requestLocale(request: Request, memberId: string | null = null): Promise<Locale> {
  const chosen = resolveLocale({
    setting: memberId ? await getLocaleSetting(memberId) : null,
    cookie: cookieValue(request.headers.get("cookie"), LOCALE_COOKIE),
    acceptLanguage: request.headers.get("accept-language"),
  });
  return isLocale(chosen) ? chosen : "en";
}

/** The request headers a file in the caller's language differs by, for Vary. */
export const LANGUAGE_VARY = "Accept-Language, Cookie";
