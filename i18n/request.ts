import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalog } from "@/lib/i18n/catalog";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";
import { getViewer } from "@/server/auth/session";

/*
 * next-intl's configuration for each request (found by the plugin in next.config.ts): the
 * language is the member's setting, then the language cookie, then Accept-Language
 * (lib/i18n/locales.ts). The member's setting comes from the row the request reads anyway for
 * the header, so choosing a language costs no statement.
 */
export default getRequestConfig(async () => {
  const viewer = await getViewer().catch(() => null);
  const locale = resolveLocale({
    setting: viewer?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
  return { locale, messages: catalog(locale), timeZone: env().SITE_TIMEZONE };
});
