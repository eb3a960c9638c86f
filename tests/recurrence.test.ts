import { and, asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createActivity, updateActivity } from "@/db/mutations/activities";
import { extendAllSeries, extendSeries } from "@/db/mutations/series";
import { activities, series } from "@/db/schema";
import { occurrencesBetween, seriesRuleText } from "@/lib/recurrence";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { addMember, makeGroup, makeUser, usingPostgres } from "./helpers/factories";

const LONDON = "Europe/London";
const local = (d: Date, zone = LONDON) => DateTime.fromJSDate(d, { zone });

function expand(frequency: "weekly" | "biweekly" | "monthly_nth_weekday", startLocal: string, zone: string, days: number) {
  const start = DateTime.fromISO(startLocal, { zone }).toJSDate();
  const until = new Date(start.getTime() + days * 86_400_000 + 2 * 3_600_000);
  return [start, ...occurrencesBetween(seriesRuleText(frequency, start, zone), zone, 120, start, until).map((o) => o.startsAt)];
}

describe("recurring series times", () => {
  it("keeps a weekly 10:00 London walk at 10:00 local time across the last Sunday of March", () => {
    const starts = expand("weekly", "2027-03-14T10:00", LONDON, 28);
    expect(starts.map((d) => local(d).toFormat("yyyy-MM-dd HH:mm"))).toEqual(["2027-03-14 10:00", "2027-03-21 10:00", "2027-03-28 10:00", "2027-04-04 10:00", "2027-04-11 10:00"]);
    // The instants really move by an hour when the clocks go forward (GMT -> BST).
    expect(starts[1].toISOString()).toBe("2027-03-21T10:00:00.000Z");
    expect(starts[2].toISOString()).toBe("2027-03-28T09:00:00.000Z");
  });

  it("keeps a weekly 10:00 London walk at 10:00 local time across the last Sunday of October", () => {
    const starts = expand("weekly", "2026-10-18T10:00", LONDON, 21);
    expect(starts.map((d) => local(d).toFormat("cccc HH:mm")).every((s) => s === "Sunday 10:00")).toBe(true);
    expect(starts.map((d) => d.toISOString())).toEqual(["2026-10-18T09:00:00.000Z", "2026-10-25T10:00:00.000Z", "2026-11-01T10:00:00.000Z", "2026-11-08T10:00:00.000Z"]);
  });

  it("repeats every two weeks on the same weekday and local time", () => {
    const starts = expand("biweekly", "2026-10-14T18:30", LONDON, 42);
    expect(starts.map((d) => local(d).toFormat("yyyy-MM-dd HH:mm"))).toEqual(["2026-10-14 18:30", "2026-10-28 18:30", "2026-11-11 18:30", "2026-11-25 18:30"]);
  });

  it("repeats monthly on the second Saturday, and on the last one when it started on a fifth", () => {
    const second = expand("monthly_nth_weekday", "2026-09-12T09:00", LONDON, 120);
    expect(second.map((d) => local(d).toFormat("yyyy-MM-dd HH:mm"))).toEqual(["2026-09-12 09:00", "2026-10-10 09:00", "2026-11-14 09:00", "2026-12-12 09:00", "2027-01-09 09:00"]);
    const last = expand("monthly_nth_weekday", "2026-10-31T11:00", LONDON, 70);
    expect(last.map((d) => local(d).toFormat("yyyy-MM-dd"))).toEqual(["2026-10-31", "2026-11-28", "2026-12-26"]);
  });

  it("keeps a New York series at local time across the American clock change", () => {
    const starts = expand("weekly", "2026-10-25T19:00", "America/New_York", 14);
    expect(starts.map((d) => local(d, "America/New_York").toFormat("HH:mm"))).toEqual(["19:00", "19:00", "19:00"]);
    expect(starts[1].getTime() - starts[0].getTime()).toBe(7 * 86_400_000 + 3_600_000);
  });
});

describe("series in the database", () => {
  async function organizerWithGroup() {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    return { owner, group };
  }

  const walk = (startsLocal: string, endsLocal: string) =>
    activityInputSchema.parse({
      kind: "walk",
      title: "Sunday river walk",
      startsLocal,
      endsLocal,
      timezone: LONDON,
      placeName: "Riverside gate",
      energyLevel: "low",
      talkLevel: "some_chat",
      repeat: "weekly",
    });

  async function occurrencesOf(seriesId: string) {
    const db = await getDb();
    return db.select().from(activities).where(eq(activities.seriesId, seriesId)).orderBy(asc(activities.startsAt));
  }

  it("creates about twelve weeks of occurrences ahead, all at 10:00 London time", async () => {
    const { owner, group } = await organizerWithGroup();
    const first = DateTime.now().setZone(LONDON).plus({ days: 2 }).toFormat("yyyy-MM-dd");
    const created = await createActivity(owner, group.id, walk(`${first}T10:00`, `${first}T12:00`));
    if (!created.ok) throw new Error(created.message);
    const rows = await occurrencesOf(created.data.seriesId!);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.length).toBeLessThanOrEqual(13);
    expect(new Set(rows.map((r) => local(r.startsAt).toFormat("HH:mm")))).toEqual(new Set(["10:00"]));
    expect(new Set(rows.map((r) => Math.round((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000)))).toEqual(new Set([120]));
  });

  it("keeps adding occurrences as time passes, without duplicates", async () => {
    const { owner, group } = await organizerWithGroup();
    const first = DateTime.now().setZone(LONDON).plus({ days: 1 }).toFormat("yyyy-MM-dd");
    const created = await createActivity(owner, group.id, walk(`${first}T10:00`, `${first}T11:00`));
    if (!created.ok) throw new Error(created.message);
    const before = await occurrencesOf(created.data.seriesId!);
    const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000);
    const [a, b] = await Promise.all([extendSeries(created.data.seriesId!, inThreeWeeks), extendSeries(created.data.seriesId!, inThreeWeeks)]);
    const after = await occurrencesOf(created.data.seriesId!);
    expect(a + b).toBe(3);
    expect(after.length).toBe(before.length + 3);
    expect(new Set(after.map((r) => r.startsAt.getTime())).size).toBe(after.length);
  });

  it('moves "this and following" occurrences to 11:00 local and leaves earlier ones at 10:00', async () => {
    const { owner, group } = await organizerWithGroup();
    const first = DateTime.now().setZone(LONDON).plus({ days: 1 }).toFormat("yyyy-MM-dd");
    const created = await createActivity(owner, group.id, walk(`${first}T10:00`, `${first}T12:00`));
    if (!created.ok) throw new Error(created.message);
    const rows = await occurrencesOf(created.data.seriesId!);
    const third = rows[2];
    const values = activityToFormValues(third);
    const day = local(third.startsAt).toFormat("yyyy-MM-dd");
    const edited = activityInputSchema.parse({ ...values, title: "Later river walk", startsLocal: `${day}T11:00`, endsLocal: `${day}T12:30` });
    const result = await updateActivity(owner, third.id, edited, "following");
    expect(result).toMatchObject({ ok: true });

    const after = await occurrencesOf(created.data.seriesId!);
    expect(after.slice(0, 2).map((r) => [local(r.startsAt).toFormat("HH:mm"), r.title])).toEqual([
      ["10:00", "Sunday river walk"],
      ["10:00", "Sunday river walk"],
    ]);
    for (const r of after.slice(2)) {
      expect(local(r.startsAt).toFormat("HH:mm")).toBe("11:00");
      expect(local(r.endsAt).toFormat("HH:mm")).toBe("12:30");
      expect(r.title).toBe("Later river walk");
    }
    // Same weekdays as before: the dates did not move.
    expect(after.map((r) => local(r.startsAt).weekday)).toEqual(rows.map((r) => local(r.startsAt).weekday));

    // Occurrences generated later follow the edit too.
    await extendSeries(created.data.seriesId!, new Date(Date.now() + 14 * 86_400_000));
    const extended = await occurrencesOf(created.data.seriesId!);
    expect(extended.length).toBe(after.length + 2);
    expect(extended.slice(-2).map((r) => [local(r.startsAt).toFormat("HH:mm"), r.title])).toEqual([
      ["11:00", "Later river walk"],
      ["11:00", "Later river walk"],
    ]);
  });

  it('changes only the chosen occurrence with "this one"', async () => {
    const { owner, group } = await organizerWithGroup();
    const first = DateTime.now().setZone(LONDON).plus({ days: 1 }).toFormat("yyyy-MM-dd");
    const created = await createActivity(owner, group.id, walk(`${first}T10:00`, `${first}T12:00`));
    if (!created.ok) throw new Error(created.message);
    const rows = await occurrencesOf(created.data.seriesId!);
    const values = activityToFormValues(rows[1]);
    const result = await updateActivity(owner, rows[1].id, activityInputSchema.parse({ ...values, placeName: "Bandstand" }), "this");
    expect(result).toMatchObject({ ok: true, data: { changed: 1 } });
    const after = await occurrencesOf(created.data.seriesId!);
    expect(after.filter((r) => r.placeName === "Bandstand").map((r) => r.id)).toEqual([rows[1].id]);
    const db = await getDb();
    const [s] = await db.select().from(series).where(and(eq(series.id, created.data.seriesId!)));
    expect(s.localStartTime).toBe("10:00");
  });

  // On PostgreSQL the test database is shared by every file, and catching up every
  // series there would move other files' series too; the embedded run has it alone.
  it.skipIf(usingPostgres())("catches up every series at start, and one broken rule holds back no other", async () => {
    const { owner, group } = await organizerWithGroup();
    const first = DateTime.now().setZone(LONDON).plus({ days: 1 }).toFormat("yyyy-MM-dd");
    const good = await createActivity(owner, group.id, walk(`${first}T10:00`, `${first}T11:00`));
    const broken = await createActivity(owner, group.id, walk(`${first}T14:00`, `${first}T15:00`));
    if (!good.ok || !broken.ok) throw new Error("could not create the series");
    const db = await getDb();
    await db.update(series).set({ rrule: "not a rule" }).where(eq(series.id, broken.data.seriesId!));
    const goodBefore = (await occurrencesOf(good.data.seriesId!)).length;
    const brokenBefore = (await occurrencesOf(broken.data.seriesId!)).length;

    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const added = await extendAllSeries(new Date(Date.now() + 14 * 86_400_000));
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();

    expect(added).toBeGreaterThanOrEqual(2);
    expect((await occurrencesOf(good.data.seriesId!)).length).toBe(goodBefore + 2);
    expect((await occurrencesOf(broken.data.seriesId!)).length).toBe(brokenBefore);
  });
});
