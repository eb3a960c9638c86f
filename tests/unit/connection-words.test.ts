import { describe, expect, it } from "vitest";
import { milestoneWords } from "@/lib/connection/milestones";
import { mixSuggestion } from "@/lib/connection/mix";
import { periodWords, rhythmWords } from "@/lib/connection/rhythm";
import { dayName, weekLabel } from "@/lib/connection/weeks";
import type { Suggestion } from "@/lib/connection/suggestions";

const sketch: Suggestion = { id: "a1", title: "Sketching by the river", groupId: "g-s", groupName: "Sunday Sketchers", kind: "hobby", seriesId: null, fits: { day: 6, part: "morning" }, startsAt: new Date("2026-12-12T10:00:00Z"), score: 1, reasons: [], why: [] };

describe("the connection area's words, in the reader's language", () => {
  it("name rhythms, days and weeks in English unless asked otherwise", () => {
    expect(rhythmWords("weekly_meeting", 4)).toBe("a weekly check-in on Thursdays");
    expect(rhythmWords("weekly_meeting", 6, "es")).toBe("un encuentro semanal los sábados");
    expect(rhythmWords("daily_message", 1, "es")).toBe("un mensaje diario");
    expect(periodWords("weekly_meeting", "es")).toBe("esta semana");
    expect(dayName(2)).toBe("Tuesday");
    expect(dayName(2, "es")).toBe("Martes");
    expect(weekLabel("2026-11-23")).toBe("23 Nov");
    expect(weekLabel("2026-11-23", "es")).toBe("23 nov");
  });

  it("celebrate a milestone in Spanish, with the right words for each kind", () => {
    expect(milestoneWords("first_kind:volunteer", undefined, "es").title).toBe("Tu primera sesión de voluntariado");
    expect(milestoneWords("first_kind:walk").title).toBe("Your first group walk");
    expect(milestoneWords("third_visit:x", "Sunday Sketchers", "es").title).toBe("Una tercera visita a Sunday Sketchers");
    expect(milestoneWords("hours_10", undefined, "es").title).toBe("10 horas de voluntariado");
  });

  it("offer the mix's one idea in Spanish, with the member's free time", () => {
    const idea = mixSuggestion({ recent: [], activePartners: 1, suggestions: [sketch] }, "es");
    expect(idea?.text).toBe("Cualquier cosa pequeña cuenta. Sketching by the river con Sunday Sketchers es en tus sábados libres por la mañana.");
    expect(mixSuggestion({ recent: [], activePartners: 1, suggestions: [sketch] })?.text).toBe("Any one small thing counts. Sketching by the river with Sunday Sketchers is on your free Saturday mornings.");
  });

  it("wrap what they show in the test-only pseudo-locale, as dates are", () => {
    expect(weekLabel("2026-11-23", "en-XA")).toBe("⟦23 Nov⟧");
  });
});
