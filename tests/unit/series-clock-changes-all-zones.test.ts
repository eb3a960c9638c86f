import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atLocalTime, occurrencesBetween, seriesRuleText, type Frequency } from "@/lib/recurrence";
import { supportedTimeZones } from "@/lib/validation/activity";

/*
 * In every zone the activity form's zone picker offers, a series keeps its local time through
 * a year of clock changes: each occurrence starts at the series' wall-clock time on its date,
 * the first of the two when the clocks go back, and moved forward by the gap only when the
 * clocks skip that time; dates are never lost or doubled; each lasts as long as the others.
 * The expected instants come from the platform's Intl time-zone data, not from the code under
 * test (which uses luxon). 3 runs per zone, over a year each: about 20 seconds on an idle machine.
 */
const FREQUENCIES: Frequency[] = ["weekly", "biweekly", "monthly_nth_weekday"];
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, read with Intl. */
function wallClock(ms: number, zone: string) {
  let f = formats.get(zone);
  if (!f) formats.set(zone, (f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" })));
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, weekday: p.weekday };
}

const offsetAt = (ms: number, zone: string) => {
  const w = wallClock(ms, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000;
};

/** RFC 5545 §3.3.5 by brute force: the first instant showing that wall clock, or, in a gap, the time moved forward by it. */
function expectedInstant(day: { year: number; month: number; day: number }, hour: number, minute: number, zone: string) {
  const asUtc = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const offsets = new Set([-1, -0.5, 0, 0.5, 1].map((d) => offsetAt(asUtc + d * 86_400_000, zone)));
  const fits = [...offsets].map((o) => asUtc - o).filter((t) => offsetAt(t, zone) === asUtc - t).sort((a, b) => a - b);
  return fits.length ? { ms: fits[0], skipped: false } : { ms: asUtc - offsetAt(asUtc - 86_400_000, zone), skipped: true };
}

const dayNumber = (w: { year: number; month: number; day: number }) => Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;

const zones = supportedTimeZones();

describe("a series in every zone the picker offers", () => {
  it("offers a few hundred zones, the ones with clock changes among them", () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toEqual(expect.arrayContaining(["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Antarctica/Troll", "Asia/Kolkata"]));
  });

  it("keeps every occurrence at its local time across a year of clock changes, none lost or doubled", { timeout: 110_000 }, () => {
    for (const zone of zones) {
      fc.assert(
        fc.property(fc.constantFrom(...FREQUENCIES), fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45), fc.constantFrom(45, 90, 180), (frequency, inDays, hour, minute, duration) => {
          const startDay = wallClock(Date.UTC(2026, 0, 1, 12) + inDays * 86_400_000, "UTC");
          const first = expectedInstant(startDay, hour, minute, zone);
          // The form refuses a first start the clocks skip; a series always begins at a real time.
          fc.pre(!first.skipped);
          const start = atLocalTime(startDay, hour, minute, zone);
          expect(start.getTime(), `${zone} first start`).toBe(first.ms);
          const rule = seriesRuleText(frequency, start, zone);
          const list = occurrencesBetween(rule, zone, duration, new Date(start.getTime() - 1), new Date(start.getTime() + 400 * 86_400_000));
          expect(list.length, zone).toBeGreaterThan(frequency === "weekly" ? 55 : 12);

          let previous: number | null = null;
          for (const o of list) {
            const local = wallClock(o.startsAt.getTime(), zone);
            // The date of the occurrence: its own, or the day before when a gap pushed it past midnight.
            const meant = [0, -1].map((back) => wallClock(Date.UTC(local.year, local.month - 1, local.day + back, 12), "UTC")).find((d) => expectedInstant(d, hour, minute, zone).ms === o.startsAt.getTime());
            expect(meant, `${zone} ${rule} ${o.startsAt.toISOString()} is not at ${hour}:${minute} local`).toBeDefined();
            expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(duration * 60_000);
            const n = dayNumber(meant!);
            if (previous !== null) {
              const gap = n - previous;
              if (frequency === "weekly") expect(gap, zone).toBe(7);
              if (frequency === "biweekly") expect(gap, zone).toBe(14);
              if (frequency === "monthly_nth_weekday") expect([28, 35], zone).toContain(gap);
            }
            previous = n;
          }
        }),
        { numRuns: 3 },
      );
    }
  });
});
