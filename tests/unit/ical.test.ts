import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, googleCalendarLink, outlookCalendarLink, stripControl, toICalendar, vtimezone, type CalendarEvent } from "@/lib/ical";

const event: CalendarEvent = {
  uid: "b0e8c3f4-0000-4000-8000-000000000001@common-thread",
  sequence: 2,
  title: "Riverside litter pick; gloves, bags",
  description: "Bring water.\nWe meet by the gate.",
  location: "Riverside Park, 1 Mill Lane",
  url: "http://localhost:3000/activities/b0e8c3f4-0000-4000-8000-000000000001",
  startsAt: new Date("2026-03-29T09:00:00Z"),
  endsAt: new Date("2026-03-29T11:30:00Z"),
  timezone: "Europe/London",
  updatedAt: new Date("2026-03-01T12:34:56.789Z"),
  cancelled: false,
  latitude: 53.8,
  longitude: -1.55,
  organizer: { name: "Riverside Gardeners", email: "hello@thread.example" },
};

/** Parses with ical.js (a real calendar parser), registering the file's own VTIMEZONEs. */
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("iCalendar export", { timeout: 30_000 }, () => {
  it("parses as one event in the activity's zone, at the right instant, with its sequence and organizer", () => {
    const ics = toICalendar(event, "Common Thread");
    expect(ics.endsWith("\r\n")).toBe(true);
    const { root, events } = parse(ics);
    expect(root.getFirstPropertyValue("method")).toBe("PUBLISH");
    const [e] = events;
    expect(e.uid).toBe(event.uid);
    expect(e.sequence).toBe(2);
    expect(e.summary).toBe("Riverside litter pick; gloves, bags");
    expect(e.description).toContain("Bring water.\nWe meet by the gate.");
    expect(e.location).toBe("Riverside Park, 1 Mill Lane");
    expect(e.startDate.zone?.tzid).toBe("Europe/London");
    // 29 March 2026 is the day the clocks go forward: 09:00 UTC is 10:00 BST.
    expect(e.startDate.toString()).toBe("2026-03-29T10:00:00");
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-03-29T09:00:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-03-29T11:30:00.000Z");
    expect(e.organizer).toBe("mailto:hello@thread.example");
    expect(e.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(e.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-01T12:34:56Z");
    expect(ics).toContain("GEO:53.8;-1.55");
  });

  it("marks a cancelled activity so calendars remove it, naming the person it is sent to as ATTENDEE", () => {
    const { root, events } = parse(toICalendar({ ...event, cancelled: true, sequence: 3, attendee: { email: "sam@example.org" } }, "Common Thread"));
    expect(root.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0].sequence).toBe(3);
    // RFC 5546 §3.2.5: a CANCEL carries the attendees it is addressed to.
    expect(events[0].attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:sam@example.org"]);
  });

  it("a cancelled activity addressed to no one is a PUBLISH marked cancelled, never a CANCEL without an attendee", () => {
    const { root, events } = parse(toICalendar({ ...event, cancelled: true }, "Common Thread"));
    expect(root.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("several cancelled dates sent to one person are one CANCEL with a cancelled event per date, each under its own UID", () => {
    const dates = [0, 7, 14].map((days, i) => ({
      ...event,
      uid: `b0e8c3f4-0000-4000-8000-00000000001${i}@common-thread`,
      startsAt: new Date(event.startsAt.getTime() + days * 86_400_000),
      endsAt: new Date(event.endsAt.getTime() + days * 86_400_000),
      cancelled: true,
      sequence: 4 + i,
      attendee: { email: "sam@example.org" },
    }));
    const { root, events } = parse(toICalendar(dates, "Common Thread"));
    expect(root.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events.map((e) => [e.uid, e.sequence, e.startDate.toJSDate().toISOString(), e.component.getFirstPropertyValue("status")])).toEqual(
      dates.map((d) => [d.uid, d.sequence, d.startsAt.toISOString(), "CANCELLED"]),
    );
    for (const e of events) expect(e.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:sam@example.org"]);
    // One date still on makes the file a PUBLISH: a CANCEL would take that one out too.
    expect(parse(toICalendar([...dates, { ...event, attendee: { email: "sam@example.org" } }], "Common Thread")).root.getFirstPropertyValue("method")).toBe("PUBLISH");
  });

  it("a time that happens twice when the clocks go back is read at the stored instant", () => {
    // 31 October 2027, London: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    for (const first of ["2027-10-31T00:30:00.000Z", "2027-10-31T01:30:00.000Z"]) {
      const startsAt = new Date(first);
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      const ics = toICalendar({ ...event, startsAt, endsAt }, "Common Thread");
      const [e] = parse(ics).events;
      expect(e.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
      expect(e.endDate.toJSDate().toISOString()).toBe(endsAt.toISOString());
    }
    // A time that happens once stays in the activity's zone.
    const [plain] = parse(toICalendar({ ...event, startsAt: new Date("2027-10-31T03:30:00Z"), endsAt: new Date("2027-10-31T04:30:00Z") }, "Common Thread")).events;
    expect(plain.startDate.zone?.tzid).toBe("Europe/London");
    expect(plain.startDate.toString()).toBe("2027-10-31T03:30:00");
  });

  it("a weekly 10:00 walk stays at 10:00 local time on both sides of the clocks changing", () => {
    // Europe/London: 10:00 is 10:00 GMT (UTC) on 22 March and 10:00 BST (09:00 UTC) on 5 April.
    const walks = [
      { ...event, uid: "w1@ct", startsAt: new Date("2026-03-22T10:00:00Z"), endsAt: new Date("2026-03-22T11:00:00Z") },
      { ...event, uid: "w2@ct", startsAt: new Date("2026-03-29T09:00:00Z"), endsAt: new Date("2026-03-29T10:00:00Z") },
      { ...event, uid: "w3@ct", startsAt: new Date("2026-10-18T09:00:00Z"), endsAt: new Date("2026-10-18T10:00:00Z") },
      { ...event, uid: "w4@ct", startsAt: new Date("2026-10-25T10:00:00Z"), endsAt: new Date("2026-10-25T11:00:00Z") },
    ];
    const { events } = parse(buildCalendar(walks, { productName: "Common Thread", calendarName: "My activities" }));
    expect(events.map((e) => e.startDate.toString())).toEqual(["2026-03-22T10:00:00", "2026-03-29T10:00:00", "2026-10-18T10:00:00", "2026-10-25T10:00:00"]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(walks.map((w) => w.startsAt.toISOString()));
  });

  it("describes zones without daylight saving, and half-hour offsets", () => {
    const { events } = parse(toICalendar({ ...event, timezone: "Asia/Kolkata" }, "Common Thread"));
    expect(events[0].startDate.toString()).toBe("2026-03-29T14:30:00");
    expect(events[0].startDate.toJSDate().toISOString()).toBe("2026-03-29T09:00:00.000Z");
    expect(vtimezone("Asia/Kolkata", 2025, 2027)).toContain("TZOFFSETTO:+0530");
  });

  it("drops control characters that calendars reject", () => {
    expect(stripControl("Walk\u0000 and\u0007 talk\u001b\r\nNext")).toBe("Walk and talk\nNext");
    const ics = toICalendar({ ...event, title: "Tea\u0008 and chat\u0001" }, "Common\u0002 Thread");
    expect(ics).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parse(ics).events[0].summary).toBe("Tea and chat");
  });

  it("links to Google and Outlook with the event prefilled", () => {
    const google = new URL(googleCalendarLink(event));
    expect(google.hostname).toBe("calendar.google.com");
    expect(google.searchParams.get("dates")).toBe("20260329T090000Z/20260329T113000Z");
    expect(google.searchParams.get("ctz")).toBe("Europe/London");
    const outlook = new URL(outlookCalendarLink(event));
    expect(outlook.searchParams.get("startdt")).toBe("2026-03-29T09:00:00.000Z");
    expect(outlook.searchParams.get("subject")).toBe(event.title);
  });

  it("the Google and Outlook links carry the description as plain text, without Markdown marks or HTML", () => {
    const description = "## What to bring\n\nBring **water** and _gloves_. See [the map](https://maps.example.org/gate).\n\n- a hat\n- sun cream\n\n<script>alert(1)</script><b>Be kind</b>";
    const details = new URL(googleCalendarLink({ ...event, description })).searchParams.get("details");
    expect(details).toBe("What to bring\n\nBring water and gloves. See the map (https://maps.example.org/gate).\n\n• a hat\n• sun cream\n\nBe kind");
    expect(new URL(outlookCalendarLink({ ...event, description })).searchParams.get("body")).toBe(details);
  });
});
