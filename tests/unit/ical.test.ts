import { describe, expect, it } from "vitest";
import { escapeText, foldLine, toICalendar } from "@/lib/ical";

const event = {
  uid: "b0e8c3f4-0000-4000-8000-000000000001@common-thread",
  sequence: 2,
  title: "Riverside litter pick; gloves, bags",
  description: "Bring water.\nWe meet by the gate.",
  location: "Riverside Park, 1 Mill Lane",
  url: "http://localhost:3000/activities/b0e8c3f4-0000-4000-8000-000000000001",
  startsAt: new Date("2026-03-29T09:00:00Z"),
  endsAt: new Date("2026-03-29T11:30:00Z"),
  updatedAt: new Date("2026-03-01T12:34:56.789Z"),
  cancelled: false,
  latitude: 53.8,
  longitude: -1.55,
};

describe("iCalendar export", () => {
  it("writes one event with UTC times, its sequence, escaped text and CRLF line ends", () => {
    const ics = toICalendar(event, "Common Thread");
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    const lines = ics.replace(/\r\n /g, "").split("\r\n");
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain("DTSTART:20260329T090000Z");
    expect(lines).toContain("DTEND:20260329T113000Z");
    expect(lines).toContain("DTSTAMP:20260301T123456Z");
    expect(lines).toContain("SEQUENCE:2");
    expect(lines).toContain("SUMMARY:Riverside litter pick\\; gloves\\, bags");
    expect(lines).toContain("DESCRIPTION:Bring water.\\nWe meet by the gate.");
    expect(lines).toContain("GEO:53.8;-1.55");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines).toContain("METHOD:PUBLISH");
  });

  it("marks a cancelled activity so calendars remove it", () => {
    const lines = toICalendar({ ...event, cancelled: true, sequence: 3 }, "Common Thread").split("\r\n");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("METHOD:CANCEL");
    expect(lines).toContain("SEQUENCE:3");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const long = `DESCRIPTION:${"Café ☕ ".repeat(40)}`;
    const folded = foldLine(long);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(long);
  });

  it("escapes backslashes before anything else", () => {
    expect(escapeText("a\\b;c,d\r\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });
});
