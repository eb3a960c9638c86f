import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET as calendarRoute } from "@/app/activities/[id]/calendar.ics/route";
import { GET as csvRoute } from "@/app/activities/[id]/organize/attendees.csv/route";
import { GET as feedRoute } from "@/app/feeds/[file]/route";
import { createApiToken } from "@/db/mutations/api-tokens";
import { createCalendarFeed } from "@/db/mutations/calendar-feeds";
import { submitRsvp } from "@/db/mutations/rsvps";
import { FORMULA_NAMES, LINE_INJECTIONS, XSS_PAYLOADS } from "./fixtures/hostile-text";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * What a member writes reaches calendars and spreadsheets: a line break in a title must not
 * start a new calendar property or event, and a name that starts like a formula must reach
 * the spreadsheet as text.
 */
const PROPERTY_NAMES = /^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|NAME|X-[A-Z-]+|REFRESH-INTERVAL|SOURCE|URL|TZID|TZOFFSETFROM|TZOFFSETTO|TZNAME|DTSTART|DTEND|DTSTAMP|RRULE|RDATE|UID|SEQUENCE|SUMMARY|DESCRIPTION|LOCATION|GEO|ORGANIZER|STATUS|LAST-MODIFIED|CREATED|TRANSP|CATEGORIES|CLASS)[;:]/;

/** Unfolds an iCalendar text (RFC 5545 §3.1) and checks every line is one the hub writes. */
function checkLines(ics: string) {
  const bare = /.{0,60}(\r(?!\n)|(?<!\r)\n).{0,60}/s.exec(ics);
  expect(bare?.[0], "a bare line break").toBeUndefined();
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  for (const line of lines) expect(line, line).toMatch(PROPERTY_NAMES);
  expect(lines.filter((l) => /^(ATTENDEE|X-INJECTED)/.test(l))).toEqual([]);
  return lines;
}

async function hostileWorld() {
  const organizer = await makeUser();
  const group = await makeGroup({ name: `Group\r\nX-INJECTED:yes ${XSS_PAYLOADS[0]}` });
  await addMember(group.id, organizer.id, "organizer");
  const activities = [];
  for (const [i, title] of LINE_INJECTIONS.entries()) {
    activities.push(
      await makeActivity(group.id, { title, description: `${XSS_PAYLOADS[i]}\r\nATTENDEE:mailto:evil@example.org`, placeName: LINE_INJECTIONS[(i + 1) % LINE_INJECTIONS.length], address: "Quay\r\nEND:VCALENDAR", startsInHours: 24 + i }),
    );
  }
  return { organizer, group, activities };
}

describe(".ics downloads and feeds against line injection", () => {
  it("an activity's calendar file holds one event whose title keeps its text on one line", async () => {
    const { activities } = await hostileWorld();
    for (const a of activities) {
      const res = await calendarRoute(new Request(`http://hub.test/activities/${a.id}/calendar.ics`), { params: Promise.resolve({ id: a.id }) });
      expect(res.status).toBe(200);
      const ics = await res.text();
      checkLines(ics);
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
      expect(events).toHaveLength(1);
      const event = new ICAL.Event(events[0]);
      expect(event.summary.replace(/\s+/g, " ")).toBe(a.title.replace(/\s+/g, " "));
      expect(events[0].getAllProperties("attendee")).toEqual([]);
    }
  });

  it("a member's private feed and a group feed hold exactly the hub's events, none injected", async () => {
    const { organizer, group, activities } = await hostileWorld();
    for (const a of activities) expect(await submitRsvp({ activityId: a.id, userId: organizer.id, status: "going" })).toMatchObject({ ok: true });
    for (const groupId of [null, group.id]) {
      const feed = await createCalendarFeed(organizer.id, groupId);
      if (!feed.ok) throw new Error(feed.message);
      const res = await feedRoute(new Request(`http://hub.test/feeds/${feed.token}.ics`), { params: Promise.resolve({ file: `${feed.token}.ics` }) });
      expect(res.status).toBe(200);
      const ics = await res.text();
      checkLines(ics);
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
      expect(events.map((e) => e.getFirstPropertyValue("uid")).sort()).toEqual(activities.map((a) => `${a.id}@common-thread`).sort());
    }
  });
});

describe("the attendee CSV against formula and line injection", () => {
  it("every name reaches the spreadsheet as text, one row per person", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { title: "=HYPERLINK(\"http://evil\")\r\nx" });
    const names = [...FORMULA_NAMES, ...XSS_PAYLOADS.slice(0, 3)];
    for (const name of names) await submitRsvp({ activityId: activity.id, userId: (await makeUser({ name, listedAsGoing: true })).id, status: "going" });
    const res = await csvRoute(new Request(`http://hub.test/activities/${activity.id}/organize/attendees.csv`, { headers: { authorization: `Bearer ${(await createApiToken(organizer.id, "csv")).token}` } }), {
      params: Promise.resolve({ id: activity.id }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+-attendees\.csv"$/);
    const rows = parseCsv(await res.text());
    expect(rows).toHaveLength(names.length + 1);
    const written = rows.slice(1).map((r) => r[0]);
    for (const cell of written) expect(cell, cell).not.toMatch(/^[\s]*[=+\-@\t\r]/);
    // The names are all there, each behind the apostrophe spreadsheets read as "this is text".
    for (const name of names) expect(written.some((cell) => cell.replace(/^'/, "").replace(/\s+/g, " ").trim() === name.replace(/\s+/g, " ").trim()), name).toBe(true);
  });
});

/** RFC 4180: quoted cells may hold commas, quotes and line breaks; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}
