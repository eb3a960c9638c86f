import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { scheduledJobs } from "../schema";

/*
 * The job runner: everything that happens later or in the background (sending email, the
 * day-before reminders, housekeeping) is a recurring job registered here. It is a small
 * claim loop on the database, the same on PGlite and PostgreSQL: each job has one row in
 * `scheduled_jobs`; an instance takes a due row with `SELECT … FOR UPDATE SKIP LOCKED`, moves
 * its next run forward and sets a lease in the same short transaction, then runs the job
 * outside any transaction. Another instance skips the locked row and then sees it is not due,
 * so each run happens on one instance. The lease is short and renewed every third of it while
 * the run goes on, so a long run keeps its job while a run that died (a crash, a killed
 * instance) frees it within the lease, after which the job runs again; jobs are therefore
 * written to be safe to repeat (unique keys, not flags).
 */

/** How long a run holds its job without renewing the lease: how soon a crashed run's job is taken up again. */
export const JOB_LEASE_MS = 30_000;

export interface JobContext {
  /** Aborted when the runner stops; long jobs should check it between pieces of work. */
  signal: AbortSignal;
}

export interface JobDefinition {
  /** Unique, stable name, e.g. `email.send`. */
  name: string;
  /** How often the job runs (the next run is due this long after a run starts). */
  everyMs: number;
  /**
   * The run's lease: how long another instance waits before starting the job again if this
   * run stops renewing it (it is renewed every third of it while the run goes on). Default 30 s.
   */
  timeoutMs?: number;
  run: (ctx: JobContext) => Promise<void>;
}

const store = globalThis as typeof globalThis & { __commonThreadJobs?: Map<string, JobDefinition> };
const registry = () => (store.__commonThreadJobs ??= new Map());

/**
 * Registers a recurring job. Call it at module load from `db/jobs/catalog.ts` (which the
 * runner imports before it starts); registering a name again replaces the definition.
 *
 * @example
 * registerJob({ name: "checkins.nudge", everyMs: 15 * 60_000, run: async () => { await nudgeMissedCheckIns(); } });
 */
export function registerJob(job: JobDefinition): void {
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(job.name)) throw new Error(`Job name "${job.name}" must be lower-case letters, digits, dots, dashes or underscores.`);
  if (!(job.everyMs >= 1000)) throw new Error(`Job "${job.name}" must run at most once a second.`);
  registry().set(job.name, job);
}

export function registeredJobs(): JobDefinition[] {
  return [...registry().values()];
}

const leaseOf = (job: JobDefinition) => job.timeoutMs ?? JOB_LEASE_MS;

/**
 * Renews `job`'s lease every third of it until the returned function is called; that function
 * resolves once no renewal is in flight, so the run's release is never overwritten by one.
 */
function holdLease(db: Db, job: JobDefinition): () => Promise<void> {
  const leaseMs = leaseOf(job);
  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewal = renewal
      .then(() => db.update(scheduledJobs).set({ lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` }).where(eq(scheduledJobs.name, job.name)))
      .catch((e: unknown) => console.warn(`[jobs] could not renew the lease of ${job.name}:`, e instanceof Error ? e.message : e));
  }, Math.max(100, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await renewal;
  };
}

/** Takes one due job among `names` for this instance, or null when none is due (or another instance holds it). */
async function claimDueJob(db: Db, names: string[], jobs: Map<string, JobDefinition>): Promise<JobDefinition | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ name: scheduledJobs.name })
      .from(scheduledJobs)
      .where(
        and(
          inArray(scheduledJobs.name, names),
          lte(scheduledJobs.nextRunAt, sql`now()`),
          or(isNull(scheduledJobs.lockedUntil), lte(scheduledJobs.lockedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(scheduledJobs.nextRunAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    const job = jobs.get(row.name)!;
    await tx
      .update(scheduledJobs)
      .set({
        nextRunAt: sql`now() + ${`${job.everyMs} milliseconds`}::interval`,
        lockedUntil: sql`now() + ${`${leaseOf(job)} milliseconds`}::interval`,
        lastStartedAt: sql`now()`,
        runs: sql`${scheduledJobs.runs} + 1`,
      })
      .where(eq(scheduledJobs.name, row.name));
    return job;
  });
}

/**
 * One pass of the runner: runs every registered job that is due, each at most once, one
 * after another. Returns the names it ran. Exposed for tests and for a one-off run.
 */
export async function runDueJobs(options: { db?: Db; jobs?: JobDefinition[]; signal?: AbortSignal } = {}): Promise<string[]> {
  const db = options.db ?? (await getDb());
  const jobs = new Map((options.jobs ?? registeredJobs()).map((j) => [j.name, j]));
  if (jobs.size === 0) return [];
  await db
    .insert(scheduledJobs)
    .values([...jobs.keys()].map((name) => ({ name })))
    .onConflictDoNothing({ target: scheduledJobs.name });
  const ran: string[] = [];
  const signal = options.signal ?? new AbortController().signal;
  let remaining = [...jobs.keys()];
  while (remaining.length > 0 && !signal.aborted) {
    const job = await claimDueJob(db, remaining, jobs);
    if (!job) break;
    remaining = remaining.filter((n) => n !== job.name);
    let error: string | null = null;
    const release = holdLease(db, job);
    try {
      await job.run({ signal });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      console.error(`[jobs] ${job.name} failed`, e);
    } finally {
      await release();
    }
    await db
      .update(scheduledJobs)
      .set({ lockedUntil: null, lastFinishedAt: sql`now()`, lastError: error })
      .where(eq(scheduledJobs.name, job.name));
    ran.push(job.name);
  }
  return ran;
}

export interface RunningJobRunner {
  stop: () => Promise<void>;
}

const running = globalThis as typeof globalThis & { __commonThreadJobRunner?: RunningJobRunner };

/**
 * Starts the runner in this process: every `tickMs` it runs the due jobs. Started by
 * `instrumentation.ts` after the database boots, unless `JOBS=off`. Starting twice in one
 * process returns the running one.
 */
export function startJobRunner(options: { tickMs?: number; db?: Db; jobs?: JobDefinition[] } = {}): RunningJobRunner {
  if (running.__commonThreadJobRunner && !options.jobs) return running.__commonThreadJobRunner;
  const tickMs = options.tickMs ?? 1000;
  const controller = new AbortController();
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    current = runDueJobs({ db: options.db, jobs: options.jobs, signal: controller.signal })
      .catch((e: unknown) => console.error("[jobs] runner pass failed", e))
      .finally(() => {
        if (!controller.signal.aborted) schedule(tickMs);
      });
  };
  // unref: a pending tick never keeps a stopping process alive.
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  schedule(0);
  const runner: RunningJobRunner = {
    stop: async () => {
      controller.abort();
      if (timer) clearTimeout(timer);
      await current;
      if (running.__commonThreadJobRunner === runner) running.__commonThreadJobRunner = undefined;
    },
  };
  if (!options.jobs) running.__commonThreadJobRunner = runner;
  return runner;
}
