import { describe, expect, it } from "vitest";
import { activityFiltersSchema, parseFiltersLenient } from "@/lib/validation/activity-filters";

describe("listing filters", () => {
  it("reads repeated and comma-separated values the way a shared link writes them", () => {
    const f = activityFiltersSchema.parse({ kind: ["walk", "hobby"], energy: "low,medium", firstTimer: "1", page: "2" });
    expect(f.kind).toEqual(["walk", "hobby"]);
    expect(f.energy).toEqual(["low", "medium"]);
    expect(f.firstTimer).toBe(true);
    expect(f.substanceFree).toBe(false);
    expect(f.page).toBe(2);
  });

  it("names the parameter that is wrong", () => {
    const r = activityFiltersSchema.safeParse({ energy: "lava", page: "-3", from: "notadate" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["energy", "page", "from"]));
  });

  it("rejects a date that looks right but does not exist", () => {
    expect(activityFiltersSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });

  it("keeps the good filters of a half-broken link and explains the rest", () => {
    const { filters, errors } = parseFiltersLenient({ kind: "walk", energy: "lava", page: "zzz" });
    expect(filters.kind).toEqual(["walk"]);
    expect(filters.energy).toEqual([]);
    expect(filters.page).toBe(1);
    expect(errors.energy).toMatch(/low, medium, high/);
    expect(errors.page).toMatch(/whole number/);
  });

  it("asks for both coordinates when searching near a point", () => {
    const r = activityFiltersSchema.safeParse({ lat: "53.8" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(["lng"]);
  });

  it("a filter given something that is not text (a JSON object that cannot become text) is refused with the choices, not thrown", () => {
    const r = activityFiltersSchema.safeParse({ kind: "", energy: "", talk: { toString: {} } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join(" ")).toMatch(/Choose .* from: /);
  });
});
