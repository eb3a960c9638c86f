/*
 * The languages the hub speaks, and how one is chosen for a request: the member's own setting
 * (account page), then the language cookie (the footer's picker, for visitors), then the
 * browser's Accept-Language, then English. Emails, calendar text and push notifications use
 * the member's setting, or English when they have none.
 *
 * A pseudo-locale, "en-XA", exists for tests only (PSEUDO_LOCALE=on): it shows every catalog
 * message wrapped in ⟦ ⟧, so a page that shows a word outside the brackets shows a word that
 * did not come from a catalog (e2e/languages.ts).
 */

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const PSEUDO_LOCALE = "en-XA";
/** A language a page can be rendered in: the real ones, and the test-only pseudo-locale. */
export type UiLocale = Locale | typeof PSEUDO_LOCALE;

/** The cookie the language picker sets: a year, this site only. */
export const LOCALE_COOKIE = "ct_locale";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/**
 * The language cookie's value from a raw Cookie header, as sent: its only valid values are plain
 * language codes, so nothing is decoded (a malformed %-sequence in it must not fail a request).
 */
export function localeCookieIn(header: string | null | undefined): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === LOCALE_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function pseudoLocaleOn(): boolean {
  return process.env.PSEUDO_LOCALE === "on";
}

/** A value a person (or a cookie) may choose: a real language, or the pseudo-locale where it is on. */
export function isUiLocale(value: unknown): value is UiLocale {
  return isLocale(value) || (value === PSEUDO_LOCALE && pseudoLocaleOn());
}

/**
 * The best of our languages for an Accept-Language header, by its q-values ("es-MX,es;q=0.9,
 * en;q=0.8" is Spanish); null when it names none of them.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const asked = header
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, order };
    })
    .filter((a) => a.tag && Number.isFinite(a.q) && a.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of asked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return null;
}

/** The language for a request: the member's setting, then the cookie, then the browser, then English. */
export function resolveLocale(input: { setting?: string | null; cookie?: string | null; acceptLanguage?: string | null }): UiLocale {
  if (isLocale(input.setting)) return input.setting;
  if (isUiLocale(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The BCP 47 tag for `lang` and for formatting dates and numbers: the hub's English is British. */
export function languageTag(locale: UiLocale): string {
  return locale === "es" ? "es" : "en-GB";
}

/** The language a member's emails, calendar text and notifications are written in. */
export function memberLocale(setting: string | null | undefined): Locale {
  return isLocale(setting) ? setting : DEFAULT_LOCALE;
}
