import { translator } from "@/lib/i18n/catalog";
import type { UiLocale } from "@/lib/i18n/locales";

/*
 * The connection area's words (messages/<locale>/connection.json): milestones, suggestion
 * reasons, rhythms and the mix's idea are worked out here, away from any page, so they are
 * worded here too, in the language asked for (English unless told).
 */
const made = new Map<UiLocale, ReturnType<typeof translator>>();

export function connectionWords(locale: UiLocale = "en"): ReturnType<typeof translator> {
  let t = made.get(locale);
  if (!t) {
    t = translator(locale, "connection");
    made.set(locale, t);
  }
  return t;
}
