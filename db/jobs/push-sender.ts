import "server-only";
import { and, eq } from "drizzle-orm";
import webpush from "web-push";
import { vapidKeys, type VapidKeys } from "@/lib/env";
import type { Db } from "../client";
import { getDb } from "../client";
import { pushDeliveries, pushSubscriptions } from "../schema";
import { attempt, claimDue, markSent, recordFailure, sendLeased, type PassOptions } from "./leased-outbox";

/*
 * The push sender drains `push_deliveries` the way the email sender drains its outbox, as
 * db/jobs/leased-outbox.ts says: it claims a few due rows under a short lease, renews the lease
 * while it works, checks each row is still its own just before sending, and records the outcome
 * at once. So two senders never send the same row, and a sender killed mid-send loses nothing.
 * The one push that could arrive twice is one the push service accepted in the instant before
 * the sender died: it carries the same Topic (the row's id), so the push service replaces the
 * first if it is still waiting, and the same notification tag, so the browser shows one
 * notification.
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

export type PushSendOptions = PassOptions;

export interface PushSendReport {
  sent: number;
  /** Devices removed because their push service no longer knows them (404/410). */
  removed: number;
  retrying: number;
  failed: number;
}

type Claimed = typeof pushDeliveries.$inferSelect & { endpoint: string; p256dh: string; auth: string };

/** Claims due rows, with the device each goes to. */
async function claim(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  return claimDue(db, pushDeliveries, limit, async (tx, id) => {
    const [row] = await tx.update(pushDeliveries).set(attempt(pushDeliveries, leaseMs)).where(eq(pushDeliveries.id, id)).returning();
    const [device] = await tx
      .select({ endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.id, row.subscriptionId));
    return { ...row, ...device };
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
  const retry = { maxAttempts: options.maxAttempts ?? PUSH_MAX_ATTEMPTS, backoffMs: options.backoffMs };
  const rows = await claim(db, options.limit ?? 50, leaseMs);
  await sendLeased(
    db,
    pushDeliveries,
    rows,
    { leaseMs, signal: options.signal, logName: "push" },
    (row) => deliver(row, keys, options.signal).catch((e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500)),
    (row, outcome) => recordOutcome(db, row, outcome, retry, report),
  );
  return report;
}

async function recordOutcome(db: Db, row: Claimed, outcome: number | string, retry: { maxAttempts: number; backoffMs?: number }, report: PushSendReport): Promise<void> {
  if (typeof outcome === "number" && outcome >= 200 && outcome < 300) {
    await db.transaction(async (tx) => {
      await markSent(tx, pushDeliveries, row.id);
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
  await recordFailure(db, pushDeliveries, row, typeof outcome === "number" ? `The push service answered ${outcome}` : outcome, retry, report);
}
