import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createActivity, updateActivity } from "@/db/mutations/activities";
import { activities, type User } from "@/db/schema";
import { horizonFrom, occurrencesBetween, seriesRuleText, type Frequency } from "@/lib/recurrence";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { addMember, makeGroup, makeUser } from "./helpers/factories";

/*
 * "This and following" edits re-anchor a series. Whatever the move (another weekday,
 * another time, across a clock change), the occurrences from the edited one on must be
 * exactly the dates the new rule gives: none missing, none doubled, all at the new local
 * time, and the ones before the edit untouched.
 */

const ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata"] as const;
const FREQUENCIES: Frequency[] = ["weekly", "biweekly", "monthly_nth_weekday"];
const fmt = "yyyy-MM-dd'T'HH:mm";

let owner: User;
let groupId: string;

beforeAll(async () => {
  owner = await makeUser();
  const group = await makeGroup();
  await addMember(group.id, owner.id, "owner");
  groupId = group.id;
});

async function occurrencesOf(seriesId: string) {
  const db = await getDb();
  return db.select().from(activities).where(eq(activities.seriesId, seriesId)).orderBy(asc(activities.startsAt));
}

async function startSeries(frequency: Frequency, zone: string, startLocal: DateTime, minutes: number) {
  const input = activityInputSchema.parse({
    kind: "walk",
    title: "Riverside walk",
    startsLocal: startLocal.toFormat(fmt),
    endsLocal: startLocal.plus({ minutes }).toFormat(fmt),
    timezone: zone,
    placeName: "Riverside gate",
    energyLevel: "low",
    talkLevel: "some_chat",
    repeat: frequency,
  });
  const created = await createActivity(owner, groupId, input);
  if (!created.ok) throw new Error(created.message);
  return created.data.seriesId!;
}

/** Moves occurrence `index` and the following ones to `newStartLocal`, returning what the series holds before and after. */
async function moveFollowing(seriesId: string, index: number, newStartLocal: DateTime, minutes: number) {
  const before = await occurrencesOf(seriesId);
  const target = before[Math.min(index, before.length - 1)];
  const edited = activityInputSchema.parse({
    ...activityToFormValues(target),
    startsLocal: newStartLocal.toFormat(fmt),
    endsLocal: newStartLocal.plus({ minutes }).toFormat(fmt),
  });
  const editedAt = new Date();
  const result = await updateActivity(owner, target.id, edited, "following");
  expect(result).toMatchObject({ ok: true });
  return { before, target, after: await occurrencesOf(seriesId), editedAt };
}

describe('"this and following" edits', () => {
  it("a weekly Sunday series moved to the Tuesday before keeps every Tuesday, the next one included", async () => {
    const zone = "Europe/London";
    const firstSunday = DateTime.now().setZone(zone).plus({ days: 14 }).set({ weekday: 7, hour: 10, minute: 0, second: 0, millisecond: 0 });
    const seriesId = await startSeries("weekly", zone, firstSunday, 60);
    const second = firstSunday.plus({ weeks: 1 });
    const tuesday = second.minus({ days: 5 });
    const { after, editedAt } = await moveFollowing(seriesId, 1, tuesday, 60);
    const days = after.map((r) => DateTime.fromJSDate(r.startsAt, { zone }).toFormat("ccc yyyy-MM-dd HH:mm"));
    expect(days[0]).toBe(firstSunday.toFormat("ccc yyyy-MM-dd HH:mm"));
    expect(days[1]).toBe(tuesday.toFormat("ccc yyyy-MM-dd HH:mm"));
    // The Tuesday a week later exists, and every following week has exactly one Tuesday.
    expect(days[2]).toBe(tuesday.plus({ weeks: 1 }).toFormat("ccc yyyy-MM-dd HH:mm"));
    for (let i = 2; i < after.length; i++) {
      expect(after[i].startsAt.getTime() - after[i - 1].startsAt.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
      expect(after[i].startsAt.getTime() - after[i - 1].startsAt.getTime()).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
    }
    // ...up to the usual twelve weeks ahead: the last Tuesday before that horizon is there too.
    expect(after[after.length - 1].startsAt.getTime() + 7 * 86_400_000 + 3_600_000).toBeGreaterThan(horizonFrom(editedAt).getTime());
  });

  it("leave exactly the new rule's dates after the edit, for any move, frequency and zone", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FREQUENCIES),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 8, max: 90 }), // first occurrence, days from now: some series cross a clock change
        fc.integer({ min: 7, max: 22 }), // hours that no clock change skips or repeats
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 0, max: 4 }), // which occurrence is edited
        fc.integer({ min: -6, max: 6 }), // days it moves
        fc.integer({ min: 7, max: 22 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.constantFrom(30, 90, 150),
        async (frequency, zone, inDays, hour, minute, index, shift, newHour, newMinute, minutes) => {
          const first = DateTime.now().setZone(zone).plus({ days: inDays }).set({ hour, minute, second: 0, millisecond: 0 });
          const seriesId = await startSeries(frequency, zone, first, 60);
          const before = await occurrencesOf(seriesId);
          const target = before[Math.min(index, before.length - 1)];
          const newStart = DateTime.fromJSDate(target.startsAt, { zone }).plus({ days: shift }).set({ hour: newHour, minute: newMinute });
          const { after, editedAt } = await moveFollowing(seriesId, index, newStart, minutes);

          // Everything before the edited occurrence is untouched.
          const earlier = before.filter((r) => r.startsAt < target.startsAt);
          expect(after.slice(0, earlier.length).map((r) => [r.id, r.startsAt.getTime()])).toEqual(earlier.map((r) => [r.id, r.startsAt.getTime()]));

          // From the edit on: exactly the new rule's dates, in order, none missing or doubled.
          const moved = after.slice(earlier.length).map((r) => r.startsAt.getTime());
          const rule = seriesRuleText(frequency, newStart.toJSDate(), zone);
          const last = moved[moved.length - 1];
          const expected = [newStart.toMillis(), ...occurrencesBetween(rule, zone, 0, newStart.toJSDate(), new Date(last)).map((o) => o.startsAt.getTime())];
          expect(moved).toEqual(expected);
          // None of the existing occurrences was dropped, and the window reaches the usual horizon.
          expect(moved.length).toBeGreaterThanOrEqual(before.length - earlier.length);
          const nextAfterLast = occurrencesBetween(rule, zone, 0, new Date(last), new Date(last + 62 * 86_400_000))[0];
          expect(nextAfterLast.startsAt.getTime()).toBeGreaterThan(horizonFrom(editedAt).getTime());
          // All at the new local time, each lasting as long as the edit says.
          for (const row of after.slice(earlier.length)) {
            expect(DateTime.fromJSDate(row.startsAt, { zone }).toFormat("HH:mm")).toBe(newStart.toFormat("HH:mm"));
            expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(minutes * 60_000);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
