import fs from "node:fs";
import path from "node:path";
// use-intl's core (next-intl's own engine) has no React in it, so the worker and scripts can load it too.
import { _createCache, _createIntlFormatters, createTranslator, type _Translator } from "use-intl/core";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, PSEUDO_LOCALE, type Locale, type UiLocale } from "./locales";

/*
 * The message catalogs: messages/<locale>/<namespace>.json, one file per part of the hub
 * (common.json for the header, footer and words used everywhere; a file per area beside it),
 * read once per process. Messages are ICU MessageFormat ("{count, plural, one {# place}
 * other {# places}}"), as next-intl reads them. English is the source; every other language
 * has exactly the same keys and placeholders (tests/unit/catalogs.test.ts).
 *
 * The pseudo-locale is English with every message wrapped in ⟦ ⟧ (tests only).
 */

export type Messages = { [key: string]: string | Messages };

const MESSAGES_DIR = path.join(process.cwd(), "messages");

const loaded = new Map<UiLocale, Messages>();

function readLocale(locale: Locale): Messages {
  const dir = path.join(MESSAGES_DIR, locale);
  const out: Messages = {};
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    out[file.slice(0, -".json".length)] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Messages;
  }
  return out;
}

/** Every message wrapped in ⟦ ⟧, so text that came from a catalog can be told from text that did not. */
export function pseudo(messages: Messages): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(messages)) out[key] = typeof value === "string" ? `⟦${value}⟧` : pseudo(value);
  return out;
}

/** The whole catalog of a language, every namespace. */
export function catalog(locale: UiLocale): Messages {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = locale === PSEUDO_LOCALE ? pseudo(readLocale(DEFAULT_LOCALE)) : readLocale(locale);
    loaded.set(locale, messages);
  }
  return messages;
}

/**
 * The namespaces client components read (useTranslations in a "use client" file): only these
 * are sent to the browser with the page, not the whole catalog.
 */
export const CLIENT_NAMESPACES: readonly string[] = ["labels", "client-push", "client-groups", "client-visit", "client-organize", "client-members"];

export function clientMessages(locale: UiLocale): Messages {
  const all = catalog(locale);
  const out: Messages = {};
  for (const ns of CLIENT_NAMESPACES) if (all[ns]) out[ns] = all[ns];
  return out;
}

/*
 * Translators are shared by every request of the process, one per language and namespace.
 *
 * next-intl's own `getTranslations` keeps compiled messages for one request only, so every page
 * parsed each message it formats again (intl-messageformat's parser and a locale lookup per
 * message): about a tenth of a listing's render time. The catalogs are read once per process and
 * never change while it runs, and the time zone is the site's, so a message compiled once is
 * right for every later use in that language. Nothing a caller passes is kept: values are
 * formatted per call, and the cache is keyed by message text, language and formats only, so it
 * holds at most one compiled form of each message of the catalogs.
 */
// Keys typed as plain strings, as next-intl's untyped getTranslations gives them.
type SharedTranslator = _Translator<Record<string, any>>;

const compiled = new Map<UiLocale, { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters> }>();
const translators = new Map<string, SharedTranslator>();

/** The translator for one language and namespace ("listing.card"), made once per process. */
export function sharedTranslator(locale: UiLocale, namespace?: string): SharedTranslator {
  const key = `${locale}\u0000${namespace ?? ""}`;
  let t = translators.get(key);
  if (!t) {
    let shared = compiled.get(locale);
    if (!shared) {
      const cache = _createCache();
      shared = { cache, formatters: _createIntlFormatters(cache) };
      compiled.set(locale, shared);
    }
    t = createTranslator({ locale, messages: catalog(locale), namespace: namespace as never, timeZone: env().SITE_TIMEZONE, _cache: shared.cache, _formatters: shared.formatters }) as unknown as SharedTranslator;
    translators.set(key, t);
  }
  return t;
}

/**
 * A translator outside a page render (emails, calendar files, push notifications, the worker):
 * `translator("es", "email")("reminder.subject", { title })`.
 */
export function translator(locale: UiLocale, namespace?: string) {
  // Typed loosely on purpose: keys are checked against the catalogs by tests/unit/catalogs.test.ts.
  return sharedTranslator(locale, namespace) as unknown as (key: string, values?: Record<string, string | number | Date>) => string;
}
