import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createActivity } from "@/db/mutations/activities";
import { respondToActivity } from "@/db/mutations/rsvps";
import { holdStandingPlace, skipOccurrence } from "@/db/mutations/standing-places";
import { activities, rsvps } from "@/db/schema";
import { activityInputSchema } from "@/lib/validation/activity";
import { addMember, makeGroup, makeUser, usingPostgres } from "./helpers/factories";

/*
 * Standing places take and give up places through the RSVP mutation, so the capacity
 * guarantee holds when members hold places, answer by hand and skip, all at once.
 */
describe.skipIf(!usingPostgres())("standing places under concurrency (PostgreSQL)", () => {
  it("never puts more people on an occurrence than it has places, and the counters stay true", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const day = DateTime.now().setZone("Europe/London").plus({ days: 1 }).toFormat("yyyy-MM-dd");
    const created = await createActivity(
      owner,
      group.id,
      activityInputSchema.parse({ kind: "walk", title: "Busy walk", startsLocal: `${day}T10:00`, endsLocal: `${day}T11:00`, timezone: "Europe/London", placeName: "Park", energyLevel: "low", talkLevel: "quiet", capacity: 4, repeat: "weekly" }),
    );
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const holders = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
    const direct = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
    const results = await Promise.all([
      ...holders.map((h) => holdStandingPlace(h, created.data.seriesId!)),
      ...direct.map((d) => respondToActivity(db, { activityId: created.data.id, userId: d.id, status: "going" })),
      ...holders.slice(0, 4).map((h) => skipOccurrence(h, created.data.id)),
    ]);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(24);

    type CountRow = { id: string; capacity: number; going_count: number; waitlist_count: number; going: number; waiting: number };
    const check = (await db.execute(sql`
      select a.id, a.capacity, a.going_count, a.waitlist_count,
        (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'going') as going,
        (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'waitlisted') as waiting
      from activities a where a.series_id = ${created.data.seriesId}`)) as unknown as { rows: CountRow[] };
    const counted = check.rows;
    expect(counted.length).toBeGreaterThanOrEqual(12);
    for (const row of counted) {
      expect(row.going).toBeLessThanOrEqual(row.capacity);
      expect(row.going_count).toBe(row.going);
      expect(row.waitlist_count).toBe(row.waiting);
    }
    // Every occurrence is full, with everyone else waiting in order.
    const [first] = await db.select().from(activities).where(eq(activities.id, created.data.id));
    expect(first.goingCount).toBe(4);
    const answered = await db.select().from(rsvps).where(eq(rsvps.activityId, created.data.id));
    expect(answered.filter((r) => r.status === "going" || r.status === "waitlisted").length).toBe(first.goingCount + first.waitlistCount);
  });
});
