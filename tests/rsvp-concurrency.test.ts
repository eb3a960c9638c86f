import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { __setCapacityGuardForTests, cancelRsvp, respondToActivity, TRY_AGAIN_MESSAGE, type RsvpResult } from "@/db/mutations/rsvps";
import { makeActivity, makeGroup, usingPostgres } from "./helpers/factories";
import { newMembers, racePool } from "./helpers/race-pool";

/*
 * The capacity guarantee under real concurrency. PGlite runs one session and cannot show
 * a race, so these run on PostgreSQL only, through a pool big enough that the answers
 * really do arrive at the same time.
 */

const race = racePool(() => __setCapacityGuardForTests(true));

async function snapshot(activityId: string) {
  // One statement, so the counters and the rows are read from the same snapshot.
  const { rows } = await race.pool.query(
    `select a.capacity, a.going_count, a.waitlist_count,
       (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'going') as going_rows,
       (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'waitlisted') as waiting_rows,
       (select count(*)::int from (select user_id from rsvps r where r.activity_id = a.id group by user_id having count(*) > 1) d) as doubled
     from activities a where a.id = $1`,
    [activityId],
  );
  return rows[0] as { capacity: number; going_count: number; waitlist_count: number; going_rows: number; waiting_rows: number; doubled: number };
}

async function waitlistInArrivalOrder(activityId: string): Promise<string[]> {
  const { rows } = await race.pool.query(`select user_id from rsvps where activity_id = $1 and status = 'waitlisted' order by waitlist_seq`, [activityId]);
  return rows.map((r) => r.user_id as string);
}


describe.skipIf(!usingPostgres())("RSVPs under concurrency (PostgreSQL)", () => {
  it("200 members answering at once for 50 places: exactly 50 go and 150 wait in arrival order, 20 times over", async () => {
    const people = await newMembers(200);
    const group = await makeGroup();
    for (let round = 0; round < 20; round++) {
      const activity = await makeActivity(group.id, { capacity: 50 });
      const answers = await Promise.all(people.map((p) => respondToActivity(race.db, { activityId: activity.id, userId: p.id, status: "going" })));
      expect(answers.filter((a) => !a.ok)).toEqual([]);
      const states = answers.map((a) => (a.ok ? a.state : null));
      expect(states.filter((s) => s?.status === "going")).toHaveLength(50);
      const positionOf = new Map(people.map((p, i) => [p.id, states[i]?.position]));
      const queue = await waitlistInArrivalOrder(activity.id);
      expect(queue.map((id) => positionOf.get(id))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      expect(await snapshot(activity.id)).toMatchObject({ going_count: 50, going_rows: 50, waitlist_count: 150, waiting_rows: 150 });
    }
  }, 180_000);

  it("without the row lock the same load oversells, so the test above can fail", async () => {
    const people = await newMembers(200);
    const group = await makeGroup();
    __setCapacityGuardForTests(false);
    try {
      let worst = 0;
      for (let round = 0; round < 5 && worst <= 50; round++) {
        const activity = await makeActivity(group.id, { capacity: 50 });
        await Promise.all(people.map((p) => respondToActivity(race.db, { activityId: activity.id, userId: p.id, status: "going" })));
        worst = Math.max(worst, (await snapshot(activity.id)).going_rows);
      }
      expect(worst).toBeGreaterThan(50);
    } finally {
      __setCapacityGuardForTests(true);
    }
  }, 120_000);

  it("ten identical answers at once from one member make one RSVP and ten identical answers", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 3 });
    const [member] = await newMembers(1);
    const answers = await Promise.all(Array.from({ length: 10 }, () => respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "going" })));
    expect(answers.map((a) => (a.ok ? a.state : a.code))).toEqual(Array.from({ length: 10 }, () => ({ status: "going" })));
    expect(answers.filter((a) => a.ok && a.changed)).toHaveLength(1);
    const { rows } = await race.pool.query(`select count(*)::int as n from rsvps where activity_id = $1`, [activity.id]);
    expect(rows[0].n).toBe(1);
    expect(await snapshot(activity.id)).toMatchObject({ going_count: 1, going_rows: 1 });
  });

  it("16 workers churning RSVPs and cancellations never break the counts or the capacity", async () => {
    const people = await newMembers(40);
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 7 });
    const violations: string[] = [];
    let steps = 0;
    let seed = 20261125;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const worker = async () => {
      for (let i = 0; i < 30; i++) {
        const member = people[Math.floor(random() * people.length)];
        const pick = random();
        const result: RsvpResult =
          pick < 0.55
            ? await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "going" })
            : pick < 0.7
              ? await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "maybe" })
              : pick < 0.85
                ? await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "not_going" })
                : await cancelRsvp(race.db, { activityId: activity.id, userId: member.id });
        if (!result.ok) violations.push(`answer failed: ${result.code}`);
        const s = await snapshot(activity.id);
        steps++;
        if (s.going_count !== s.going_rows) violations.push(`going count ${s.going_count} but ${s.going_rows} rows`);
        if (s.waitlist_count !== s.waiting_rows) violations.push(`waitlist count ${s.waitlist_count} but ${s.waiting_rows} rows`);
        if (s.going_rows > s.capacity) violations.push(`${s.going_rows} going over capacity ${s.capacity}`);
        if (s.doubled > 0) violations.push("a member has two RSVPs");
        if (s.waiting_rows > 0 && s.going_rows < s.capacity) violations.push("someone waits while a place is free");
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(steps).toBe(16 * 30);
    expect(violations).toEqual([]);
  }, 120_000);

  it("a lock held elsewhere makes an RSVP fail fast with a kind 'please try again'", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 5 });
    const [member] = await newMembers(1);
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("select id from activities where id = $1 for update", [activity.id]);
      const started = Date.now();
      const result = await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "going" });
      const took = Date.now() - started;
      expect(result).toEqual({ ok: false, code: "try_again", message: TRY_AGAIN_MESSAGE() });
      expect(took).toBeGreaterThan(2_500);
      expect(took).toBeLessThan(6_000);
    } finally {
      await holder.query("rollback");
      await holder.end();
    }
    expect(await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "going" })).toMatchObject({ ok: true, state: { status: "going" } });
  });
});
