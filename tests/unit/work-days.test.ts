import { describe, expect, it } from "vitest";
import { splitAtProjectEnd } from "@/lib/work-days";

const at = (iso: string, timezone = "Europe/London") => ({ startsAt: new Date(iso), timezone });

describe("a project's work days and its end date", () => {
  it("lists work days after the project's last day apart from those within it", () => {
    const days = [at("2026-12-19T09:30:00Z"), at("2026-12-26T09:30:00Z"), at("2027-01-02T09:30:00Z"), at("2027-02-06T09:30:00Z")];
    const { during, after } = splitAtProjectEnd(days, "2026-12-27");
    expect(during).toEqual(days.slice(0, 2));
    expect(after).toEqual(days.slice(2));
  });

  it("counts the end date itself as inside, by the work day's own local date", () => {
    // 23:30 on the 27th in London is still the 27th there; 00:30 on the 28th in Auckland is the 28th.
    const lateOnTheDay = at("2026-12-27T23:30:00Z");
    const nextDayInAuckland = at("2026-12-27T11:30:00Z", "Pacific/Auckland");
    expect(splitAtProjectEnd([lateOnTheDay, nextDayInAuckland], "2026-12-27")).toEqual({ during: [lateOnTheDay], after: [nextDayInAuckland] });
  });

  it("a project with no end date keeps every work day together", () => {
    const days = [at("2030-01-01T10:00:00Z")];
    expect(splitAtProjectEnd(days, null)).toEqual({ during: days, after: [] });
  });
});
