import { DateTime, IANAZone } from "luxon";
import { languageTag, PSEUDO_LOCALE, type UiLocale } from "./i18n/locales";

/*
 * Times are stored as instants (timestamptz) and shown in a named IANA zone. All
 * calendar arithmetic ("today", "this weekend") is done in the viewer's zone with luxon,
 * so a DST change never shifts a day boundary.
 */

export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    dateFormatter("en-GB", zone, "zone");
    return true;
  } catch {
    return false;
  }
}

/*
 * Making an Intl.DateTimeFormat is slow (it loads the locale's and the zone's data each time),
 * and a listing shows a dozen times per card, so each formatter is made once per locale, zone
 * and style and kept. Zones come from visitors' cookies, so the set is bounded: past
 * FORMATTERS_KEPT it starts again.
 */
const STYLES = {
  zone: {},
  day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  longDay: { weekday: "long", day: "numeric", month: "long" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  zoneName: { timeZoneName: "short" },
  wallClock: { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const FORMATTERS_KEPT = 2_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a locale, zone and style, made once; throws a RangeError for an unknown zone. */
export function dateFormatter(locale: string, zone: string, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${zone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, { timeZone: zone, ...STYLES[style] });
    if (formatters.size >= FORMATTERS_KEPT) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

/*
 * One set of formatters for every date and time the hub shows, so a time reads the same
 * everywhere ("09:30", never "9:30" on one page and "09:30" on the next). The parts are put
 * together here rather than by the locale's pattern, which differs between ICU versions
 * ("Sat 28 Nov" on one, "Sat, 28 Nov" on another).
 */
function parts(date: Date, zone: string, style: "day" | "longDay" | "time", locale: UiLocale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateFormatter(languageTag(locale), zone, style).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/*
 * Each formatter takes the page's language (lib/i18n/locales.ts), English when not given. In the
 * test-only pseudo-locale a date is English wrapped in ⟦ ⟧, like every catalog message, so a
 * date shown without the page's language is found by the pseudo-locale test.
 */
const marked = (locale: UiLocale, text: string) => (locale === PSEUDO_LOCALE ? `⟦${text}⟧` : text);

/** "Sat 28 Nov 2026" ("sáb 28 nov 2026") */
export function formatDay(date: Date, zone: string, locale: UiLocale = "en"): string {
  const p = parts(date, zone, "day", locale);
  return marked(locale, `${p.weekday} ${p.day} ${p.month} ${p.year}`);
}

/** "Saturday 28 November" ("sábado 28 de noviembre"), for sentences in notices and messages. */
export function formatLongDay(date: Date, zone: string, locale: UiLocale = "en"): string {
  const p = parts(date, zone, "longDay", locale);
  return marked(locale, locale === "es" ? `${p.weekday} ${p.day} de ${p.month}` : `${p.weekday} ${p.day} ${p.month}`);
}

/** "09:30": 24-hour, always two digits. */
export function formatTime(date: Date, zone: string, locale: UiLocale = "en"): string {
  const p = parts(date, zone, "time", locale);
  return `${p.hour}:${p.minute}`;
}

/** "Saturday 28 November, 09:30", for sentences in notices and messages. */
export function formatWhen(date: Date, zone: string, locale: UiLocale = "en"): string {
  return `${formatLongDay(date, zone, locale)}, ${formatTime(date, zone, locale)}`;
}

/** "Sat 28 Nov 2026, 10:00–12:00", with the end date too when it falls on another day. */
export function formatRange(start: Date, end: Date, zone: string, locale: UiLocale = "en"): string {
  // Each part once: a listing formats a range per card.
  const [startDay, endDay, from, to] = [formatDay(start, zone, locale), formatDay(end, zone, locale), formatTime(start, zone, locale), formatTime(end, zone, locale)];
  return startDay === endDay ? `${startDay}, ${from}–${to}` : `${startDay}, ${from} – ${endDay}, ${to}`;
}

function shortZoneName(date: Date, zone: string, locale: "en-GB" | "en-US"): string | undefined {
  return dateFormatter(locale, zone, "zoneName").formatToParts(date).find((p) => p.type === "timeZoneName")?.value;
}

/** Short zone name at that instant, e.g. "GMT", "BST", "EDT"; "GMT+5:30" where a zone has no common letters. */
export function zoneAbbreviation(date: Date, zone: string): string {
  // British English knows BST but writes New York as "GMT-4"; American English the reverse.
  const gb = shortZoneName(date, zone, "en-GB");
  if (gb && !/^(GMT|UTC)[+-]/.test(gb)) return gb;
  const us = shortZoneName(date, zone, "en-US");
  if (us && !/^(GMT|UTC)[+-]/.test(us)) return us;
  return gb ?? zone;
}

/**
 * The canonical name of a zone: old aliases such as Asia/Calcutta become Asia/Kolkata, and
 * links such as US/Eastern their target. ICU resolves links but still reports some renamed
 * zones under their old names, so those are mapped here.
 */
export function canonicalZone(zone: string): string {
  if (!isValidTimeZone(zone)) return zone;
  const resolved = dateFormatter("en-GB", zone, "zone").resolvedOptions().timeZone;
  return RENAMED[resolved] ?? resolved;
}

const RENAMED: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Godthab": "America/Nuuk",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** A wall-clock time as typed: "2027-03-28T01:30". */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * How a wall-clock time maps to an instant in a zone:
 * - "exact": it happens once;
 * - "ambiguous": it happens twice (the clocks go back); the instant is the first of the two;
 * - "skipped": it never happens (the clocks go forward); the instant is the wall-clock time
 *   moved forward by the length of the gap (01:30 in a 01:00-02:00 gap becomes 02:30).
 * Both rules are RFC 5545 §3.3.5's, and they do not depend on today's date (luxon's own
 * guess does, which made a series' times change with the season it was generated in).
 */
export interface ResolvedWallClock {
  instant: Date;
  status: "exact" | "ambiguous" | "skipped";
}

export function resolveWallClock(w: WallClock, zone: string): ResolvedWallClock {
  const tz = IANAZone.create(zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const before = tz.offset(asUtc - 86_400_000);
  const after = tz.offset(asUtc + 86_400_000);
  const fits = [...new Set([before, after, tz.offset(asUtc)])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((ts) => tz.offset(ts) * 60_000 === asUtc - ts)
    .sort((a, b) => a - b);
  if (fits.length === 0) return { instant: new Date(asUtc - before * 60_000), status: "skipped" };
  return { instant: new Date(fits[0]), status: fits.length > 1 ? "ambiguous" : "exact" };
}

/** "2027-03-28T01:30" (seconds optional) as its parts; undefined when it is not that shape or not a date. */
export function parseWallClock(local: string): WallClock | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  return { year, month, day, hour, minute };
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
