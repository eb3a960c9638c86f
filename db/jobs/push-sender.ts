import "server-only";
import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import webpush from "web-push";
import { vapidKeys, type VapidKeys } from "@/lib/env";
import type { Db } from "../client";
import { getDb } from "../client";
import { pushDeliveries, pushSubscriptions } from "../schema";
import { backoffDelay } from "./email-sender";

/*
 * The push sender drains `push_deliveries` the way the email sender drains its outbox
 * (db/jobs/email-sender.ts): it claims a few due rows with FOR UPDATE SKIP LOCKED, counting the
 * attempt and moving the next attempt a short lease ahead in the same transaction; renews the
 * lease while it works; checks each row is still its own just before sending; and records the
 * outcome at once. So two senders never send the same row, and a sender killed mid-send loses
 * nothing. The one push that could arrive twice is one the push service accepted in the
 * instant before the sender died: it carries the same Topic (the row's id), so the push
 * service replaces the first if it is still waiting, and the same notification tag, so the
 * browser shows one notification.
 *
 * A push service that answers 404 or 410 has forgotten the browser (it unsubscribed, or the
 * member cleared its data): the device is removed, and its waiting rows with it. Other
 * failures wait 30 s, 1 min, 2 min… and after PUSH_MAX_ATTEMPTS the row is marked failed.
 */

export const PUSH_LEASE_MS = 30_000;
export const PUSH_MAX_ATTEMPTS = 6;
/** A notice a day old is no news on a lock screen: push services drop it after this long. */
const TTL_SECONDS = 24 * 3600;
const SEND_TIMEOUT_MS = 15_000;

export interface PushSendOptions {
  db?: Db;
  limit?: number;
  leaseMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  signal?: AbortSignal;
}

export interface PushSendReport {
  sent: number;
  /** Devices removed because their push service no longer knows them (404/410). */
  removed: number;
  retrying: number;
  failed: number;
}

type Claimed = typeof pushDeliveries.$inferSelect & { endpoint: string; p256dh: string; auth: string };

const leaseAhead = (leaseMs: number) => sql`now() + ${`${leaseMs} milliseconds`}::interval`;

async function renewLease(db: Db, rows: Claimed[], leaseMs: number): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const renewed = await db
    .update(pushDeliveries)
    .set({ nextAttemptAt: leaseAhead(leaseMs) })
    .where(and(eq(pushDeliveries.status, "pending"), or(...rows.map((r) => and(eq(pushDeliveries.id, r.id), eq(pushDeliveries.attempts, r.attempts))))))
    .returning({ id: pushDeliveries.id });
  return new Set(renewed.map((r) => r.id));
}

async function claim(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: pushDeliveries.id })
      .from(pushDeliveries)
      .where(and(eq(pushDeliveries.status, "pending"), lte(pushDeliveries.nextAttemptAt, sql`now()`)))
      .orderBy(asc(pushDeliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    const claimed: Claimed[] = [];
    for (const { id } of due) {
      const [row] = await tx
        .update(pushDeliveries)
        .set({ attempts: sql`${pushDeliveries.attempts} + 1`, nextAttemptAt: leaseAhead(leaseMs) })
        .where(eq(pushDeliveries.id, id))
        .returning();
      const [device] = await tx
        .select({ endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.id, row.subscriptionId));
      claimed.push({ ...row, ...device });
    }
    return claimed;
  });
}

/** What the service worker (public/sw-push.js) receives: the words, where a tap leads, and a tag so a repeat replaces rather than adds. */
export function pushPayload(row: Pick<Claimed, "notificationId" | "title" | "body" | "url" | "kind">): string {
  return JSON.stringify({ title: row.title, body: row.body, url: row.url, tag: `notice-${row.notificationId}`, kind: row.kind });
}

/**
 * Sends one push and answers the push service's status (a network failure throws). web-push
 * encrypts and signs (RFC 8291, RFC 8292); the request itself goes out with fetch, which
 * speaks to an http:// test push service as well as to real https:// ones.
 */
async function deliver(row: Claimed, keys: VapidKeys, signal?: AbortSignal): Promise<number> {
  const request = webpush.generateRequestDetails({ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } }, pushPayload(row), {
    vapidDetails: keys,
    TTL: TTL_SECONDS,
    urgency: row.kind === "checkin" ? "low" : "normal",
    topic: row.id.replace(/-/g, ""),
  });
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== "content-length").map(([name, value]) => [name, String(value)]));
  const timeout = AbortSignal.timeout(SEND_TIMEOUT_MS);
  const response = await fetch(request.endpoint, {
    method: "POST",
    headers,
    body: request.body ? new Uint8Array(request.body) : undefined,
    redirect: "error",
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

/** One pass: claims due rows, sends them and records each outcome. Nothing is sent when push is off (no VAPID keys). */
export async function sendDuePushes(options: PushSendOptions = {}): Promise<PushSendReport> {
  const report: PushSendReport = { sent: 0, removed: 0, retrying: 0, failed: 0 };
  const keys = vapidKeys();
  if (!keys) return report;
  const db = options.db ?? (await getDb());
  const leaseMs = options.leaseMs ?? PUSH_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? PUSH_MAX_ATTEMPTS;
  const rows = await claim(db, options.limit ?? 50, leaseMs);
  const held = new Set(rows);
  let renewal: Promise<unknown> = Promise.resolve();
  const renewing = setInterval(() => {
    renewal = renewal
      .then(() => renewLease(db, [...held], leaseMs))
      .catch((e: unknown) => console.warn("[push] could not renew the outbox lease:", e instanceof Error ? e.message : e));
  }, Math.max(100, Math.floor(leaseMs / 3)));
  renewing.unref?.();
  try {
    for (const row of rows) {
      if (options.signal?.aborted) break;
      // A sender that stalled past its lease may have lost the row to another: then it is theirs to send.
      if (!(await renewLease(db, [row], leaseMs)).has(row.id)) {
        held.delete(row);
        continue;
      }
      const status = await deliver(row, keys, options.signal).catch((e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500));
      held.delete(row);
      await renewal;
      await recordOutcome(db, row, status, maxAttempts, options.backoffMs, report);
    }
  } finally {
    clearInterval(renewing);
    await renewal;
  }
  return report;
}

async function recordOutcome(db: Db, row: Claimed, outcome: number | string, maxAttempts: number, backoffMs: number | undefined, report: PushSendReport): Promise<void> {
  if (typeof outcome === "number" && outcome >= 200 && outcome < 300) {
    await db.transaction(async (tx) => {
      await tx.update(pushDeliveries).set({ status: "sent", sentAt: new Date(), lastError: null }).where(and(eq(pushDeliveries.id, row.id), eq(pushDeliveries.status, "pending")));
      await tx.update(pushSubscriptions).set({ lastSuccessAt: new Date() }).where(eq(pushSubscriptions.id, row.subscriptionId));
    });
    report.sent++;
    return;
  }
  if (outcome === 404 || outcome === 410) {
    // The push service no longer knows this browser: the device goes, and every row waiting for it.
    await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.id, row.subscriptionId), eq(pushSubscriptions.endpoint, row.endpoint)));
    report.removed++;
    return;
  }
  const error = typeof outcome === "number" ? `The push service answered ${outcome}` : outcome;
  const failed = row.attempts >= maxAttempts;
  await db
    .update(pushDeliveries)
    .set(failed ? { status: "failed", lastError: error } : { lastError: error, nextAttemptAt: new Date(Date.now() + backoffDelay(row.attempts, backoffMs)) })
    .where(and(eq(pushDeliveries.id, row.id), eq(pushDeliveries.status, "pending")));
  if (failed) report.failed++;
  else report.retrying++;
}
