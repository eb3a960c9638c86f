import "server-only";
import { and, asc, eq, lte, or, sql } from "drizzle-orm";
import { activityCalendarEvent } from "@/lib/activity-calendar";
import { env, siteUrl } from "@/lib/env";
import { isCancelMessage, toICalendar } from "@/lib/ical";
import type { MailTransport, OutgoingEmail } from "@/lib/email/transport";
import { EMAIL_TYPES, isEmailType } from "@/lib/email/types";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import type { Db } from "../client";
import { getDb } from "../client";
import { withdrawIfOutdated } from "../mutations/activity-notices";
import { getCalendarActivity, listCalendarActivitiesCancelledWith } from "../queries/calendar";
import { getGuestLocale } from "../queries/guest-rsvps";
import { getMemberLocale } from "../queries/member-locale";
import { emailOutbox } from "../schema";

/*
 * The sender drains `email_outbox`. It claims a few due rows at a time with FOR UPDATE SKIP
 * LOCKED and, in the same short transaction, counts the attempt and moves the row's next
 * attempt a lease ahead; then it sends each one and records the outcome at once. The lease is
 * short (30 s) and renewed every third of it for the rows still to send, and each row is
 * checked to be still this sender's just before it goes out. So:
 *   - two senders never take the same row, however long a send takes;
 *   - a sender killed mid-send loses nothing: rows it had not recorded as sent are tried again
 *     within the lease (the job runner's own lease is as short), and rows it had recorded are
 *     never sent again;
 *   - the only message that can arrive twice is one the mail server accepted in the instant
 *     before the sender died; it carries the same Message-ID both times, so mail clients
 *     treat it as one message.
 * A change email is looked at once more before it goes out, and dropped if it no longer holds
 * (db/mutations/activity-notices.ts): it waited a minute, and the activity may be cancelled since.
 * A failed attempt waits 30 s, 1 min, 2 min… (doubling, at most an hour); after
 * EMAIL_MAX_ATTEMPTS attempts the row is marked failed and listed for admins at /admin/email.
 */

export interface SendOptions {
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

export interface SendReport {
  sent: number;
  /** Withdrawn instead of sent: a change email about an activity cancelled meanwhile, or to someone no longer coming. */
  withdrawn: number;
  retrying: number;
  failed: number;
}

/** The delay before attempt `attempts + 1`, after `attempts` failures. */
export function backoffDelay(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Row = typeof emailOutbox.$inferSelect;

/** How long claimed rows are left alone without renewal: how soon a crashed sender's mail is tried again. */
export const EMAIL_LEASE_MS = 30_000;

const leaseAhead = (leaseMs: number) => sql`now() + ${`${leaseMs} milliseconds`}::interval`;

/** Renews the lease on `rows` that are still pending and still this sender's (no other claim counted an attempt since); returns the ids renewed. */
async function renewLease(db: Db, rows: Row[], leaseMs: number): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const renewed = await db
    .update(emailOutbox)
    .set({ nextAttemptAt: leaseAhead(leaseMs) })
    .where(and(eq(emailOutbox.status, "pending"), or(...rows.map((r) => and(eq(emailOutbox.id, r.id), eq(emailOutbox.attempts, r.attempts))))))
    .returning({ id: emailOutbox.id });
  return new Set(renewed.map((r) => r.id));
}

async function claim(db: Db, limit: number, leaseMs: number): Promise<Row[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const host = new URL(siteUrl()).hostname || "localhost";
    const claimed: Row[] = [];
    for (const { id } of due) {
      const [row] = await tx
        .update(emailOutbox)
        .set({
          attempts: sql`${emailOutbox.attempts} + 1`,
          nextAttemptAt: leaseAhead(leaseMs),
          messageId: sql`coalesce(${emailOutbox.messageId}, ${`<${id}@${host}>`})`,
        })
        .where(eq(emailOutbox.id, id))
        .returning();
      claimed.push(row);
    }
    return claimed;
  });
}

/** The message for one outbox row: RFC 8058 unsubscribe headers and, for activity emails, the .ics. */
export async function composeEmail(row: Row, from: string, db?: Db): Promise<OutgoingEmail> {
  const origin = siteUrl();
  const headers: Record<string, string> = {};
  if (row.userId && isEmailType(row.type) && EMAIL_TYPES[row.type].optional) {
    headers["List-Unsubscribe"] = `<${origin}/api/unsubscribe/${unsubscribeToken(row.userId, row.type)}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  const attachments: OutgoingEmail["attachments"] = [];
  if (row.activityId) {
    // A cancellation's email may list several dates of a series: its calendar file cancels each one.
    const dates =
      row.type === "activity_cancelled"
        ? await listCalendarActivitiesCancelledWith(row.activityId, row.userId, db)
        : [await getCalendarActivity(row.activityId, row.userId, db)].filter((a) => a !== undefined);
    if (dates.length > 0) {
      // Addressed to the recipient, so a cancellation can be a METHOD:CANCEL naming them; in their language, as the email is
      // (a guest's: the language they RSVP'd in).
      const locale = row.userId ? await getMemberLocale(row.userId, db) : await getGuestLocale(row.activityId, row.toAddress, db);
      const events = dates.map((activity) => ({ ...activityCalendarEvent(activity, origin, locale), attendee: { email: row.toAddress } }));
      attachments.push({
        filename: "activity.ics",
        content: toICalendar(events, env().SITE_NAME),
        contentType: `text/calendar; charset=utf-8; method=${isCancelMessage(events) ? "CANCEL" : "PUBLISH"}`,
      });
    }
  }
  return { from, to: row.toAddress, subject: row.subject, text: row.bodyText, html: row.bodyHtml, messageId: row.messageId!, headers, attachments };
}

/** One pass: claims due rows, sends them through `transport` and records each outcome. */
export async function sendDueEmails(transport: MailTransport, options: SendOptions = {}): Promise<SendReport> {
  const db = options.db ?? (await getDb());
  const maxAttempts = options.maxAttempts ?? env().EMAIL_MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? EMAIL_LEASE_MS;
  const rows = await claim(db, options.limit ?? 20, leaseMs);
  const report: SendReport = { sent: 0, withdrawn: 0, retrying: 0, failed: 0 };
  // While this pass runs, the rows it holds (to send, or being sent) stay its own. An outcome is
  // recorded once the row is let go and any renewal in flight has landed, so none overwrites it.
  const held = new Set(rows);
  let renewal: Promise<unknown> = Promise.resolve();
  const renewing = setInterval(() => {
    renewal = renewal
      .then(() => renewLease(db, [...held], leaseMs))
      .catch((e: unknown) => console.warn("[email] could not renew the outbox lease:", e instanceof Error ? e.message : e));
  }, Math.max(100, Math.floor(leaseMs / 3)));
  renewing.unref?.();
  const letGo = async (row: Row) => {
    held.delete(row);
    await renewal;
  };
  try {
    for (const row of rows) {
      if (options.signal?.aborted) break;
      // A sender that stalled past its lease may have lost the row to another: then it is theirs to send.
      if (!(await renewLease(db, [row], leaseMs)).has(row.id)) {
        held.delete(row);
        continue;
      }
      // A change email waited a minute for further edits: what it says may no longer hold.
      if (await withdrawIfOutdated(db, row)) {
        await letGo(row);
        report.withdrawn++;
        continue;
      }
      const outcome = await (async () => transport.send(await composeEmail(row, transport.from, db)))().then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500),
      );
      await letGo(row);
      await recordOutcome(db, row, outcome, maxAttempts, options.backoffMs, report);
    }
  } finally {
    clearInterval(renewing);
    await renewal;
  }
  return report;
}

/** Records a send: sent, or (with the error) tried again later, or failed for good after the last attempt. */
async function recordOutcome(db: Db, row: Row, error: string | null, maxAttempts: number, backoffMs: number | undefined, report: SendReport): Promise<void> {
  if (error === null) {
    await db
      .update(emailOutbox)
      .set({ status: "sent", sentAt: new Date(), lastError: null })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")));
    report.sent++;
    return;
  }
  const failed = row.attempts >= maxAttempts;
  await db
    .update(emailOutbox)
    .set(failed ? { status: "failed", lastError: error } : { lastError: error, nextAttemptAt: new Date(Date.now() + backoffDelay(row.attempts, backoffMs)) })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")));
  if (failed) report.failed++;
  else report.retrying++;
}
