import { say } from "@/lib/i18n/said";
/*
 * Whether this process can reach its database, kept on globalThis so every module instance
 * (instrumentation, the proxy, pages, route handlers) sees the same answer. It imports
 * nothing but the words it says, so the proxy can read it without opening anything.
 *
 * - "starting": the server has not finished its first start-up attempt.
 * - "ready": the database answered.
 * - "unavailable": it did not; `reason` says why and the server keeps trying by itself.
 */

export type DatabaseState = "starting" | "ready" | "unavailable";

export interface DatabaseStatus {
  state: DatabaseState;
  reason?: string;
  since: number;
}

type Store = typeof globalThis & {
  __commonThreadDbStatus?: DatabaseStatus;
  __commonThreadDbProbe?: (error: unknown) => void;
};

const store = globalThis as Store;

/** How long a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_AWAY = () => say("errors.refusals.availability.databaseAway");

export const HUB_BUSY = () => say("errors.refusals.availability.hubBusy");

export function databaseStatus(): DatabaseStatus | undefined {
  return store.__commonThreadDbStatus;
}

export function setDatabaseStatus(state: DatabaseState, reason?: string): void {
  const current = store.__commonThreadDbStatus;
  if (current?.state === state && current.reason === reason) return;
  store.__commonThreadDbStatus = { state, reason, since: Date.now() };
}

/** Resolves to true as soon as the database is not away, or to false after `ms`. */
export async function waitForDatabase(ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (databaseAway()) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, until - Date.now())));
  }
  return true;
}

/** Whether requests should be answered "try again shortly" instead of being served. */
export function databaseAway(): boolean {
  const state = store.__commonThreadDbStatus?.state;
  return state === "unavailable";
}

/**
 * The start-up code registers what to do when a connection is lost: find out whether the
 * database itself is gone, and if so mark it away and look for it again until it answers.
 */
export function onDatabaseLost(probe: (error: unknown) => void): void {
  store.__commonThreadDbProbe = probe;
}

/**
 * A query failed because the connection was lost or could not be made. A connection that
 * could not be made means the database is away (requests get a 503 page meanwhile); but
 * one dropped connection is not a lost database (a backend terminated by an administrator,
 * a restarted pooler), so the registered probe decides, checking on a fresh connection.
 * Without a probe the database is marked away at once.
 */
export function reportDatabaseLost(error: unknown): void {
  if (store.__commonThreadDbStatus?.state !== "ready") return;
  const probe = store.__commonThreadDbProbe;
  if (probe) probe(error);
  else setDatabaseStatus("unavailable", reasonOf(error));
}

/*
 * A request waiting its turn for a pooled connection is not an outage: a busy minute queues
 * requests, and only a connection that could not be made (or was dropped) says the database
 * is away. A request that has to queue asks the registered probe to look on a fresh
 * connection of its own (connections already taken may be frozen); a wait past the queue's
 * bound is "busy, try again", never "away".
 */

const POOL_FULL = "CT_POOL_FULL";

/** A request found every pooled connection taken: the probe looks on a fresh one whether the database still answers. */
export function reportPoolFull(): void {
  if (store.__commonThreadDbStatus?.state !== "ready") return;
  store.__commonThreadDbProbe?.(Object.assign(new Error("every pooled connection is taken"), { code: POOL_FULL }));
}

/** Whether `error` is the report of a full pool (see reportPoolFull). */
export function isPoolFull(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === POOL_FULL;
}

/**
 * Whether a request gave up waiting for a pooled connection (every one busy): the hub is busy,
 * the database is not away. Through PgBouncer, its own queue's wait running out
 * (query_wait_timeout) is the same thing one step further on.
 */
export function isPoolBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== "object") return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof message === "string" && /timeout exceeded when trying to connect/i.test(message)) return true;
    if (code === PGBOUNCER && typeof message === "string" && /query_wait_timeout|no more connections allowed/i.test(message)) return true;
  }
  return false;
}

/*
 * PgBouncer answers with SQLSTATE 08P01 and a FATAL for what happens behind it: the PostgreSQL
 * connection it had given us died under a statement ("server conn crashed?"), or it could not
 * open one ("cannot connect to server", "server login has been failing"). Either way our
 * connection to PgBouncer is closed, as a direct connection would be.
 */
const PGBOUNCER = "08P01";
const PGBOUNCER_DROPPED = /server conn crashed|server closed the connection unexpectedly/i;
const PGBOUNCER_UNREACHABLE = /cannot connect to server|server login has been failing|server_connect_timeout/i;

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01", // admin_shutdown: the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting or stopping
  "53300", // too_many_connections: the server refuses a new connection
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Whether an error (or what caused it) means the database could not be reached or the connection dropped. */
export function isConnectionError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== "object") return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (isNotAccepting(code, message)) return true;
    if (code === PGBOUNCER && typeof message === "string" && (PGBOUNCER_DROPPED.test(message) || PGBOUNCER_UNREACHABLE.test(message))) return true;
    // "timeout expired" is the driver's own connect timeout (a fresh connection that never answered).
    if (typeof message === "string" && (/Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(message) || message === "timeout expired")) {
      return true;
    }
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
  }
  return false;
}

/**
 * SQLSTATE 55000 (object_not_in_prerequisite_state) is a broad class; only its "database … is
 * not currently accepting connections" (ALTER DATABASE … ALLOW_CONNECTIONS false) means away.
 */
function isNotAccepting(code: unknown, message: unknown): boolean {
  return code === "55000" && typeof message === "string" && /not currently accepting connections/i.test(message);
}

/**
 * Whether an established connection was dropped under a statement (its backend terminated,
 * the socket closed), as opposed to a connection that could not be made at all. A pool may
 * hold several such connections at once, all gone with the same restart.
 */
export function isDroppedConnection(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== "object") return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "57P01" || code === "57P02" || code === "ECONNRESET" || code === "EPIPE") return true;
    if (code === PGBOUNCER && typeof message === "string" && PGBOUNCER_DROPPED.test(message)) return true;
    if (typeof message === "string" && /Connection terminated unexpectedly|terminating connection|Client has encountered a connection error/i.test(message)) return true;
  }
  return false;
}

/** A short reason for the health endpoint, naming no internals (the logs have the error). */
export function reasonOf(error: unknown): string {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AggregateError && e.errors[0]) return reasonOf(e.errors[0]);
    const { code } = e as { code?: unknown };
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || isNotAccepting(code, (e as { message?: unknown }).message))) return `database unreachable (${code})`;
  }
  return isConnectionError(error) ? "database connection lost" : "database not ready";
}
