import { describe, expect, it } from "vitest";
import { adoptGuestRsvps, cancelGuestRsvp, confirmGuestRsvp, releaseExpiredGuestHolds, requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { __setCapacityGuardForTests, cancelRsvp, respondToActivity } from "@/db/mutations/rsvps";
import { makeActivity, makeGroup, makeUser, usingPostgres } from "./helpers/factories";
import { newMembers, racePool } from "./helpers/race-pool";

/*
 * Members and guests answering at once share one capacity and one line. PGlite runs one session
 * and cannot show a race, so these run on PostgreSQL only, through a pool big enough that the
 * answers really arrive together.
 */

const race = racePool(() => __setCapacityGuardForTests(true));

/** Counters and rows of both kinds, read in one statement (one snapshot). */
async function snapshot(activityId: string) {
  const { rows } = await race.pool.query(
    `select a.capacity, a.going_count, a.waitlist_count,
       (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'going') +
       (select count(*)::int from guest_rsvps g where g.activity_id = a.id and g.status = 'going') as going_rows,
       (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'waitlisted') +
       (select count(*)::int from guest_rsvps g where g.activity_id = a.id and g.status = 'waitlisted') as waiting_rows,
       (select count(distinct s)::int from (select waitlist_seq s from rsvps where activity_id = a.id and status = 'waitlisted'
          union all select waitlist_seq from guest_rsvps where activity_id = a.id and status = 'waitlisted') q) as distinct_seqs
     from activities a where a.id = $1`,
    [activityId],
  );
  return rows[0] as { capacity: number; going_count: number; waitlist_count: number; going_rows: number; waiting_rows: number; distinct_seqs: number };
}

async function confirmLinkFor(address: string): Promise<string> {
  const { rows } = await race.pool.query(`select body_text from email_outbox where to_address = $1 and type = 'guest_confirm' order by created_at desc limit 1`, [address]);
  return (rows[0].body_text as string).match(/\/guest\/confirm\/([A-Za-z0-9_.-]+)/)![1];
}

async function manageLinkFor(address: string): Promise<string> {
  const { rows } = await race.pool.query(`select body_text from email_outbox where to_address = $1 and body_text like '%/guest/manage/%' order by created_at desc limit 1`, [address]);
  return (rows[0].body_text as string).match(/\/guest\/manage\/([A-Za-z0-9_.-]+)/)![1];
}

let run = 0;


describe.skipIf(!usingPostgres())("guest RSVPs under concurrency (PostgreSQL)", () => {
  it("100 members and 100 guests answering at once for 50 places: exactly 50 places taken, 150 in one line, 5 times over", async () => {
    const people = await newMembers(100);
    const group = await makeGroup();
    for (let round = 0; round < 5; round++) {
      const activity = await makeActivity(group.id, { capacity: 50 });
      const tag = `${Date.now()}-${++run}`;
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 2 === 0
            ? respondToActivity(race.db, { activityId: activity.id, userId: people[i / 2].id, status: "going" })
            : requestGuestRsvp(race.db, { activityId: activity.id, email: `crowd-${tag}-${i}@example.org`, firstName: `Guest ${i}` }),
        ),
      );
      expect(answers.filter((a) => !a.ok)).toEqual([]);
      const s = await snapshot(activity.id);
      expect(s).toMatchObject({ going_count: 50, going_rows: 50, waitlist_count: 150, waiting_rows: 150, distinct_seqs: 150 });
    }
  }, 240_000);

  it("without the row lock the same mixed load oversells, so the test above can fail", async () => {
    const people = await newMembers(100);
    const group = await makeGroup();
    __setCapacityGuardForTests(false);
    try {
      let worst = 0;
      for (let round = 0; round < 5 && worst <= 50; round++) {
        const activity = await makeActivity(group.id, { capacity: 50 });
        const tag = `${Date.now()}-${++run}`;
        await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            i % 2 === 0
              ? respondToActivity(race.db, { activityId: activity.id, userId: people[i / 2].id, status: "going" })
              : requestGuestRsvp(race.db, { activityId: activity.id, email: `race-${tag}-${i}@example.org`, firstName: "Racer" }),
          ),
        );
        worst = Math.max(worst, (await snapshot(activity.id)).going_rows);
      }
      expect(worst).toBeGreaterThan(50);
    } finally {
      __setCapacityGuardForTests(true);
    }
  }, 120_000);

  it("guests confirming, cancelling and expiring while members come and go never break the counts or the capacity", async () => {
    const people = await newMembers(20);
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 6 });
    const tag = `${Date.now()}-${++run}`;
    const guests = Array.from({ length: 20 }, (_, i) => `churn-${tag}-${i}@example.org`);
    await Promise.all(guests.map((email, i) => requestGuestRsvp(race.db, { activityId: activity.id, email, firstName: `G${i}` })));
    const violations: string[] = [];
    let seed = 20261206;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const check = async () => {
      const s = await snapshot(activity.id);
      if (s.going_count !== s.going_rows) violations.push(`going count ${s.going_count} but ${s.going_rows} rows`);
      if (s.waitlist_count !== s.waiting_rows) violations.push(`waitlist count ${s.waitlist_count} but ${s.waiting_rows} rows`);
      if (s.going_rows > s.capacity) violations.push(`${s.going_rows} going over capacity ${s.capacity}`);
      if (s.waiting_rows > 0 && s.going_rows < s.capacity) violations.push("someone waits while a place is free");
    };
    const worker = async (w: number) => {
      for (let i = 0; i < 15; i++) {
        const pick = random();
        const member = people[Math.floor(random() * people.length)];
        const guest = guests[Math.floor(random() * guests.length)];
        if (pick < 0.3) await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "going" });
        else if (pick < 0.45) await cancelRsvp(race.db, { activityId: activity.id, userId: member.id });
        else if (pick < 0.65) await requestGuestRsvp(race.db, { activityId: activity.id, email: guest, firstName: `G${w}` });
        else if (pick < 0.8) await confirmGuestRsvp(race.db, await confirmLinkFor(guest).catch(() => "none.none"));
        else if (pick < 0.9) await cancelGuestRsvp(race.db, await manageLinkFor(guest).catch(() => "none.none"));
        else await releaseExpiredGuestHolds(race.db, new Date(Date.now() + 31 * 60_000));
        await check();
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
    expect(violations).toEqual([]);
  }, 180_000);

  it("adopting a guest's place while others answer keeps the capacity", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 3 });
    const tag = `${Date.now()}-${++run}`;
    const address = `adopt-${tag}@example.org`;
    const member = await makeUser({ email: address });
    await respondToActivity(race.db, { activityId: activity.id, userId: member.id, status: "going" });
    await requestGuestRsvp(race.db, { activityId: activity.id, email: address, firstName: "Me" });
    await confirmGuestRsvp(race.db, await confirmLinkFor(address));
    const others = await newMembers(10);
    await Promise.all([adoptGuestRsvps(member.id, address, race.db), ...others.map((o) => respondToActivity(race.db, { activityId: activity.id, userId: o.id, status: "going" }))]);
    const s = await snapshot(activity.id);
    expect(s).toMatchObject({ going_count: 3, going_rows: 3, waitlist_count: 8, waiting_rows: 8 });
  }, 60_000);
});
