import { DateTime } from "luxon";
import { PSEUDO_LOCALE, type UiLocale } from "@/lib/i18n/locales";
import { connectionWords } from "./words";

/*
 * Weeks for counting connection start on Monday, in the member's own zone, so an
 * evening walk on Sunday in London never slips into the next week for someone there.
 */

/** The Monday (ISO date) of the week `date` falls in, in `zone`. */
export function weekOf(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).startOf("week").toISODate()!;
}

/** The instants bounding the week `date` falls in: Monday 00:00 to the next Monday 00:00, in `zone`. */
export function weekBounds(date: Date, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromJSDate(date, { zone }).startOf("week");
  return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

/** The last `count` weeks' Mondays, oldest first, ending with this week. */
export function recentWeeks(now: Date, zone: string, count = 12): string[] {
  const thisWeek = DateTime.fromJSDate(now, { zone }).startOf("week");
  return Array.from({ length: count }, (_, i) => thisWeek.minus({ weeks: count - 1 - i }).toISODate()!);
}

/** "24 Nov" ("24 nov") for a week's Monday. */
export function weekLabel(monday: string, locale: UiLocale = "en"): string {
  const date = DateTime.fromISO(monday);
  if (locale === "es") return date.setLocale("es").toFormat("d LLL");
  const label = date.toFormat("d LLL");
  // Shown as a date is in the test-only pseudo-locale (lib/dates.ts).
  return locale === PSEUDO_LOCALE ? `⟦${label}⟧` : label;
}

const weekday = (isoWeekday: number) => ((isoWeekday - 1 + 7) % 7) + 1;

/** "Tuesday" ("Martes") for ISO weekday 2. */
export function dayName(isoWeekday: number, locale: UiLocale = "en"): string {
  return connectionWords(locale)(`day.${weekday(isoWeekday)}`);
}

/**
 * A weekday as it reads in "on Tuesdays" or "your Tuesday mornings": "Tuesday" in English,
 * "martes" or "sábados" in Spanish, where those phrases take the plural.
 */
export function recurringDay(isoWeekday: number, locale: UiLocale = "en"): string {
  return connectionWords(locale)(`recurringDay.${weekday(isoWeekday)}`);
}

/** "morning", "afternoon" or "evening" for a local hour. */
export function partOfDay(hour: number): "morning" | "afternoon" | "evening" {
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}
