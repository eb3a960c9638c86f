import "server-only";
import { env } from "@/lib/env";
import { getDbHandle } from "./client";
import { runMigrations } from "./migrate";

/**
 * Called once when the server starts (instrumentation.ts): opens the database, applies
 * migrations and, on the embedded database, seeds the demo town when it is empty.
 * Never runs while building.
 */
export async function bootDatabase(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
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
