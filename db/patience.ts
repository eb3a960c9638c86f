import { AsyncLocalStorage } from "node:async_hooks";

/*
 * How long a read waits for a database that has gone away. A page being rendered when the
 * database stopped answering waits for it to come back, up to a bound, rather than failing
 * (a page cannot answer 503 once it has started, only the error page with a 500). The API
 * and the health check answer at once instead: 503 with Retry-After, so their callers
 * decide. The store lives on globalThis, shared by every module instance in the process.
 */

/** As long as a statement may run (statement_timeout in db/client.ts): no read waits longer. */
export const READ_PATIENCE_MS = 15_000;

const store = globalThis as typeof globalThis & { __commonThreadImpatient?: AsyncLocalStorage<true> };
const impatient = (store.__commonThreadImpatient ??= new AsyncLocalStorage<true>());

/** Runs `work` so that its reads fail at once when the database is away, instead of waiting for it. */
export function withoutWaiting<T>(work: () => T): T {
  return impatient.run(true, work);
}

/** Whether reads in this context may wait for a database that is away. */
export function mayWait(): boolean {
  return impatient.getStore() !== true;
}
