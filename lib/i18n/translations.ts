import { getLocale, type getTranslations as nextIntlTranslations } from "next-intl/server";
import { sharedTranslator } from "./catalog";
import type { UiLocale } from "./locales";

/** The type next-intl's own `getTranslations` gives, so call sites read the same. */
type Translator = Awaited<ReturnType<typeof nextIntlTranslations>>;

/**
 * In a server component: the translator for the request's language. It stands in for
 * next-intl's `getTranslations` (same language, catalog and time zone, from i18n/request.ts),
 * with compiled messages kept for the process (lib/i18n/catalog.ts, `sharedTranslator`).
 */
export async function getTranslations(namespace?: string): Promise<Translator> {
  return sharedTranslator((await getLocale()) as UiLocale, namespace) as unknown as Translator;
}
