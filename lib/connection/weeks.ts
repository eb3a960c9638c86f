import { DateTime } from "luxon";

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

/** "24 Nov" for a week's Monday. */
export function weekLabel(monday: string): string {
  return DateTime.fromISO(monday).toFormat("d LLL");
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Tuesday" for ISO weekday 2. */
export function dayName(isoWeekday: number): string {
  return DAY_NAMES[(isoWeekday - 1 + 7) % 7];
}

/** "morning", "afternoon" or "evening" for a local hour. */
export function partOfDay(hour: number): "morning" | "afternoon" | "evening" {
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}
