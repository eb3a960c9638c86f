import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { DATABASE_AWAY, onDatabaseLost, reasonOf, setDatabaseStatus } from "./availability";
import { getDbHandle } from "./client";
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
  // Recurring series keep about twelve weeks of occurrences ahead; a server that was
  // stopped for a while catches up here. A failure is logged, never fatal to start-up.
  const { extendAllSeries } = await import("./mutations/series");
  await extendAllSeries().catch((error: unknown) => console.error("[series] could not extend series at start", error));
}

let retrying: Promise<void> | undefined;

/**
 * Tries `attempt` until it succeeds, waiting a little longer each time (up to two seconds),
 * while the server answers "we'll be back shortly". Only one loop runs at a time.
 */
function keepTrying(attempt: () => Promise<void>): Promise<void> {
  retrying ??= (async () => {
    for (let delay = 250; ; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      await sleep(delay);
      try {
        await attempt();
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

/**
 * Called once when the server starts (instrumentation.ts): opens the database, applies
 * migrations and, on the embedded database, seeds the demo town when it is empty. Never
 * runs while building.
 *
 * On PostgreSQL an unreachable database does not stop the server: it starts answering
 * "we'll be back shortly" (503) and keeps trying in the background with back-off, then
 * serves as normal as soon as the database answers, without a restart. A connection lost
 * later is looked for again the same way.
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
  onDatabaseLost(() => void keepTrying(ping));
  try {
    await bootOnce();
    setDatabaseStatus("ready");
  } catch (error) {
    setDatabaseStatus("unavailable", reasonOf(error));
    console.error(`[db] ${DATABASE_AWAY} Retrying in the background.`, error);
    void keepTrying(bootOnce);
  }
}
