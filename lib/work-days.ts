import { DateTime } from "luxon";

/**
 * A project's end date is a plan; a weekly work day linked to it may go on after it. The
 * project page lists those apart, under the date they follow, so "until 27 December" never
 * sits above a list that quietly runs into February. A work day is after the end when its
 * local date (in its own zone) is later than the project's last day.
 */
export function splitAtProjectEnd<T extends { startsAt: Date; timezone: string }>(workDays: T[], endsOn: string | null): { during: T[]; after: T[] } {
  if (!endsOn) return { during: workDays, after: [] };
  const during: T[] = [];
  const after: T[] = [];
  for (const w of workDays) {
    const localDay = DateTime.fromJSDate(w.startsAt, { zone: w.timezone }).toISODate()!;
    (localDay > endsOn ? after : during).push(w);
  }
  return { during, after };
}
