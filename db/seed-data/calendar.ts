import { DateTime } from "luxon";
import type { OneOffTemplate, SeriesTemplate } from "./activities";

/*
 * Places the demo templates on the calendar. Every instant is built from a local date and
 * wall-clock time in the town's zone (never by adding hours to a UTC instant), so a
 * Saturday 10:00 walk stays at 10:00 in London on both sides of a daylight-saving change.
 */

export const WINDOW_DAYS = 42;

/** The UTC instant of a wall-clock time ("HH:MM") on a local calendar day in `zone`. */
export function localInstant(day: DateTime, localTime: string, zone: string): DateTime {
  const [hour, minute] = localTime.split(":").map(Number);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
}

export interface CalendarWindow {
  now: DateTime;
  /** Local midnight of today in the zone. */
  today: DateTime;
  end: DateTime;
  zone: string;
}

export function calendarWindow(now: Date, zone: string): CalendarWindow {
  const local = DateTime.fromJSDate(now, { zone });
  return { now: local, today: local.startOf("day"), end: local.plus({ days: WINDOW_DAYS }), zone };
}

/** Start instants of a series' occurrences that begin after now and within the window. */
export function seriesOccurrences(template: SeriesTemplate, window: CalendarWindow): DateTime[] {
  const starts: DateTime[] = [];
  for (let offset = 0; offset <= WINDOW_DAYS; offset++) {
    const day = window.today.plus({ days: offset });
    if (day.weekday !== template.weekday) continue;
    if (template.frequency === "monthly_nth_weekday" && Math.ceil(day.day / 7) !== (template.nth ?? 1)) continue;
    const start = localInstant(day, template.localStart, window.zone);
    if (start > window.now && start < window.end) starts.push(start);
  }
  return template.frequency === "biweekly" ? starts.filter((_, index) => index % 2 === 0) : starts;
}

/** Days on which the town's regular sessions take a break. */
export function isHoliday(day: DateTime): boolean {
  const key = day.toFormat("MM-dd");
  return key === "12-25" || key === "12-26" || key === "01-01";
}

/** A one-off's start; one that would land on a holiday moves to the next ordinary day. */
export function oneOffStart(template: OneOffTemplate, window: CalendarWindow): DateTime {
  let day = window.today.plus({ days: template.dayOffset });
  while (isHoliday(day)) day = day.plus({ days: 1 });
  return localInstant(day, template.localStart, window.zone);
}
