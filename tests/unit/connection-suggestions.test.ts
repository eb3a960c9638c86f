import { describe, expect, it } from "vitest";
import { mixSuggestion } from "@/lib/connection/mix";
import { rankSuggestions, type Candidate, type History, type PlanForSuggestions } from "@/lib/connection/suggestions";

const ZONE = "Europe/London";
// Monday 30 November 2026, 08:00 in London (GMT).
const NOW = new Date("2026-11-30T08:00:00Z");
const at = (iso: string) => new Date(iso);

let n = 0;
function candidate(over: Partial<Candidate> = {}): Candidate {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    title: `Activity ${n}`,
    description: "",
    kind: "walk",
    groupId: "g-walkers",
    groupName: "Millbrook Walkers",
    seriesId: null,
    // Tuesday 1 December, 10:00–11:30 London.
    startsAt: at("2026-12-01T10:00:00Z"),
    endsAt: at("2026-12-01T11:30:00Z"),
    energyLevel: "low",
    spotsLeft: 5,
    isSharedPurpose: false,
    answered: false,
    involvesBlocked: false,
    cancelled: false,
    ...over,
  };
}

const plan = (over: Partial<PlanForSuggestions> = {}): PlanForSuggestions => ({
  freeTimes: [{ day: 2, from: "06:00", to: "12:00" }],
  usualEnergy: "low",
  interestKinds: [],
  interestGroupIds: [],
  interests: [],
  weeklyLowEnergyGoal: 1,
  weeklySharedPurposeGoal: 0,
  ...over,
});

const history = (over: Partial<History> = {}): History => ({ reflections: [], recentGroupIds: [], recentKinds: [], triedKinds: [], leftGroupIds: [], thisWeek: { lowEnergy: 0, sharedPurpose: 0 }, ...over });

const rank = (candidates: Candidate[], p = plan(), h = history()) => rankSuggestions({ plan: p, candidates, history: h, now: NOW, zone: ZONE });

describe("suggestion ranking", () => {
  it("explains a fitting suggestion in plain words: the free time it fits, its energy and the lift it gave before", () => {
    const c = candidate({ title: "Repair café", kind: "hobby", groupId: "g-repair", groupName: "Repair Café" });
    const [s] = rank([c], plan(), history({ reflections: [{ activityTitle: "repair café", kind: "hobby", groupId: "g-repair", feeling: "lifted" }], recentGroupIds: ["g-repair"], recentKinds: ["hobby"] }));
    expect(s.reasons).toEqual(["fits your Tuesday mornings", "low energy", "you felt lifted after the last repair café"]);
  });

  it("leaves out what doesn't fit: outside free time, above the usual energy, full, already answered, cancelled or started", () => {
    const fits = candidate();
    const out = [
      candidate({ startsAt: at("2026-12-01T14:00:00Z"), endsAt: at("2026-12-01T15:00:00Z") }),
      candidate({ energyLevel: "medium" }),
      candidate({ spotsLeft: 0 }),
      candidate({ answered: true }),
      candidate({ cancelled: true }),
      candidate({ startsAt: at("2026-11-30T07:00:00Z"), endsAt: at("2026-11-30T09:00:00Z") }),
    ];
    expect(rank([...out, fits]).map((s) => s.id)).toEqual([fits.id]);
  });

  it("never leans towards a group the member left or anyone they blocked", () => {
    const left = candidate({ groupId: "g-left", groupName: "Left Group" });
    const blocked = candidate({ involvesBlocked: true });
    const fine = candidate({ groupId: "g-ok", groupName: "OK Group" });
    expect(rank([left, blocked, fine], plan(), history({ leftGroupIds: ["g-left"] })).map((s) => s.id)).toEqual([fine.id]);
  });

  it("prefers what lifted the member before over what drained them", () => {
    const drained = candidate({ groupId: "g-d", groupName: "Draining" });
    const lifted = candidate({ groupId: "g-l", groupName: "Lifting" });
    const h = history({
      reflections: [
        { activityTitle: "noisy quiz", kind: "walk", groupId: "g-d", feeling: "drained" },
        { activityTitle: "river walk", kind: "walk", groupId: "g-l", feeling: "lifted" },
      ],
    });
    expect(rank([drained, lifted], plan(), h).map((s) => s.id)).toEqual([lifted.id, drained.id]);
  });

  it("leans towards variety: a group not tried recently comes before the usual one, and says so", () => {
    const usual = candidate({ groupId: "g-usual", groupName: "Usual Walkers" });
    const fresh = candidate({ groupId: "g-new", groupName: "Sunday Sketchers", kind: "hobby" });
    // Hobby meetups were tried, but not in the last four weeks.
    const [first] = rank([usual, fresh], plan(), history({ recentGroupIds: ["g-usual"], recentKinds: ["walk"], triedKinds: ["walk", "hobby"] }));
    expect(first.id).toBe(fresh.id);
    expect(first.reasons).toContain("a change: hobby meetups you haven't tried lately");
  });

  it("a kind the member has never been to is new to them, not something they haven't tried lately", () => {
    const fresh = candidate({ groupId: "g-new", groupName: "Sunday Sketchers", kind: "hobby" });
    const [brandNew] = rank([fresh], plan(), history());
    expect(brandNew.reasons).toContain("new to you: hobby meetups");
    expect(brandNew.reasons.join(" ")).not.toMatch(/lately/);
    const [walker] = rank([fresh], plan(), history({ recentGroupIds: ["g-usual"], recentKinds: ["walk"], triedKinds: ["walk"] }));
    expect(walker.reasons).toContain("new to you: hobby meetups");
  });

  it("suggests one date of a series, not two, even when its dates rank best", () => {
    const weekly = (day: string) =>
      candidate({ seriesId: "s-walk", groupId: "g-walkers", title: "Tuesday canal walk", startsAt: at(`${day}T10:00:00Z`), endsAt: at(`${day}T11:00:00Z`) });
    const [first, second] = [weekly("2026-12-01"), weekly("2026-12-08")];
    const other = candidate({ groupId: "g-walkers", title: "Riverside ramble", startsAt: at("2026-12-08T09:00:00Z"), endsAt: at("2026-12-08T10:00:00Z") });
    const ids = rank([first, second, other]).map((s) => s.id);
    expect(ids).toEqual([first.id, other.id]);
  });

  it("without free times or a usual energy in the plan nothing is filtered by them", () => {
    const evening = candidate({ energyLevel: "high", startsAt: at("2026-12-03T19:00:00Z"), endsAt: at("2026-12-03T21:00:00Z") });
    expect(rank([evening], plan({ freeTimes: [], usualEnergy: null })).map((s) => s.id)).toEqual([evening.id]);
  });

  it("counts free time in the member's zone, not the server's", () => {
    // 01:00 UTC on Tuesday is 06:30 in Kolkata (a morning) but 01:00 in London (not one).
    const c = candidate({ startsAt: at("2026-12-01T01:00:00Z"), endsAt: at("2026-12-01T02:30:00Z") });
    const inKolkata = rankSuggestions({ plan: plan(), candidates: [c], history: history(), now: NOW, zone: "Asia/Kolkata" });
    expect(inKolkata[0]?.reasons[0]).toBe("fits your Tuesday mornings");
    expect(rank([c])).toEqual([]);
  });

  it("leans towards the part of the weekly goal still open (shared purpose)", () => {
    const walk = candidate({ groupId: "g-a", groupName: "A" });
    const shift = candidate({ groupId: "g-b", groupName: "B", kind: "volunteer", isSharedPurpose: true });
    const p = plan({ weeklyLowEnergyGoal: 0, weeklySharedPurposeGoal: 1 });
    expect(rank([walk, shift], p).map((s) => s.id)).toEqual([shift.id, walk.id]);
  });

  it("matches interests: chosen groups, kinds and words", () => {
    const word = candidate({ groupId: "g-w", groupName: "W", description: "Bring pencils; we draw herons." });
    const [s] = rank([word], plan({ interests: ["herons"], interestKinds: ["walk"] }));
    expect(s.reasons).toEqual(expect.arrayContaining(["you're interested in walks", "mentions herons"]));
  });

  it("gives the same answer for the same input", () => {
    const cs = [candidate({ groupId: "x" }), candidate({ groupId: "y" }), candidate({ groupId: "z" })];
    expect(rank(cs)).toEqual(rank([...cs].reverse()));
  });
});

describe("the network mix's one gentle suggestion", () => {
  const sketch = { ...rank([candidate({ groupId: "g-sketch", groupName: "Sunday Sketchers", kind: "hobby" })])[0], fits: { day: 6, part: "morning" as const } };

  it("points out when every connection this month came from one group", () => {
    const s = mixSuggestion({ recent: [{ groupId: "g-w", groupName: "Walkers", kind: "walk" }, { groupId: "g-w", groupName: "Walkers", kind: "walk" }], activePartners: 1, suggestions: [sketch] });
    expect(s?.text).toBe("All your connections this month came from one group — Sunday Sketchers meet on your free Saturday mornings.");
  });

  it("suggests a check-in partner when the mix is varied but there's none", () => {
    const s = mixSuggestion({ recent: [{ groupId: "a", groupName: "A", kind: "walk" }, { groupId: "b", groupName: "B", kind: "hobby" }], activePartners: 0, suggestions: [] });
    expect(s?.href).toBe("/me/partners");
  });

  it("never uses words of loss, failure or comparison", () => {
    const texts = [
      mixSuggestion({ recent: [], activePartners: 0, suggestions: [sketch] }),
      mixSuggestion({ recent: [{ groupId: "a", groupName: "A", kind: "walk" }, { groupId: "a", groupName: "A", kind: "walk" }], activePartners: 0, suggestions: [sketch] }),
      mixSuggestion({ recent: [{ groupId: "a", groupName: "A", kind: "walk" }, { groupId: "b", groupName: "B", kind: "walk" }], activePartners: 1, suggestions: [sketch] }),
    ].map((s) => s?.text ?? "");
    for (const t of texts) expect(t).not.toMatch(/streak|lost|failed|behind|rank/i);
  });
});
