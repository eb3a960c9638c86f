import "server-only";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { isConnectionError, reportDatabaseLost } from "./availability";
import { acquireEmbeddedLock } from "./embedded-lock";
import { afterStatement, noteStatement, trackingWrites } from "./content-version";
import { countingLogger, statementProbeOn } from "./statement-probe";

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

/**
 * Drizzle's logger sees every statement as it is sent: it marks transactions that write what
 * visitors see (db/content-version.ts), and feeds the statement probe when that is on.
 */
function statementLogger() {
  const probe = statementProbeOn();
  return {
    logQuery(query: string) {
      noteStatement(query);
      if (probe) countingLogger.logQuery(query);
    },
  };
}

/**
 * Reports writes of visible content once they have committed: a transaction when it resolves,
 * a statement outside one (each its own commit) when the driver returns it.
 */
function withCommitReports(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) => trackingWrites(() => transaction(work, config))) as Db["transaction"];
  return db;
}

function reportingCommits<Q extends (...args: never[]) => Promise<unknown>>(query: Q): Q {
  return (async (...args: Parameters<Q>) => {
    const result = await query(...args);
    afterStatement(args[0]);
    return result;
  }) as Q;
}

export function embeddedDataDir(): string {
  return process.env.PGLITE_DATA_DIR || path.join(process.cwd(), ".data", "pglite");
}

/** How long to wait for a connection before giving up, so an unreachable database fails fast. */
const CONNECT_TIMEOUT_MS = 2_000;

/** Opens a pool on PostgreSQL; `applicationName` names its connections in pg_stat_activity. */
export async function openPostgres(url: string, applicationName = "common-thread"): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: applicationName,
    // A lock held elsewhere must not make a request hang: give up after a few seconds.
    options: "-c lock_timeout=3000 -c statement_timeout=15000",
  });
  // An idle connection the server drops (a restart, pg_terminate_backend) is an event on
  // the pool, not a crash: the pool discards it and the next query takes a fresh one.
  pool.on("error", (error) => {
    console.warn("[db] an idle connection was lost:", error.message);
    reportDatabaseLost(error);
  });
  // A connection checked out for a transaction can be lost between two statements; its
  // next statement fails (and the caller answers "try again"), but the event itself must
  // not go unheard, or the process would crash on it.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.warn("[db] a connection in use was lost:", error.message));
  });
  pool.query = reportingCommits(retryReadsOnce(pool.query.bind(pool))) as typeof pool.query;
  return { db: withCommitReports(drizzle(pool, { schema, logger: statementLogger() }) as unknown as Db), kind: "postgres", close: () => pool.end() };
}

/**
 * Queries outside a transaction go through pool.query, each on a connection of its own.
 * A read whose connection was lost is tried once more on a fresh one; a write is never
 * repeated, since it may have committed before the connection dropped: its caller gets a
 * "try again" answer instead. Either way the loss is reported, so the server can say it
 * is away while the database does not answer.
 */
function retryReadsOnce(query: (...args: unknown[]) => Promise<unknown>) {
  return async (...args: unknown[]) => {
    try {
      return await query(...args);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (!isRead(args[0])) {
        reportDatabaseLost(error);
        throw error;
      }
      try {
        return await query(...args);
      } catch (again) {
        if (isConnectionError(again)) reportDatabaseLost(again);
        throw again;
      }
    }
  };
}

function isRead(statement: unknown): boolean {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*select\b/i.test(text) && !/\bfor\s+(update|share|no key update|key share)\b/i.test(text);
}

async function openEmbedded(dataDir: string): Promise<DbHandle> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => undefined : acquireEmbeddedLock(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
    // Statements outside a transaction go through client.query; a transaction's through its own object.
    client.query = reportingCommits(client.query.bind(client)) as typeof client.query;
    return {
      db: withCommitReports(drizzle(client, { schema, logger: statementLogger() }) as unknown as Db),
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
