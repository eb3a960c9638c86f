import { translator } from "./catalog";
import type { Locale } from "./locales";

/*
 * Words written for someone who is not the one making the change: a notification, an email,
 * a calendar entry. The same notice can go to members who read different languages, so it is
 * given as a function of the language (from the catalogs) and made once per language. Plain
 * text is data (an organizer's message, an activity's title) and stays as written.
 */

export type Words = string | ((locale: Locale) => string);

/** A placeholder's value: itself, or words made in the reader's language. */
export type WordValue = string | number | ((locale: Locale) => string);

/** The words in `locale`. */
export function inLocale(words: Words, locale: Locale): string {
  return typeof words === "function" ? words(locale) : words;
}

/** A catalog message, made in whichever language it is read in: `say("notices", "rsvp.going.title", { title })`. */
export function say(namespace: string, key: string, values: Record<string, WordValue> = {}): (locale: Locale) => string {
  return (locale) => {
    const resolved: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) resolved[name] = typeof value === "function" ? value(locale) : value;
    return translator(locale, namespace)(key, resolved);
  };
}
