import { DateTime } from "luxon";
import { RRule, type Weekday } from "rrule";
import { formatDay, formatTime, resolveWallClock } from "@/lib/dates";

/*
 * Recurring series are expanded on *local wall-clock* dates and only then placed in the
 * series' IANA zone. rrule works in UTC, so it is given "floating" dates (the local
 * fields written as if they were UTC) and every result is read back the same way. A
 * 10:00 walk in Europe/London therefore stays at 10:00 local time across the clock
 * changes, instead of drifting to 09:00 or 11:00 as a fixed UTC interval would.
 *
 * Where the series' local time does not exist or exists twice on a date, RFC 5545 §3.3.5
 * decides (`resolveWallClock`): a time the clocks skip moves forward by the length of the
 * gap (a 01:30 London walk starts at 02:30 BST on the last Sunday of March, still lasting
 * as long) and the occurrence's page says so (`clockChangeNote`); a time that happens twice
 * is the first of the two (01:30 BST, not 01:30 GMT, on the last Sunday of October).
 */

export type Frequency = "weekly" | "biweekly" | "monthly_nth_weekday";

/** How far ahead occurrences exist: about twelve weeks. */
export const HORIZON_DAYS = 84;

const WEEKDAYS: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/** Which occurrence of its weekday in the month a date is: 1..4, or -1 for "last" (a 5th). */
export function nthWeekdayOf(local: DateTime): number {
  const n = Math.ceil(local.day / 7);
  return n >= 5 ? -1 : n;
}

/** The RRULE line (RFC 5545, without DTSTART) for a frequency anchored at a local start. */
export function ruleFor(frequency: Frequency, localStart: DateTime): string {
  const options =
    frequency === "monthly_nth_weekday"
      ? { freq: RRule.MONTHLY, byweekday: [WEEKDAYS[localStart.weekday - 1].nth(nthWeekdayOf(localStart))] }
      : { freq: RRule.WEEKLY, interval: frequency === "biweekly" ? 2 : 1 };
  return RRule.optionsToString(options).replace(/^RRULE:/, "");
}

/** The stored series rule: DTSTART with its zone, then the RRULE, as in an iCalendar file. */
export function seriesRuleText(frequency: Frequency, start: Date, zone: string): string {
  const local = DateTime.fromJSDate(start, { zone });
  return `DTSTART;TZID=${zone}:${local.toFormat("yyyyMMdd'T'HHmmss")}\nRRULE:${ruleFor(frequency, local)}`;
}

function floating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function fromFloating(d: Date, zone: string): DateTime {
  const { instant } = resolveWallClock(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
    zone,
  );
  return DateTime.fromJSDate(instant, { zone });
}

/** The instant of a local date at a local time of day ("HH:mm") in `zone`, by RFC 5545's rules. */
export function atLocalTime(day: { year: number; month: number; day: number }, hour: number, minute: number, zone: string): Date {
  return resolveWallClock({ year: day.year, month: day.month, day: day.day, hour, minute }, zone).instant;
}

/**
 * For an occurrence that could not start at its series' local time because the clocks skip
 * that time on its date: a sentence saying when it starts instead and why. Null otherwise.
 */
export function clockChangeNote(startsAt: Date, zone: string, seriesLocalTime: string): string | null {
  const local = DateTime.fromJSDate(startsAt, { zone });
  const [hour, minute] = seriesLocalTime.split(":").map(Number);
  if (local.hour === hour && local.minute === minute) return null;
  const meant = resolveWallClock({ year: local.year, month: local.month, day: local.day, hour, minute }, zone);
  if (meant.status !== "skipped" || meant.instant.getTime() !== startsAt.getTime()) return null;
  return `The clocks go forward in ${zone} on ${formatDay(startsAt, zone)}, so ${seriesLocalTime} doesn't exist that day. This one starts at ${formatTime(startsAt, zone)} instead, and lasts as long as the others.`;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Occurrences of a stored rule whose start lies in (after, until], each lasting
 * `durationMinutes` of real time. Local times that fall in a DST gap move forward by the
 * gap; times that happen twice take the first.
 */
export function occurrencesBetween(ruleText: string, zone: string, durationMinutes: number, after: Date, until: Date): Occurrence[] {
  const match = /DTSTART;TZID=([^:]+):(\d{8}T\d{6})\s*\nRRULE:(.+)/.exec(ruleText.trim());
  if (!match) throw new Error("Unrecognised series rule");
  const dtstart = DateTime.fromFormat(match[2], "yyyyMMdd'T'HHmmss", { zone: match[1] });
  const rule = new RRule({ ...RRule.parseString(match[3]), dtstart: floating(dtstart) });
  // Search a day either side in floating time, then filter on the real instants.
  const from = floating(DateTime.fromJSDate(after, { zone }).minus({ days: 1 }));
  const to = floating(DateTime.fromJSDate(until, { zone }).plus({ days: 1 }));
  return rule
    .between(from, to, true)
    .map((d) => fromFloating(d, zone))
    .filter((local) => local.toMillis() > after.getTime() && local.toMillis() <= until.getTime())
    .map((local) => ({ startsAt: local.toJSDate(), endsAt: local.plus({ minutes: durationMinutes }).toJSDate() }));
}

/** The end of the generation window that starts `now`. */
export function horizonFrom(now: Date): Date {
  return new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
}

/** "HH:MM" of an instant in a zone, as stored on the series. */
export function localTimeOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("HH:mm");
}
