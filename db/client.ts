import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import type { Pool as PgPool, PoolClient } from "pg";
import { databaseAway, isConnectionError, isDroppedConnection, reportDatabaseLost, reportPoolFull, waitForDatabase } from "./availability";
import { acquireEmbeddedLock } from "./embedded-lock";
import { keptPlans } from "./pglite-plans";
import { afterStatement, noteStatement, trackingWrites } from "./content-version";
import { mayWait, READ_PATIENCE_MS } from "./patience";
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
  /** The PostgreSQL address the pool was opened on. */
  url?: string;
}

const store = globalThis as typeof globalThis & { __commonThreadDb?: Promise<DbHandle> };

/**
 * Drizzle's logger sees every statement as it is sent: it marks transactions that write what
 * visitors see (db/content-version.ts), and feeds the statement probe when that is on.
 */
function statementLogger() {
  const probe = statementProbeOn();
  return {
    logQuery(query: string, params: unknown[]) {
      noteStatement(query);
      if (probe) countingLogger.logQuery(query, params);
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

/** How long a fresh connection may take to be made, so an unreachable database fails fast. */
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * How long a request may wait its turn for a pooled connection when every one is busy. A busy
 * minute queues requests; that is not an outage, so the wait is longer than the connect
 * timeout and ends in "busy, try again", never in "the database is away".
 */
export const QUEUE_WAIT_MS = 15_000;

/**
 * A lock held elsewhere must not make a request hang: give up after a few seconds. Sent with
 * each new connection; through PgBouncer in transaction mode (DATABASE_POOLER=pgbouncer) a
 * connection is not ours to configure, so the pooler sets the same in its connect_query
 * (docs/operations.md).
 */
export const SESSION_TIMEOUTS = "-c lock_timeout=3000 -c statement_timeout=15000";

export function sessionSettings(): { options?: string } {
  return process.env.DATABASE_POOLER === "pgbouncer" ? {} : { options: SESSION_TIMEOUTS };
}

/** Opens a pool on PostgreSQL; `applicationName` names its connections in pg_stat_activity. */
export async function openPostgres(url: string, applicationName = "common-thread"): Promise<DbHandle> {
  const { Client, Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // The pool's own timeout bounds the wait in its queue; each connection it makes has its own,
  // shorter one, so only a fresh connection that fails says the database is away.
  class FreshClient extends Client {
    constructor(config?: ConstructorParameters<typeof Client>[0]) {
      super({ ...(typeof config === "object" ? config : { connectionString: config }), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: QUEUE_WAIT_MS,
    Client: FreshClient,
    application_name: applicationName,
    ...sessionSettings(),
  });
  // An idle connection the server drops (a restart, pg_terminate_backend) is an event on
  // the pool, not a crash: the pool discards it and the next query takes a fresh one.
  pool.on("error", (error) => {
    console.warn("[db] an idle connection was lost:", error.message);
    reportDatabaseLost(error);
  });
  // A connection checked out for a transaction can be lost between two statements; its
  // next statement fails (and the transaction is run again, or the caller answers "try
  // again"), but the event itself must not go unheard, or the process would crash on it.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.warn("[db] a connection in use was lost:", error.message));
    client.query = noteCommits(client.query.bind(client)) as typeof client.query;
  });
  pool.connect = waitingTurns(pool) as typeof pool.connect;
  pool.query = reportingCommits(retryReads(pool.query.bind(pool))) as typeof pool.query;
  const db = drizzle(pool, { schema, logger: statementLogger() }) as unknown as Db;
  // Committed writes are reported once, after whichever attempt of a transaction committed.
  db.transaction = retryUncommitted(db.transaction.bind(db));
  return { db: withCommitReports(db), kind: "postgres", close: () => pool.end(), url };
}

type Checkout = (error: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void;

/**
 * A request that finds every pooled connection busy waits its turn, up to QUEUE_WAIT_MS, and
 * asks for a look on a fresh connection (reportPoolFull; at most one at a time, about once a
 * second): a database frozen under connections already taken is then found away within the
 * connect timeout, as one that refuses new connections is. Once the database is away, waiting
 * requests are answered at once (a 503, or a page that waits for it) instead of queueing for
 * connections that will not come back; a connection that frees up for one of them afterwards
 * goes straight back to the pool.
 */
function waitingTurns(pool: PgPool) {
  const connect = pool.connect.bind(pool) as unknown as (callback: Checkout) => void;
  const checkout = (callback: Checkout) => {
    const queued = pool.totalCount >= (pool.options.max ?? 10) && pool.idleCount === 0;
    if (!queued) return connect(callback);
    let settled = false;
    reportPoolFull();
    const watch = setInterval(() => {
      if (!databaseAway()) return;
      settled = true;
      clearInterval(watch);
      callback(Object.assign(new Error("Connection abandoned: the database is not answering"), { code: "08006" }));
    }, 100);
    watch.unref?.();
    connect((error, client, done) => {
      clearInterval(watch);
      if (!settled) return callback(error, client, done);
      if (!error) done?.();
    });
  };
  return (callback?: Checkout) => {
    if (callback) return void checkout(callback);
    return new Promise<PoolClient>((resolve, reject) => checkout((error, client) => (error ? reject(error) : resolve(client!))));
  };
}

/**
 * Connects afresh, outside any pool, and runs `select 1`: resolves when the database
 * answers within the connect timeout (once to connect, once more to answer), rejects
 * otherwise. Tells a lost connection from a lost database.
 */
export async function postgresAnswers(url: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: CONNECT_TIMEOUT_MS,
    application_name: "common-thread-check",
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    void client.end().catch(() => undefined);
  }
}

/** Tries on a dropped connection at most this many times in all. */
const ATTEMPTS = 4;

/** A moment, longer each time, for the pool to hear that its other connections went with the same one. */
const settle = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 25 * attempt));

/**
 * Queries outside a transaction go through pool.query, each on a connection of its own.
 * Every lost connection is reported, so the server can tell whether the database is away.
 * A read whose connection had been dropped is tried again on a fresh one, up to four times
 * in all (a restart or pg_terminate_backend drops every connection at once, and the pool
 * may hand out another dead one before it has heard). A read that found the database away
 * waits for it to come back and is tried again, within READ_PATIENCE_MS in all, unless it
 * runs `withoutWaiting` (the API, the health check), which fails at once with a 503. A
 * write is never repeated here, since it may have committed before the connection
 * dropped: its caller gets a "try again" answer instead.
 */
function retryReads(query: (...args: unknown[]) => Promise<unknown>) {
  return async (...args: unknown[]) => {
    const deadline = Date.now() + READ_PATIENCE_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await query(...args);
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        reportDatabaseLost(error);
        if (!isRead(args[0])) throw error;
        if (isDroppedConnection(error) && attempt < ATTEMPTS) {
          await settle(attempt);
          continue;
        }
        const patience = deadline - Date.now() - CONNECT_TIMEOUT_MS;
        if (!mayWait() || patience <= 0 || !databaseAway() || !(await waitForDatabase(patience))) throw error;
      }
    }
  };
}

/**
 * A transaction whose connection was dropped before its COMMIT was sent did not happen: the
 * server rolled it back when the connection went. So it is run again from the start on a
 * fresh connection, up to four times in all. One whose connection was lost during COMMIT
 * may or may not have committed, so it is never repeated: its caller answers "try again".
 * Transaction bodies only change the database (mail goes through the outbox table), so
 * running one again has no other effect.
 */
function retryUncommitted(transaction: Db["transaction"]): Db["transaction"] {
  return (async (work: Parameters<Db["transaction"]>[0], config?: Parameters<Db["transaction"]>[1]) => {
    for (let attempt = 1; ; attempt++) {
      const attemptState = { commitSent: false };
      try {
        return await transactions.run(attemptState, () => transaction(work, config));
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        if (attemptState.commitSent || attempt >= ATTEMPTS || !isDroppedConnection(error)) {
          reportDatabaseLost(error);
          throw error;
        }
        await settle(attempt);
      }
    }
  }) as Db["transaction"];
}

/** The transaction being tried in this async context, and whether its COMMIT went out. */
const transactions = new AsyncLocalStorage<{ commitSent: boolean }>();

/**
 * Notes on the transaction being tried whether its COMMIT was sent. A client that already
 * knows its connection is gone refuses a statement without sending it ("not queryable"):
 * a COMMIT refused that way certainly did not commit. The COMMIT waits one turn of the
 * event loop first, so a connection whose backend was ended while the transaction sat
 * between two statements is known to be gone by then, and the transaction can run again.
 */
function noteCommits(query: (...args: unknown[]) => Promise<unknown>) {
  return (...args: unknown[]) => {
    const attempt = transactions.getStore();
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: unknown } | null)?.text;
    if (!attempt || typeof text !== "string" || !/^\s*commit\s*;?\s*$/i.test(text)) return query(...args);
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      attempt.commitSent = true;
      const sent = query(...args);
      sent.catch((error: unknown) => {
        if (/not queryable/i.test(String((error as { message?: unknown })?.message))) attempt.commitSent = false;
      });
      return sent;
    });
  };
}

/**
 * Runs a single write whose repetition is harmless (it sets a value, or counts an attempt
 * where one count too many only makes a limit stricter) once more when its connection
 * was dropped under it.
 */
export async function repeatIfDropped<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isDroppedConnection(error) || attempt >= ATTEMPTS) throw error;
      await settle(attempt);
    }
  }
}

function isRead(statement: unknown): boolean {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*select\b/i.test(text) && !/\bfor\s+(update|share|no key update|key share)\b/i.test(text);
}

/**
 * The embedded PostgreSQL runs inside the server's own process, so its buffer pool is the
 * server's memory: PostgreSQL's default 128 MB of shared buffers kept an idle server near
 * 300 MB before the hub did anything. A hub small enough for the embedded database fits in
 * far less, and its files stay in the operating system's cache.
 */
const EMBEDDED_SETTINGS = ["-c", "shared_buffers=16MB"];

/**
 * Opens the embedded database in dataDir. `from`, a data folder saved with PGlite's
 * dumpDataDir(), starts an in-memory one as a copy of it instead of as a new, empty cluster
 * (the tests start each file from one migrated copy).
 */
export async function openEmbedded(dataDir: string, from?: Blob): Promise<DbHandle> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => undefined : acquireEmbeddedLock(dataDir);
  try {
    const pglite = await import("@electric-sql/pglite");
    const { PGlite } = pglite;
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir), {
      startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS],
      ...(from ? { loadDataDir: from } : {}),
    });
    // Statements outside a transaction go through client.query, with their plans kept
    // (db/pglite-plans.ts); a transaction's through its own object.
    client.query = reportingCommits(keptPlans(client, pglite)) as typeof client.query;
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
