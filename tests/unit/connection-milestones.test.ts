import { describe, expect, it } from "vitest";
import { milestoneWords, reachedMilestones, weeksWithConnection, type MilestoneFacts } from "@/lib/connection/milestones";
import { currentPeriod, lastCompletedPeriod } from "@/lib/connection/rhythm";
import { recentWeeks, weekOf } from "@/lib/connection/weeks";

const ZONE = "Europe/London";
const none: MilestoneFacts = { attended: [], checkInsAt: [], tasksDone: 0, verifiedHours: 0, hadPartner: false, reflections: 0 };
const walk = (iso: string, groupId = "g1") => ({ startsAt: new Date(iso), kind: "walk" as const, groupId });

describe("milestones from facts", () => {
  it("no facts, no milestones", () => {
    expect(reachedMilestones(none, ZONE)).toEqual([]);
  });

  it("first activity", () => {
    expect(reachedMilestones({ ...none, attended: [walk("2026-11-02T10:00:00Z")] }, ZONE)).toEqual(["first_activity"]);
  });

  it("first of each other kind", () => {
    const facts = { ...none, attended: [walk("2026-11-02T10:00:00Z"), { startsAt: new Date("2026-11-03T10:00:00Z"), kind: "hobby" as const, groupId: "g2" }, { startsAt: new Date("2026-11-04T10:00:00Z"), kind: "volunteer" as const, groupId: "g3" }] };
    expect(reachedMilestones(facts, ZONE)).toEqual(["first_activity", "first_kind:volunteer", "first_kind:hobby"]);
  });

  it("a third visit to the same group", () => {
    const facts = { ...none, attended: [walk("2026-11-02T10:00:00Z"), walk("2026-11-03T10:00:00Z"), walk("2026-11-04T10:00:00Z"), walk("2026-11-05T10:00:00Z", "g2")] };
    expect(reachedMilestones(facts, ZONE)).toContain("third_visit:g1");
    expect(reachedMilestones(facts, ZONE)).not.toContain("third_visit:g2");
  });

  it("four weeks with a connection, not necessarily in a row", () => {
    const gaps = ["2026-09-07", "2026-09-28", "2026-10-19", "2026-11-09"].map((d) => walk(`${d}T10:00:00Z`));
    expect(reachedMilestones({ ...none, attended: gaps.slice(0, 3) }, ZONE)).not.toContain("weeks_4");
    expect(reachedMilestones({ ...none, attended: gaps }, ZONE)).toContain("weeks_4");
  });

  it("ten weeks with a connection, check-ins counting too", () => {
    const checkInsAt = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 5, 1 + 14 * i, 12)));
    const keys = reachedMilestones({ ...none, checkInsAt }, ZONE);
    expect(keys).toContain("weeks_4");
    expect(keys).toContain("weeks_10");
  });

  it("first task done", () => {
    expect(reachedMilestones({ ...none, tasksDone: 1 }, ZONE)).toEqual(["first_task"]);
  });

  it("5, 10 and 25 verified hours", () => {
    expect(reachedMilestones({ ...none, verifiedHours: 4.5 }, ZONE)).toEqual([]);
    expect(reachedMilestones({ ...none, verifiedHours: 5 }, ZONE)).toEqual(["hours_5"]);
    expect(reachedMilestones({ ...none, verifiedHours: 12 }, ZONE)).toEqual(["hours_5", "hours_10"]);
    expect(reachedMilestones({ ...none, verifiedHours: 25 }, ZONE)).toEqual(["hours_5", "hours_10", "hours_25"]);
  });

  it("first check-in partner", () => {
    expect(reachedMilestones({ ...none, hadPartner: true }, ZONE)).toEqual(["first_partner"]);
  });

  it("first reflection", () => {
    expect(reachedMilestones({ ...none, reflections: 1 }, ZONE)).toEqual(["first_reflection"]);
  });

  it("speaks warmly and never of streaks, loss, failure or ranks", () => {
    const keys = ["first_activity", "first_kind:walk", "first_kind:volunteer", "first_kind:hobby", "third_visit:x", "weeks_4", "weeks_10", "first_task", "hours_5", "hours_10", "hours_25", "first_partner", "first_reflection"];
    for (const key of keys) {
      const { title, body } = milestoneWords(key, "Sunday Sketchers");
      expect(title.length).toBeGreaterThan(3);
      expect(`${title} ${body}`).not.toMatch(/streak|lost|failed|behind|rank|in a row/i);
    }
    expect(milestoneWords("third_visit:x", "Sunday Sketchers").title).toBe("A third visit to Sunday Sketchers");
  });
});

describe("weeks in the member's zone", () => {
  it("start on Monday in the member's zone: late Sunday in London is still that week", () => {
    // Sunday 29 Nov 2026, 23:30 in London; already Monday in Kolkata.
    const late = new Date("2026-11-29T23:30:00Z");
    expect(weekOf(late, "Europe/London")).toBe("2026-11-23");
    expect(weekOf(late, "Asia/Kolkata")).toBe("2026-11-30");
  });

  it("twelve weeks end with this one, across the clock change", () => {
    const weeks = recentWeeks(new Date("2026-11-04T12:00:00Z"), ZONE, 12);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe("2026-11-02");
    expect(weeks[0]).toBe("2026-08-17");
    expect(weeksWithConnection({ attended: [walk("2026-10-25T00:30:00Z")], checkInsAt: [] }, ZONE)).toEqual(new Set(["2026-10-19"]));
  });
});

describe("check-in rhythm periods", () => {
  it("a weekly check-in on Thursdays runs Thursday to Thursday in the pair's zone", () => {
    const p = currentPeriod("weekly_meeting", 4, ZONE, new Date("2026-12-01T12:00:00Z"));
    expect(p.key).toBe("2026-11-26");
    expect(p.end.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(lastCompletedPeriod("weekly_meeting", 4, ZONE, new Date("2026-12-01T12:00:00Z")).key).toBe("2026-11-19");
  });

  it("a daily message's day is the local day", () => {
    const p = lastCompletedPeriod("daily_message", 1, "Asia/Kolkata", new Date("2026-12-01T20:00:00Z"));
    // 20:00 UTC is 01:30 on 2 December in Kolkata; the last full day was 1 December there.
    expect(p.key).toBe("2026-12-01");
    expect(p.start.toISOString()).toBe("2026-11-30T18:30:00.000Z");
  });
});
