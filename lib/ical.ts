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
  if (options.method === "CANCEL") cal.method(ICalCalendarMethod.CANCEL);
  else if (options.method !== null) cal.method(ICalCalendarMethod.PUBLISH);
  // No calendar-wide zone: with one, ical-generator would write DTSTAMP as local time,
  // which RFC 5545 forbids. The generator still runs for every zone an event uses.
  cal.timezone({ name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) });
  cal.scale("GREGORIAN");
  for (const e of events) {
    const hasGeo = e.latitude !== null && e.longitude !== null;
    const location = stripControl(e.location);
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: DateTime.fromJSDate(e.updatedAt, { zone: "utc" }),
      start: DateTime.fromJSDate(e.startsAt).setZone(e.timezone),
      end: DateTime.fromJSDate(e.endsAt).setZone(e.timezone),
      timezone: e.timezone,
      summary: stripControl(e.title),
      description: stripControl(e.description) || null,
      location: hasGeo ? { title: location || stripControl(e.title), geo: { lat: e.latitude!, lon: e.longitude! } } : location || null,
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: e.organizer ? { name: stripControl(e.organizer.name), email: e.organizer.email } : null,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = cal.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/** One activity as an iCalendar file; a cancelled one is sent as METHOD:CANCEL so calendars remove it. */
export function toICalendar(event: CalendarEvent, productName: string): string {
  return buildCalendar([event], { productName, method: event.cancelled ? "CANCEL" : "PUBLISH" });
}

const googleStamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** "Add to Google Calendar": a prefilled event form on calendar.google.com. */
export function googleCalendarLink(e: Pick<CalendarEvent, "title" | "description" | "location" | "startsAt" | "endsAt" | "timezone">): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: stripControl(e.title),
    dates: `${googleStamp(e.startsAt)}/${googleStamp(e.endsAt)}`,
    details: stripControl(e.description).slice(0, 1500),
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
    body: stripControl(e.description).slice(0, 1500),
    location: stripControl(e.location),
  });
  return `https://outlook.live.com/calendar/0/action/compose?${params.toString()}`;
}
