import { getRequestConfig } from "next-intl/server";
import { catalog } from "@/lib/i18n/catalog";
import { env } from "@/lib/env";
import { currentLocale } from "@/server/request-locale";

/*
 * next-intl's configuration for each request (found by the plugin in next.config.ts): the
 * language is the member's setting, then the language cookie, then Accept-Language
 * (server/request-locale.ts). The member's setting comes from the row the request reads anyway
 * for the header, so choosing a language costs no statement.
 */
export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return { locale, messages: catalog(locale), timeZone: env().SITE_TIMEZONE };
});
