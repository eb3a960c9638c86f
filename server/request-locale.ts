import "server-only";
import { getLocaleSetting } from "@/db/queries/member-locale";
import { translator } from "@/lib/i18n/catalog";
import { isLocale, localeCookieIn, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { requestLocale as requestLocaleOfAction } from "./speaking";

/*
 * The language for a file a route handler writes (a calendar file, a feed): the caller's own
 * setting when a member is known, then the language cookie, then Accept-Language, then English.
 * Files are never in the test-only pseudo-locale.
 */

/** The language of a request from `memberId` (or a visitor, when null). */
export async function requestLocale(request: Request, memberId: string | null = null): Promise<Locale> {
  const chosen = resolveLocale({
    setting: memberId ? await getLocaleSetting(memberId) : null,
    cookie: localeCookieIn(request.headers.get("cookie")),
    acceptLanguage: request.headers.get("accept-language"),
  });
  return isLocale(chosen) ? chosen : "en";
}

/** The request headers a file in the caller's language differs by, for Vary. */
export const LANGUAGE_VARY = "Accept-Language, Cookie";

/**
 * The language of this request, as a page chooses it (server/speaking.ts): the member's setting,
 * then the language cookie, then Accept-Language; English outside a request. Pages read it
 * through next-intl (i18n/request.ts); server actions use `requestWords` for their answers.
 */
export const currentLocale = requestLocaleOfAction;

/** A translator for one namespace in this request's language: `(await requestWords("account.answers"))("tokenRevoked")`. */
export async function requestWords(namespace: string) {
  return translator(await currentLocale(), namespace);
}
