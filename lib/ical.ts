import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";

/*
 * iCalendar (RFC 5545) for activities: one activity's file, the private feeds and the
 * attachment of activity emails, all built with ical-generator. Times are written in the
 * activity's own zone (DTSTART;TZID=Europe/London:…) with a VTIMEZONE describing that
 * zone's offsets, so a calendar shows a 10:00 walk at 10:00 local time on both sides of a
 * daylight-saving change. The UID is stable per activity and SEQUENCE is its edit count, so
 * an updated or cancelled download replaces the earlier entry instead of adding a second one.
 */

export interface CalendarEvent {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  location: string;
  url: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the activity happens in. */
  timezone: string;
  updatedAt: Date;
  cancelled: boolean;
  latitude: number | null;
  longitude: number | null;
  /** Shown as ORGANIZER: the group's name with the site's sending address, never a member's own address. */
  organizer?: { name: string; email: string } | null;
  /**
   * The person this copy is for, written as ATTENDEE. RFC 5546 §3.2.5 requires one on a
   * METHOD:CANCEL and some calendars ignore a cancellation without it; a cancelled activity
   * with no one to address is written as PUBLISH with STATUS:CANCELLED instead.
   */
  attendee?: { email: string; name?: string | null } | null;
}

export interface CalendarOptions {
  productName: string;
  /** A feed's name (X-WR-CALNAME); single files have none. */
  calendarName?: string;
  /** PUBLISH for files and feeds; a single cancelled activity is sent as CANCEL. */
  method?: "PUBLISH" | "CANCEL" | null;
  /** How often subscribed calendars should refresh a feed. */
  refreshSeconds?: number;
}

/** Drops control characters (all but tab and line breaks), which calendars reject or show as junk. */
export function stripControl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").replace(/\r\n?/g, "\n");
}

/**
 * A calendar-wide text on one line. ical-generator escapes line breaks in an event's texts but
 * writes the calendar's NAME as it is, so a group name holding a line break would start a new
 * property (or a whole event) in the group's feed.
 */
const oneLine = (value: string) => stripControl(value).replace(/\s*\n\s*/g, " ").trim();

const stamp = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");
const offset = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
};

/**
 * A VTIMEZONE for `zone` listing every offset change between two years, found with the
 * platform's time-zone data (luxon): each change is one STANDARD or DAYLIGHT block whose
 * DTSTART is the local wall time just before the change, as RFC 5545 §3.6.5 asks.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: "utc" });
  const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: "utc" });
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  let previous = offsetAt(start.toMillis());
  let changes = 0;
  for (let t = start.toMillis(); t < end.toMillis(); t += 86_400_000) {
    const next = offsetAt(t + 86_400_000);
    if (next === previous) continue;
    // Narrow the change down to the minute.
    let lo = t;
    let hi = t + 86_400_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid) === previous) lo = mid;
      else hi = mid;
    }
    const after = DateTime.fromMillis(hi, { zone });
    const kind = after.isInDST ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${stamp(DateTime.fromMillis(hi, { zone: "utc" }).plus({ minutes: previous }))}`,
      `TZOFFSETFROM:${offset(previous)}`,
      `TZOFFSETTO:${offset(next)}`,
      `TZNAME:${after.offsetNameShort ?? offset(next)}`,
      `END:${kind}`,
    );
    previous = next;
    changes++;
  }
  if (changes === 0) {
    const local = DateTime.fromMillis(start.toMillis(), { zone });
    lines.push("BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${offset(local.offset)}`, `TZOFFSETTO:${offset(local.offset)}`, `TZNAME:${local.offsetNameShort ?? offset(local.offset)}`, "END:STANDARD");
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}

/**
 * Whether `at`'s wall-clock time in `zone` happens twice (the hour repeated when clocks go
 * back). Written as local time with a TZID, such a time is ambiguous and calendars pick one
 * of the two instants: ical.js and node-ical both read 01:30 on the last Sunday of October in
 * London as the second (GMT) one, an hour late for an activity stored at the first.
 */
export function isRepeatedLocalTime(at: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(at).setZone(zone);
  const wall = stamp(local);
  const wallAsUtc = DateTime.fromFormat(wall, "yyyyMMdd'T'HHmmss", { zone: "utc" }).toMillis();
  const offsets = new Set([-2, -1, 1, 2].map((days) => local.plus({ days }).offset));
  for (const other of offsets) {
    if (other === local.offset) continue;
    const instant = wallAsUtc - other * 60_000;
    if (instant !== at.getTime() && stamp(DateTime.fromMillis(instant, { zone })) === wall) return true;
  }
  return false;
}

/** Builds a calendar of one or more events. */
export function buildCalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const years = events.flatMap((e) => [e.startsAt.getUTCFullYear(), e.endsAt.getUTCFullYear()]);
  const fromYear = Math.min(...years, new Date().getUTCFullYear()) - 1;
  const toYear = Math.max(...years, new Date().getUTCFullYear()) + 1;
  const cal = ical({
    prodId: { company: oneLine(options.productName).replace(/\/\//g, "/"), product: "Activities", language: "EN" },
    ...(options.calendarName ? { name: oneLine(options.calendarName) } : {}),
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  // A CANCEL must name its attendees (RFC 5546 §3.2.5); without one the file is a PUBLISH.
  const cancelling = options.method === "CANCEL" && events.every((e) => e.attendee);
  if (cancelling) cal.method(ICalCalendarMethod.CANCEL);
  else if (options.method !== null) cal.method(ICalCalendarMethod.PUBLISH);
  // No calendar-wide zone: with one, ical-generator would write DTSTAMP as local time,
  // which RFC 5545 forbids. The generator still runs for every zone an event uses.
  cal.timezone({ name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) });
  cal.scale("GREGORIAN");
  for (const e of events) {
    const hasGeo = e.latitude !== null && e.longitude !== null;
    const location = stripControl(e.location);
    // A time that happens twice is written in UTC, which names one instant; DTSTART and DTEND
    // keep the same form. Every other time stays local with its zone.
    const inUtc = isRepeatedLocalTime(e.startsAt, e.timezone) || isRepeatedLocalTime(e.endsAt, e.timezone);
    const zone = inUtc ? "utc" : e.timezone;
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: DateTime.fromJSDate(e.updatedAt, { zone: "utc" }),
      start: DateTime.fromJSDate(e.startsAt).setZone(zone),
      end: DateTime.fromJSDate(e.endsAt).setZone(zone),
      timezone: inUtc ? null : e.timezone,
      summary: stripControl(e.title),
      description: stripControl(e.description) || null,
      location: hasGeo ? { title: location || stripControl(e.title), geo: { lat: e.latitude!, lon: e.longitude! } } : location || null,
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: e.organizer ? { name: stripControl(e.organizer.name), email: e.organizer.email } : null,
    });
    if (e.attendee) event.createAttendee({ email: e.attendee.email, ...(e.attendee.name ? { name: stripControl(e.attendee.name) } : {}) });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = cal.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/**
 * One activity, or several dates told of in one message, as an iCalendar file. When every one is
 * cancelled and addressed to someone (`attendee`), it is sent as METHOD:CANCEL with a VEVENT per
 * date (each its own UID), so their calendar removes them all; otherwise it is a PUBLISH, any
 * cancelled ones marked so.
 */
export function toICalendar(events: CalendarEvent | CalendarEvent[], productName: string): string {
  const list = Array.isArray(events) ? events : [events];
  return buildCalendar(list, { productName, method: isCancelMessage(list) ? "CANCEL" : "PUBLISH" });
}

/** Whether `toICalendar` writes these events as a METHOD:CANCEL. */
export function isCancelMessage(events: CalendarEvent | CalendarEvent[]): boolean {
  const list = Array.isArray(events) ? events : [events];
  return list.length > 0 && list.every((e) => e.cancelled && Boolean(e.attendee));
}

/**
 * An activity's description as plain text for the calendars' add-event forms, which show
 * what they are given literally: Markdown marks are taken away (a link keeps its words and
 * address) and HTML tags are dropped, so neither `**` nor a `<script>` reaches the details.
 */
export function plainDescription(markdown: string): string {
  return stripControl(markdown)
    .replace(/<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/<\/?[A-Za-z][^<>]*>/g, "")
    .replace(/^[ \t]*(`{3,}|~{3,}).*$/gm, "")
    .replace(/^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$/gm, "")
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, "$1")
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "")
    .replace(/^([ \t]*)[-*+][ \t]+/gm, "$1• ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_, text: string, href: string) => (text === href ? href : `${text} (${href})`))
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?!\w)/g, "$1$3")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/\\([\\`*_{}\[\]()#+\-.!<>~|])/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const googleStamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** "Add to Google Calendar": a prefilled event form on calendar.google.com. */
export function googleCalendarLink(e: Pick<CalendarEvent, "title" | "description" | "location" | "startsAt" | "endsAt" | "timezone">): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: stripControl(e.title),
    dates: `${googleStamp(e.startsAt)}/${googleStamp(e.endsAt)}`,
    details: plainDescription(e.description).slice(0, 1500),
    location: stripControl(e.location),
    ctz: e.timezone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** "Add to Outlook": a prefilled event form on outlook.live.com (UTC times, shown in the viewer's zone). */
export function outlookCalendarLink(e: Pick<CalendarEvent, "title" | "description" | "location" | "startsAt" | "endsAt">): string {
  const params = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: stripControl(e.title),
    startdt: e.startsAt.toISOString(),
    enddt: e.endsAt.toISOString(),
    body: plainDescription(e.description).slice(0, 1500),
    location: stripControl(e.location),
  });
  return `https://outlook.live.com/calendar/0/action/compose?${params.toString()}`;
}
