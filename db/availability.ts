/*
 * Whether this process can reach its database, kept on globalThis so every module instance
 * (instrumentation, the proxy, pages, route handlers) sees the same answer. It imports
 * nothing, so the proxy can read it without opening anything.
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
  __commonThreadDbProbe?: () => void;
};

const store = globalThis as Store;

/** How long a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_AWAY = "The database is not answering just now. Please try again in a few seconds.";

export function databaseStatus(): DatabaseStatus | undefined {
  return store.__commonThreadDbStatus;
}

export function setDatabaseStatus(state: DatabaseState, reason?: string): void {
  const current = store.__commonThreadDbStatus;
  if (current?.state === state && current.reason === reason) return;
  store.__commonThreadDbStatus = { state, reason, since: Date.now() };
}

/** Whether requests should be answered "try again shortly" instead of being served. */
export function databaseAway(): boolean {
  const state = store.__commonThreadDbStatus?.state;
  return state === "unavailable";
}

/** The start-up code registers how to look for the database again once it is lost. */
export function onDatabaseLost(probe: () => void): void {
  store.__commonThreadDbProbe = probe;
}

/**
 * A query failed because the connection was lost or could not be made: mark the database
 * away (requests get a 503 page meanwhile) and look for it again at once.
 */
export function reportDatabaseLost(error: unknown): void {
  if (store.__commonThreadDbStatus?.state !== "ready") return;
  setDatabaseStatus("unavailable", reasonOf(error));
  store.__commonThreadDbProbe?.();
}

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
    if (typeof message === "string" && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(message)) {
      return true;
    }
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
  }
  return false;
}

/** A short reason for the health endpoint, naming no internals (the logs have the error). */
export function reasonOf(error: unknown): string {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AggregateError && e.errors[0]) return reasonOf(e.errors[0]);
    const { code } = e as { code?: unknown };
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return `database unreachable (${code})`;
  }
  return isConnectionError(error) ? "database connection lost" : "database not ready";
}
