import "server-only";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireEmbeddedLock } from "./embedded-lock";

/*
 * The one place that opens the database. With DATABASE_URL set it is PostgreSQL through
 * `pg`; otherwise the embedded PGlite under PGLITE_DATA_DIR (default .data/pglite).
 * The handle lives on globalThis so that every module instance in this process (Next
 * bundles instrumentation, pages and route handlers separately) shares one PGlite.
 */

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
}

const store = globalThis as typeof globalThis & { __commonThreadDb?: Promise<DbHandle> };

export function embeddedDataDir(): string {
  return process.env.PGLITE_DATA_DIR || path.join(process.cwd(), ".data", "pglite");
}

async function openPostgres(url: string): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // A lock held elsewhere must not make a request hang: give up after a few seconds.
    options: "-c lock_timeout=3000 -c statement_timeout=15000",
  });
  return { db: drizzle(pool, { schema }) as unknown as Db, kind: "postgres", close: () => pool.end() };
}

async function openEmbedded(dataDir: string): Promise<DbHandle> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => undefined : acquireEmbeddedLock(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens the database for this process on first use; later calls share the same handle. */
export function getDbHandle(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is never opened while building; pages that read it must render dynamically.");
  }
  if (!store.__commonThreadDb) {
    const url = process.env.DATABASE_URL;
    const opening = url ? openPostgres(url) : openEmbedded(embeddedDataDir());
    store.__commonThreadDb = opening;
    opening.catch(() => {
      if (store.__commonThreadDb === opening) store.__commonThreadDb = undefined;
    });
  }
  return store.__commonThreadDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Uses an already opened handle for this process (tests and scripts). */
export function useDbHandle(handle: DbHandle): void {
  store.__commonThreadDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const current = store.__commonThreadDb;
  store.__commonThreadDb = undefined;
  if (current) await (await current).close();
}
