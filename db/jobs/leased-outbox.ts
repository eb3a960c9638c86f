import "server-only";
import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { emailOutbox, pushDeliveries } from "../schema";

/*
 * How a sender drains an outbox (the email sender `email_outbox`, db/jobs/email-sender.ts; the
 * push sender `push_deliveries`, db/jobs/push-sender.ts). It claims a few due rows at a time with
 * FOR UPDATE SKIP LOCKED and, in the same short transaction, counts the attempt and moves the
 * row's next attempt a lease ahead; then it sends each one and records the outcome at once. The
 * lease is short and renewed every third of it for the rows still to send, and each row is
 * checked to be still this sender's just before it goes out. So:
 *   - two senders never take the same row, however long a send takes;
 *   - a sender killed mid-send loses nothing: rows it had not recorded as sent are tried again
 *     within the lease, and rows it had recorded are never sent again;
 *   - a failed attempt waits 30 s, 1 min, 2 min… (doubling, at most an hour), and after the
 *     last attempt the row is marked failed.
 */

/** An outbox drained this way: rows `pending` until sent or failed, with their attempts and when the next is due. */
export type Outbox = typeof emailOutbox | typeof pushDeliveries;

/** How one pass of a sender runs. */
export interface PassOptions {
  db?: Db;
  /** Rows claimed per pass. */
  limit?: number;
  /** How long a claimed row is left alone before another sender may try it. */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt. */
  backoffMs?: number;
  signal?: AbortSignal;
}

/** What a claimed row carries for its lease: its id and the attempt this sender counted. */
interface Leased {
  id: string;
  attempts: number;
}

/** The delay before attempt `attempts + 1`, after `attempts` failures. */
export function backoffDelay(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

const leaseAhead = (leaseMs: number) => sql`now() + ${`${leaseMs} milliseconds`}::interval`;

/** Renews the lease on `rows` that are still pending and still this sender's (no other claim counted an attempt since); returns the ids renewed. */
async function renewLease(db: Db, outbox: Outbox, rows: Leased[], leaseMs: number): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const renewed = await db
    .update(outbox)
    .set({ nextAttemptAt: leaseAhead(leaseMs) })
    .where(and(eq(outbox.status, "pending"), or(...rows.map((r) => and(eq(outbox.id, r.id), eq(outbox.attempts, r.attempts))))))
    .returning({ id: outbox.id });
  return new Set(renewed.map((r) => r.id));
}

/**
 * Claims up to `limit` due rows in one transaction, skipping rows another sender holds. `take`
 * runs for each, in that transaction: it writes `attempt(leaseMs)` (the attempt counted, the
 * next one a lease ahead) with whatever else the row needs, and returns what the send needs.
 */
export async function claimDue<R extends Leased>(db: Db, outbox: Outbox, limit: number, take: (tx: Db, id: string) => Promise<R>): Promise<R[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    const claimed: R[] = [];
    for (const { id } of due) claimed.push(await take(tx, id));
    return claimed;
  });
}

/** What a claim writes to each row it takes: one more attempt, and the next a lease ahead. */
export const attempt = (outbox: Outbox, leaseMs: number) => ({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseAhead(leaseMs) });

/**
 * Sends claimed `rows` one by one while holding their lease, and records each outcome. While this
 * runs, the rows still held (to send, or being sent) stay this sender's: the lease is renewed
 * every third of it. A row another sender took meanwhile (this one stalled past its lease) is
 * skipped: it is theirs to send. An outcome is recorded once the row is let go and any renewal in
 * flight has landed, so none overwrites it. Stops before the next row once `signal` is aborted.
 */
export async function sendLeased<R extends Leased, O>(
  db: Db,
  outbox: Outbox,
  rows: R[],
  options: { leaseMs: number; signal?: AbortSignal; logName: string },
  send: (row: R) => Promise<O>,
  record: (row: R, outcome: O) => Promise<void>,
): Promise<void> {
  const { leaseMs } = options;
  const held = new Set(rows);
  let renewal: Promise<unknown> = Promise.resolve();
  const renewing = setInterval(() => {
    renewal = renewal
      .then(() => renewLease(db, outbox, [...held], leaseMs))
      .catch((e: unknown) => console.warn(`[${options.logName}] could not renew the outbox lease:`, e instanceof Error ? e.message : e));
  }, Math.max(100, Math.floor(leaseMs / 3)));
  renewing.unref?.();
  try {
    for (const row of rows) {
      if (options.signal?.aborted) break;
      if (!(await renewLease(db, outbox, [row], leaseMs)).has(row.id)) {
        held.delete(row);
        continue;
      }
      const outcome = await send(row);
      held.delete(row);
      await renewal;
      await record(row, outcome);
    }
  } finally {
    clearInterval(renewing);
    await renewal;
  }
}

/** Marks a row sent (unless it is no longer pending). */
export async function markSent(db: Db, outbox: Outbox, id: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "sent", sentAt: new Date(), lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
}

/** Records a failed attempt: tried again after the backoff, or failed for good after `maxAttempts`; counted in `report`. */
export async function recordFailure(
  db: Db,
  outbox: Outbox,
  row: Leased,
  error: string,
  retry: { maxAttempts: number; backoffMs?: number },
  report: { retrying: number; failed: number },
): Promise<void> {
  const failed = row.attempts >= retry.maxAttempts;
  await db
    .update(outbox)
    .set(failed ? { status: "failed", lastError: error } : { lastError: error, nextAttemptAt: new Date(Date.now() + backoffDelay(row.attempts, retry.backoffMs)) })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, "pending")));
  if (failed) report.failed++;
  else report.retrying++;
}
