import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { runDueJobs, startJobRunner, type JobDefinition } from "@/db/jobs/runner";
import { scheduledJobs } from "@/db/schema";
import { usingPostgres } from "./helpers/factories";
import { openSecondInstance } from "./helpers/second-instance";

const uniqueName = (base: string) => `test.${base}-${Math.random().toString(36).slice(2, 8)}`;

describe("job runner", () => {
  it("runs a due job once, then not again until its interval has passed", async () => {
    let runs = 0;
    const job: JobDefinition = { name: uniqueName("count"), everyMs: 60_000, run: async () => void runs++ };
    expect(await runDueJobs({ jobs: [job] })).toEqual([job.name]);
    expect(await runDueJobs({ jobs: [job] })).toEqual([]);
    expect(runs).toBe(1);
    const db = await getDb();
    await db.update(scheduledJobs).set({ nextRunAt: new Date(Date.now() - 1000) }).where(eq(scheduledJobs.name, job.name));
    await runDueJobs({ jobs: [job] });
    expect(runs).toBe(2);
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, job.name));
    expect(row).toMatchObject({ runs: 2, lockedUntil: null, lastError: null });
  });

  it("a failing job is recorded and does not stop the others", async () => {
    let ran = false;
    const bad: JobDefinition = { name: uniqueName("bad"), everyMs: 60_000, run: async () => { throw new Error("mail server on fire"); } };
    const good: JobDefinition = { name: uniqueName("good"), everyMs: 60_000, run: async () => void (ran = true) };
    const original = console.error;
    console.error = () => undefined;
    try {
      expect((await runDueJobs({ jobs: [bad, good] })).sort()).toEqual([bad.name, good.name].sort());
    } finally {
      console.error = original;
    }
    expect(ran).toBe(true);
    const db = await getDb();
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, bad.name));
    expect(row.lastError).toBe("mail server on fire");
  });

  it("a run that died holding its lease is started again once the lease has run out", async () => {
    let runs = 0;
    const job: JobDefinition = { name: uniqueName("lease"), everyMs: 1000, timeoutMs: 60_000, run: async () => void runs++ };
    const db = await getDb();
    await db.insert(scheduledJobs).values({ name: job.name, nextRunAt: new Date(Date.now() - 1000), lockedUntil: new Date(Date.now() + 60_000) });
    expect(await runDueJobs({ jobs: [job] })).toEqual([]);
    await db.update(scheduledJobs).set({ lockedUntil: new Date(Date.now() - 1) }).where(eq(scheduledJobs.name, job.name));
    expect(await runDueJobs({ jobs: [job] })).toEqual([job.name]);
    expect(runs).toBe(1);
  });

  it("a run that takes longer than its lease keeps renewing it: no other pass starts the job meanwhile", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const job: JobDefinition = {
      name: uniqueName("long"),
      everyMs: 1000,
      timeoutMs: 1000,
      run: async () => {
        runs++;
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 3500));
        running--;
      },
    };
    const long = runDueJobs({ jobs: [job] });
    // Once the long run has begun (the first pass must be the one that takes the job),
    // another instance polls all the while: the lease would have run out three times over.
    while (runs === 0) await new Promise((r) => setTimeout(r, 20));
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      await runDueJobs({ jobs: [job] });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await long).toEqual([job.name]);
    expect(runs).toBe(1);
    expect(most).toBe(1);
  });

  it("the started runner keeps running due jobs until stopped", async () => {
    let runs = 0;
    const job: JobDefinition = { name: uniqueName("loop"), everyMs: 1000, run: async () => void runs++ };
    const runner = startJobRunner({ tickMs: 100, jobs: [job] });
    await new Promise((r) => setTimeout(r, 2600));
    await runner.stop();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(2);
    expect(after).toBeLessThanOrEqual(4);
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toBe(after);
  });
});

describe.skipIf(!usingPostgres())("job runner with several instances (PostgreSQL)", () => {
  it("two instances polling the same jobs run each due run exactly once", async () => {
    const second = openSecondInstance();
    try {
      const counts = new Map<string, number>();
      const jobs: JobDefinition[] = Array.from({ length: 4 }, (_, i) => {
        const name = uniqueName(`race${i}`);
        return { name, everyMs: 60_000, run: async () => { counts.set(name, (counts.get(name) ?? 0) + 1); await new Promise((r) => setTimeout(r, 20)); } };
      });
      const first = await getDb();
      for (let round = 0; round < 10; round++) {
        await Promise.all([runDueJobs({ db: first, jobs }), runDueJobs({ db: second.db, jobs }), runDueJobs({ db: first, jobs }), runDueJobs({ db: second.db, jobs })]);
        for (const j of jobs) expect(counts.get(j.name)).toBe(round + 1);
        await first.update(scheduledJobs).set({ nextRunAt: new Date(Date.now() - 1000) });
      }
    } finally {
      await second.close();
    }
  });
});
