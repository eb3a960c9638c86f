import "server-only";
import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DbHandle } from "./client";
import type * as schema from "./schema";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Where migrations connect for a pool: DIRECT_DATABASE_URL for the hub's own database, else the pool's address. */
function directUrlOf(handle: DbHandle): string | undefined {
  const configured = process.env.DATABASE_URL;
  if (process.env.DIRECT_DATABASE_URL && (!handle.url || handle.url === configured)) return process.env.DIRECT_DATABASE_URL;
  return handle.url ?? configured;
}

/**
 * Applies the committed SQL migrations in db/migrations; applied ones are skipped.
 * On PostgreSQL several app instances may start at once, so the work is done on one
 * dedicated connection holding an advisory lock: the second instance waits, then finds
 * nothing left to apply. That lock belongs to a session, which a pooler in transaction mode
 * does not keep, so the connection goes straight to the database (DIRECT_DATABASE_URL).
 */
export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder });
    return;
  }
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new Client({ connectionString: directUrlOf(handle) });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(727274)");
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}
