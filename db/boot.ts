import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { isDroppedConnection, isPoolFull, onDatabaseLost, reasonOf, setDatabaseStatus } from "./availability";
import { getDbHandle, postgresAnswers } from "./client";
import { withoutWaiting } from "./patience";
import { runMigrations } from "./migrate";

/** Longest wait between two attempts to reach the database, so it is found within seconds of returning. */
const MAX_BACKOFF_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the database, applies migrations and seeds the demo town when it should. */
async function bootOnce(): Promise<void> {
  const handle = await getDbHandle();
  await runMigrations(handle);
  const mode = env().SEED_DEMO;
  if (mode === "true" || (mode === "auto" && handle.kind === "pglite")) {
    const { seedDemoIfEmpty } = await import("./seed");
    await seedDemoIfEmpty(handle.db);
  }
  const { runDataUpgrades } = await import("./data-upgrades");
  await runDataUpgrades(handle.db);
  // Recurring series keep about twelve weeks of occurrences ahead; a server that was
  // stopped for a while catches up here. A failure is logged, never fatal to start-up.
  const { extendAllSeries } = await import("./mutations/series");
  await extendAllSeries().catch((error: unknown) => console.error("[series] could not extend series at start", error));
}

let retrying: Promise<void> | undefined;

/**
 * Tries `attempt` until it succeeds, waiting a little longer each time (up to two seconds),
 * while the server answers "we'll be back shortly". Only one loop runs at a time. Its reads
 * never wait for the database themselves: finding out whether it is back is their job.
 */
function keepTrying(attempt: () => Promise<void>): Promise<void> {
  retrying ??= (async () => {
    for (let delay = 250; ; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      await sleep(delay);
      try {
        await withoutWaiting(attempt);
        setDatabaseStatus("ready");
        console.info("[db] the database answers again");
        return;
      } catch (error) {
        setDatabaseStatus("unavailable", reasonOf(error));
      }
    }
  })().finally(() => {
    retrying = undefined;
  });
  return retrying;
}

/** Looks for a lost database again until it answers. */
async function ping(): Promise<void> {
  const handle = await getDbHandle();
  await handle.db.execute(sql`select 1`);
}

let checking: Promise<void> | undefined;

/** A full pool is looked into at most this often: a busy minute fills it again and again. */
const FULL_POOL_LOOK_MS = 1_000;
let lastFullPoolLook = 0;

/**
 * A connection could not be made: the database is away until it answers again. One was
 * dropped, or a request found every pooled connection taken: asks the database on a fresh
 * connection of its own (outside the pool, whose other connections may be lost too, frozen
 * or just busy), within the connect timeout. If it answers, the hub keeps serving (a dropped
 * connection has already left the pool); if not, the database is away until it answers again.
 */
function checkAfterLoss(url: string, error: unknown) {
  if (isPoolFull(error)) {
    if (checking || Date.now() - lastFullPoolLook < FULL_POOL_LOOK_MS) return;
    lastFullPoolLook = Date.now();
  } else if (!isDroppedConnection(error)) {
    setDatabaseStatus("unavailable", reasonOf(error));
    console.warn("[db] The database is not answering. Looking for it again.");
    void keepTrying(ping);
    return;
  }
  checking ??= postgresAnswers(url)
    .catch((error: unknown) => {
      setDatabaseStatus("unavailable", reasonOf(error));
      console.warn("[db] The database is not answering. Looking for it again.");
      void keepTrying(ping);
    })
    .finally(() => {
      checking = undefined;
    });
}

/**
 * Called once when the server starts (instrumentation.ts): opens the database, applies
 * migrations and, on the embedded database, seeds the demo town when it is empty. Never
 * runs while building.
 *
 * On PostgreSQL an unreachable database does not stop the server: it starts answering
 * "we'll be back shortly" (503) and keeps trying in the background with back-off, then
 * serves as normal as soon as the database answers, without a restart. A connection lost
 * later is checked at once on a fresh one; only when that fails too is the database
 * away and looked for again the same way.
 */
export async function bootDatabase(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  setDatabaseStatus("starting");
  if (!env().DATABASE_URL) {
    // The embedded database is a folder on this machine: a failure to open it will not
    // heal by waiting, so it stops the start with its message (e.g. the lock's holder).
    await bootOnce();
    setDatabaseStatus("ready");
    return;
  }
  const url = env().DATABASE_URL!;
  onDatabaseLost((error) => checkAfterLoss(url, error));
  try {
    await withoutWaiting(bootOnce);
    setDatabaseStatus("ready");
  } catch (error) {
    setDatabaseStatus("unavailable", reasonOf(error));
    console.error("[db] The database is not answering. Retrying in the background.", error);
    void keepTrying(bootOnce);
  }
}
