import { DateTime } from "luxon";
import { RRule, type Weekday } from "rrule";

/*
 * Recurring series are expanded on *local wall-clock* dates and only then placed in the
 * series' IANA zone. rrule works in UTC, so it is given "floating" dates (the local
 * fields written as if they were UTC) and every result is read back the same way. A
 * 10:00 walk in Europe/London therefore stays at 10:00 local time across the clock
 * changes, instead of drifting to 09:00 or 11:00 as a fixed UTC interval would.
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
  return DateTime.fromObject(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
    { zone },
  );
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Occurrences of a stored rule whose start lies in (after, until], each lasting
 * `durationMinutes` of real time. Local times that fall in a DST gap move forward.
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
