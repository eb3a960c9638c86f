import { DateTime } from "luxon";

/*
 * Times are stored as instants (timestamptz) and shown in a named IANA zone. All
 * calendar arithmetic ("today", "this weekend") is done in the viewer's zone with luxon,
 * so a DST change never shifts a day boundary.
 */

export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Sat 28 Nov 2026" */
export function formatDay(date: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** "10:00" */
export function formatTime(date: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

/** "Sat 28 Nov 2026, 10:00–12:00", with the end date too when it falls on another day. */
export function formatRange(start: Date, end: Date, zone: string): string {
  const sameDay = formatDay(start, zone) === formatDay(end, zone);
  return sameDay
    ? `${formatDay(start, zone)}, ${formatTime(start, zone)}–${formatTime(end, zone)}`
    : `${formatDay(start, zone)}, ${formatTime(start, zone)} – ${formatDay(end, zone)}, ${formatTime(end, zone)}`;
}

/** Short zone name at that instant, e.g. "GMT" or "BST". */
export function zoneAbbreviation(date: Date, zone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

export type DateRangeName = "today" | "weekend" | "week";

/** The instants bounding a named range, computed in `zone` relative to `now`. */
export function namedRange(name: DateRangeName, now: Date, zone: string): { from: Date; to: Date } {
  const local = DateTime.fromJSDate(now, { zone });
  if (name === "today") return { from: now, to: local.endOf("day").plus({ milliseconds: 1 }).toJSDate() };
  if (name === "week") return { from: now, to: local.plus({ days: 7 }).toJSDate() };
  // This weekend: Saturday 00:00 to Monday 00:00; on Saturday or Sunday, the current one.
  const weekday = local.weekday; // 1 = Monday ... 7 = Sunday
  const saturday = weekday >= 6 ? local.minus({ days: weekday - 6 }).startOf("day") : local.plus({ days: 6 - weekday }).startOf("day");
  const monday = saturday.plus({ days: 2 });
  const from = saturday.toJSDate() < now ? now : saturday.toJSDate();
  return { from, to: monday.toJSDate() };
}

/** A calendar day "YYYY-MM-DD" in `zone` as the instants of its start and of the next day's start. */
export function dayBounds(day: string, zone: string): { start: Date; next: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf("day");
  return { start: start.toJSDate(), next: start.plus({ days: 1 }).toJSDate() };
}
