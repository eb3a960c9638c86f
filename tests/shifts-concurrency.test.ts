import { sessionSettings } from "@/db/client";
import { drizzle } from "drizzle-orm/node-postgres";
import { DateTime } from "luxon";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { __setCapacityGuardForTests } from "@/db/mutations/rsvps";
import { leaveSlot, setActivitySlots, takeSlot, type SlotResult } from "@/db/mutations/slots";
import * as schema from "@/db/schema";
import { parseSlotLines } from "@/lib/validation/slots";
import { addMember, makeActivity, makeGroup, makeUser, usingPostgres } from "./helpers/factories";

/*
 * A full time slot is never over-filled under real concurrency. PGlite runs one session and
 * cannot show a race, so these run on PostgreSQL only, through a pool big enough that the
 * answers really do arrive at the same time.
 */

let pool: Pool;
let db: Db;

beforeAll(() => {
  if (!usingPostgres()) return;
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 40, ...sessionSettings() });
  db = drizzle(pool, { schema }) as unknown as Db;
});

afterAll(async () => {
  __setCapacityGuardForTests(true);
  await pool?.end();
});

async function slottedDay(lines: string) {
  const group = await makeGroup();
  const organizer = await makeUser();
  await addMember(group.id, organizer.id, "organizer");
  const day = DateTime.now().setZone("Europe/London").plus({ days: 2 }).startOf("day");
  const activity = await makeActivity(group.id, { timezone: "Europe/London", startsAt: day.set({ hour: 9 }).toJSDate(), endsAt: day.set({ hour: 15 }).toJSDate() });
  const parsed = parseSlotLines(lines, activity);
  if (!parsed.ok) throw new Error(parsed.message);
  expect((await setActivitySlots({ activityId: activity.id, actorId: organizer.id, slots: parsed.slots })).ok).toBe(true);
  const { rows } = await pool.query(`select id from activity_slots where activity_id = $1 order by starts_at`, [activity.id]);
  return { group, activity, slotIds: rows.map((r) => r.id as string) };
}

async function members(groupId: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = await makeUser();
    await addMember(groupId, u.id);
    out.push(u);
  }
  return out;
}

/** The slot's counters beside its rows, and the activity's beside its RSVPs, in one snapshot. */
async function snapshot(activityId: string, slotId: string) {
  const { rows } = await pool.query(
    `select s.capacity, s.going_count, s.waitlist_count,
       (select count(*)::int from slot_signups x where x.slot_id = s.id and x.status = 'going') as going_rows,
       (select count(*)::int from slot_signups x where x.slot_id = s.id and x.status = 'waitlisted') as waiting_rows,
       a.going_count as activity_going,
       (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'going') as activity_going_rows,
       (select count(distinct user_id)::int from slot_signups x where x.activity_id = a.id and x.status = 'going') as holding_a_slot
     from activity_slots s join activities a on a.id = s.activity_id where s.id = $2 and a.id = $1`,
    [activityId, slotId],
  );
  return rows[0] as Record<string, number>;
}

describe.skipIf(!usingPostgres())("time slots under concurrency (PostgreSQL)", () => {
  it("30 members racing for a 5-place slot: exactly 5 go and 25 wait in arrival order, counters exact", async () => {
    const { group, activity, slotIds } = await slottedDay("09:00-11:00 5\n11:00-13:00 5");
    const people = await members(group.id, 30);
    for (let round = 0; round < 3; round++) {
      const { activity: a, slotIds: ids } = round === 0 ? { activity, slotIds } : await slottedDay("09:00-11:00 5");
      const answers = await Promise.all(people.map((p) => takeSlot(db, { activityId: a.id, slotId: ids[0], userId: p.id })));
      expect(answers.filter((x) => !x.ok)).toEqual([]);
      const states = answers.map((x) => (x.ok ? x.state : null));
      expect(states.filter((s) => s?.status === "going")).toHaveLength(5);
      const positionOf = new Map(people.map((p, i) => [p.id, states[i]?.position]));
      const { rows } = await pool.query(`select user_id from slot_signups where slot_id = $1 and status = 'waitlisted' order by waitlist_seq`, [ids[0]]);
      expect(rows.map((r) => positionOf.get(r.user_id))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(await snapshot(a.id, ids[0])).toMatchObject({ going_count: 5, going_rows: 5, waitlist_count: 25, waiting_rows: 25, activity_going: 5, activity_going_rows: 5, holding_a_slot: 5 });
    }
  }, 120_000);

  it("without the activity row lock the same race over-fills the slot, so the test above can fail", async () => {
    __setCapacityGuardForTests(false);
    try {
      let worst = 0;
      for (let round = 0; round < 6 && worst <= 5; round++) {
        const { group, activity, slotIds } = await slottedDay("09:00-11:00 5");
        const people = await members(group.id, 30);
        await Promise.all(people.map((p) => takeSlot(db, { activityId: activity.id, slotId: slotIds[0], userId: p.id })));
        worst = Math.max(worst, (await snapshot(activity.id, slotIds[0])).going_rows);
      }
      expect(worst).toBeGreaterThan(5);
    } finally {
      __setCapacityGuardForTests(true);
    }
  }, 120_000);

  it("members taking and leaving two slots at once never break a slot's limit or the counts", async () => {
    const { group, activity, slotIds } = await slottedDay("09:00-11:00 3\n11:00-13:00 2");
    const people = await members(group.id, 16);
    let seed = 20261206;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const violations: string[] = [];
    const worker = async () => {
      for (let i = 0; i < 20; i++) {
        const member = people[Math.floor(random() * people.length)];
        const slotId = slotIds[Math.floor(random() * slotIds.length)];
        const result: SlotResult = random() < 0.6 ? await takeSlot(db, { activityId: activity.id, slotId, userId: member.id }) : await leaveSlot(db, { activityId: activity.id, slotId, userId: member.id });
        if (!result.ok && result.code !== "try_again") violations.push(result.message);
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    expect(violations).toEqual([]);
    for (const [i, slotId] of slotIds.entries()) {
      const s = await snapshot(activity.id, slotId);
      expect(s.going_count).toBe(s.going_rows);
      expect(s.waitlist_count).toBe(s.waiting_rows);
      expect(s.going_rows).toBeLessThanOrEqual([3, 2][i]);
      // A slot with a free place has nobody waiting for it: every freed place went to the line at once.
      if (s.going_rows < [3, 2][i]) expect(s.waiting_rows).toBe(0);
      expect(s.activity_going).toBe(s.activity_going_rows);
      expect(s.activity_going_rows).toBe(s.holding_a_slot);
    }
  }, 120_000);
});
