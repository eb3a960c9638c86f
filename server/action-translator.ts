import "server-only";
import { cookies, headers } from "next/headers";
import { translator } from "@/lib/i18n/catalog";
import { LOCALE_COOKIE, resolveLocale, type UiLocale } from "@/lib/i18n/locales";
import { getViewer } from "./auth/session";

/*
 * The language of a server action's answer: chosen as for a page (i18n/request.ts), from the
 * member's setting, the language cookie and Accept-Language. An action's message is read in
 * the page it was posted from, so it speaks that page's language.
 */
export async function requestLocale(): Promise<UiLocale> {
  const viewer = await getViewer().catch(() => null);
  return resolveLocale({
    setting: viewer?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
}

/** A translator for an action's messages, in the request's language: `(await actionTranslator("organize.done"))("attended")`. */
export async function actionTranslator(namespace: string) {
  return translator(await requestLocale(), namespace);
}
