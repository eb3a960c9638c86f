import { DateTime } from "luxon";
import { z } from "zod";
import { dayBounds } from "@/lib/dates";
import { day } from "./activity-filters";
import { say } from "@/lib/i18n/said";

/*
 * The date range of an hours report or statement: a plain GET form, so both ends live in
 * the URL. Either end may be left open; a bad value is named beside its field and left out.
 */

export const hoursRangeSchema = z.object({ from: day("from"), to: day("to") });

export type HoursRange = { from?: string; to?: string };

/**
 * Parses the range, keeping what fits and saying why about the rest. A "to" before "from"
 * is refused on "to". `fallback` fills an end that was not asked for at all (not one that was
 * cleared on purpose, which comes as an empty value and means "open").
 */
export function parseHoursRange(raw: Record<string, string | string[] | undefined>, fallback: HoursRange = {}): { range: HoursRange; errors: Partial<Record<"from" | "to", string>> } {
  const errors: Partial<Record<"from" | "to", string>> = {};
  const range: HoursRange = {};
  for (const key of ["from", "to"] as const) {
    if (raw[key] === undefined) {
      range[key] = fallback[key];
      continue;
    }
    const parsed = hoursRangeSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) range[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? say("validation.filters.dayWrong", { what: key });
  }
  if (range.from && range.to && range.to < range.from) {
    errors.to = say("validation.filters.toAfterFrom");
    delete range.to;
  }
  return { range, errors };
}

/** The range's days as instants in `zone`: from the start of "from" to the start of the day after "to". */
export function rangeInstants(range: HoursRange, zone: string): { start: Date | null; end: Date | null } {
  return { start: range.from ? dayBounds(range.from, zone).start : null, end: range.to ? dayBounds(range.to, zone).next : null };
}

/** An organizer's report opens on this year so far, in their zone: what a yearly return asks for. */
export function thisYearSoFar(now: Date, zone: string): HoursRange {
  const today = DateTime.fromJSDate(now, { zone });
  return { from: today.startOf("year").toISODate()!, to: today.toISODate()! };
}

/** "3", "2.5", "1.25": hours as a person writes them. */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
