import "server-only";
import { cookies, headers } from "next/headers";
import { translator } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, type UiLocale } from "@/lib/i18n/locales";
import { getViewer } from "@/server/auth/session";

/**
 * The translator for an action's answer, in the language of the page it was sent from: chosen
 * as i18n/request.ts chooses it (the member's setting, the language cookie, Accept-Language).
 * Outside a request (an action called directly) it is English.
 */
export async function actionWords(namespace: string) {
  let locale: UiLocale = DEFAULT_LOCALE;
  try {
    const [viewer, jar, head] = await Promise.all([getViewer().catch(() => null), cookies(), headers()]);
    locale = resolveLocale({ setting: viewer?.locale, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
  } catch {
    // No request to read: English.
  }
  return translator(locale, namespace);
}
