import { describe, expect, it } from "vitest";
import { __setClaimGuardForTests, ALL_PLACES_TAKEN, assignTask, claimTask, releaseTask, unassignTask, type TaskResult } from "@/db/mutations/task-claims";
import { addMember, makeGroup, makeProject, makeTask, makeUser, usingPostgres } from "./helpers/factories";
import { newMembers, racePool } from "./helpers/race-pool";

/*
 * The task-claim guarantee under real concurrency: claims never exceed places. PGlite runs
 * one session and cannot show a race, so these run on PostgreSQL only, through a pool big
 * enough that the claims really do arrive at the same time.
 */

const race = racePool(() => __setClaimGuardForTests(true));

async function snapshot(taskId: string) {
  // One statement, so the counter and the rows are read from the same snapshot.
  const { rows } = await race.pool.query(
    `select t.places_needed, t.claimed_count,
       (select count(*)::int from task_claims c where c.task_id = t.id) as claim_rows
     from tasks t where t.id = $1`,
    [taskId],
  );
  return rows[0] as { places_needed: number; claimed_count: number; claim_rows: number };
}


describe.skipIf(!usingPostgres())("task claims under concurrency (PostgreSQL)", () => {
  it("50 members claiming a 3-place task at once: exactly 3 claims and 47 'all places are taken', 20 times over", async () => {
    const group = await makeGroup();
    const people = await newMembers(50, group.id);
    const project = await makeProject(group.id);
    for (let round = 0; round < 20; round++) {
      const task = await makeTask(project.id, { placesNeeded: 3 });
      const answers = await Promise.all(people.map((p) => claimTask(race.db, { taskId: task.id, actor: p })));
      const claimed = answers.filter((a) => a.ok && a.changed && a.claim.status === "claimed");
      const full = answers.filter((a) => !a.ok && a.code === "full");
      expect(claimed).toHaveLength(3);
      expect(full).toHaveLength(47);
      expect(full.every((a) => !a.ok && a.message === ALL_PLACES_TAKEN())).toBe(true);
      expect(await snapshot(task.id)).toEqual({ places_needed: 3, claimed_count: 3, claim_rows: 3 });
    }
  }, 180_000);

  it("without the task row lock the same load over-claims, so the test above can fail", async () => {
    const group = await makeGroup();
    const people = await newMembers(50, group.id);
    const project = await makeProject(group.id);
    __setClaimGuardForTests(false);
    try {
      let worst = 0;
      for (let round = 0; round < 10 && worst <= 3; round++) {
        const task = await makeTask(project.id, { placesNeeded: 3 });
        await Promise.all(people.map((p) => claimTask(race.db, { taskId: task.id, actor: p })));
        worst = Math.max(worst, (await snapshot(task.id)).claim_rows);
      }
      expect(worst).toBeGreaterThan(3);
    } finally {
      __setClaimGuardForTests(true);
    }
  }, 120_000);

  it("one member claiming twice at once gets one claim, and both answers say they have the place", async () => {
    const group = await makeGroup();
    const [member] = await newMembers(1, group.id);
    const project = await makeProject(group.id);
    for (let round = 0; round < 5; round++) {
      const task = await makeTask(project.id, { placesNeeded: 3 });
      const answers = await Promise.all(Array.from({ length: 10 }, () => claimTask(race.db, { taskId: task.id, actor: member })));
      expect(answers.map((a) => (a.ok ? a.claim.status : a.code))).toEqual(Array.from({ length: 10 }, () => "claimed"));
      expect(answers.filter((a) => a.ok && a.changed)).toHaveLength(1);
      expect(await snapshot(task.id)).toEqual({ places_needed: 3, claimed_count: 1, claim_rows: 1 });
    }
  });

  it("16 workers churning claims, releases and assignments keep claimed_count equal to the claims and within places", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const people = await newMembers(30, group.id);
    const project = await makeProject(group.id);
    const task = await makeTask(project.id, { placesNeeded: 5 });
    const violations: string[] = [];
    let steps = 0;
    let seed = 20261202;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const worker = async () => {
      for (let i = 0; i < 30; i++) {
        const member = people[Math.floor(random() * people.length)];
        const pick = random();
        const result: TaskResult =
          pick < 0.45
            ? await claimTask(race.db, { taskId: task.id, actor: member })
            : pick < 0.7
              ? await releaseTask(race.db, { taskId: task.id, actor: member })
              : pick < 0.85
                ? await assignTask(race.db, { taskId: task.id, actor: organizer, userId: member.id })
                : await unassignTask(race.db, { taskId: task.id, actor: organizer, userId: member.id });
        if (!result.ok && result.code !== "full") violations.push(`answer failed: ${result.code} ${result.message}`);
        const s = await snapshot(task.id);
        steps++;
        if (s.claimed_count !== s.claim_rows) violations.push(`claimed_count ${s.claimed_count} but ${s.claim_rows} claims`);
        if (s.claim_rows > s.places_needed) violations.push(`${s.claim_rows} claims over ${s.places_needed} places`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(steps).toBe(16 * 30);
    expect(violations).toEqual([]);
    const s = await snapshot(task.id);
    expect(s.claimed_count).toBe(s.claim_rows);
  }, 120_000);
});
