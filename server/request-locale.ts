import "server-only";
import { cookies, headers } from "next/headers";
import { translator } from "@/lib/i18n/catalog";
import { LOCALE_COOKIE, resolveLocale, type UiLocale } from "@/lib/i18n/locales";
import { getViewer } from "./auth/session";

/**
 * The language of this request: the member's setting, then the language cookie, then
 * Accept-Language (lib/i18n/locales.ts). Pages read it through next-intl (i18n/request.ts);
 * server actions use `requestWords` for the answers they send back.
 */
export async function requestLocale(): Promise<UiLocale> {
  const viewer = await getViewer().catch(() => null);
  return resolveLocale({
    setting: viewer?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
}

/** A translator for one namespace in this request's language: `(await requestWords("account.answers"))("tokenRevoked")`. */
export async function requestWords(namespace: string) {
  return translator(await requestLocale(), namespace);
}
