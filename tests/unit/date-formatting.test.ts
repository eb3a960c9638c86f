import { describe, expect, it } from "vitest";
import { canonicalZone, dateFormatter, formatDay, formatRange, formatTime, formatWhen, isValidTimeZone, zoneAbbreviation } from "@/lib/dates";

/*
 * Dates and times read the same everywhere, in the viewer's zone. Formatters are made once
 * per locale, zone and style and kept (lib/dates.ts); a kept one must give what a new one
 * would, for any zone, however many zones have been seen.
 */

const saturday = new Date("2026-11-28T09:30:00Z");

describe("date formatting", () => {
  it("writes days, times and ranges in the zone asked for", () => {
    expect(formatDay(saturday, "Europe/London")).toBe("Sat 28 Nov 2026");
    expect(formatTime(saturday, "Europe/London")).toBe("09:30");
    expect(formatTime(saturday, "America/New_York")).toBe("04:30");
    expect(formatTime(saturday, "Asia/Kolkata")).toBe("15:00");
    expect(formatWhen(saturday, "Europe/London")).toBe("Saturday 28 November, 09:30");
    expect(formatRange(saturday, new Date("2026-11-28T12:00:00Z"), "Europe/London")).toBe("Sat 28 Nov 2026, 09:30–12:00");
    expect(formatRange(new Date("2026-11-28T22:00:00Z"), new Date("2026-11-29T01:00:00Z"), "Europe/London")).toBe("Sat 28 Nov 2026, 22:00 – Sun 29 Nov 2026, 01:00");
    expect(zoneAbbreviation(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe("BST");
    expect(zoneAbbreviation(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe("EDT");
  });

  it("refuses unknown zones and never keeps a formatter for one", () => {
    expect(isValidTimeZone("Not/AZone")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
    expect(() => dateFormatter("en-GB", "Not/AZone", "time")).toThrow(RangeError);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(canonicalZone("Asia/Calcutta")).toBe("Asia/Kolkata");
  });

  it("gives what a new formatter gives, for every zone, past the number it keeps", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    expect(zones.length).toBeGreaterThan(300);
    // Every zone in three styles is more than are kept at once: the store starts again on the way.
    for (let pass = 0; pass < 2; pass++) {
      for (const zone of zones) {
        const fresh = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(saturday);
        expect(formatTime(saturday, zone)).toBe(`${fresh.find((p) => p.type === "hour")!.value}:${fresh.find((p) => p.type === "minute")!.value}`);
        formatDay(saturday, zone);
        formatWhen(saturday, zone);
      }
    }
    expect(dateFormatter("en-GB", "Europe/London", "time")).toBe(dateFormatter("en-GB", "Europe/London", "time"));
  });
});
