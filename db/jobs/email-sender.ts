import "server-only";
import { eq, sql } from "drizzle-orm";
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
import { attempt, claimDue, markSent, recordFailure, sendLeased, type PassOptions } from "./leased-outbox";

export { backoffDelay } from "./leased-outbox";

/*
 * The sender drains `email_outbox` as db/jobs/leased-outbox.ts says: claimed a few rows at a
 * time under a short lease (30 s) renewed while it works, each row checked to be still its own
 * just before it goes out and its outcome recorded at once; so two senders never take the same
 * row and a sender killed mid-send loses nothing. The only message that can arrive twice is one
 * the mail server accepted in the instant before the sender died; it carries the same Message-ID
 * both times, so mail clients treat it as one message.
 * A change email is looked at once more before it goes out, and dropped if it no longer holds
 * (db/mutations/activity-notices.ts): it waited a minute, and the activity may be cancelled since.
 * After EMAIL_MAX_ATTEMPTS attempts a row is marked failed and listed for admins at /admin/email.
 */

export type SendOptions = PassOptions;

export interface SendReport {
  sent: number;
  /** Withdrawn instead of sent: a change email about an activity cancelled meanwhile, or to someone no longer coming. */
  withdrawn: number;
  retrying: number;
  failed: number;
}

type Row = typeof emailOutbox.$inferSelect;

/** How long claimed rows are left alone without renewal: how soon a crashed sender's mail is tried again. */
export const EMAIL_LEASE_MS = 30_000;

/** Claims due rows; each gets its Message-ID on its first attempt, the same on every retry. */
async function claim(db: Db, limit: number, leaseMs: number): Promise<Row[]> {
  const host = new URL(siteUrl()).hostname || "localhost";
  return claimDue(db, emailOutbox, limit, async (tx, id) => {
    const [row] = await tx
      .update(emailOutbox)
      .set({ ...attempt(emailOutbox, leaseMs), messageId: sql`coalesce(${emailOutbox.messageId}, ${`<${id}@${host}>`})` })
      .where(eq(emailOutbox.id, id))
      .returning();
    return row;
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
  const retry = { maxAttempts: options.maxAttempts ?? env().EMAIL_MAX_ATTEMPTS, backoffMs: options.backoffMs };
  const leaseMs = options.leaseMs ?? EMAIL_LEASE_MS;
  const rows = await claim(db, options.limit ?? 20, leaseMs);
  const report: SendReport = { sent: 0, withdrawn: 0, retrying: 0, failed: 0 };
  await sendLeased(
    db,
    emailOutbox,
    rows,
    { leaseMs, signal: options.signal, logName: "email" },
    async (row): Promise<Outcome> => {
      // A change email waited a minute for further edits: what it says may no longer hold.
      if (await withdrawIfOutdated(db, row)) return "withdrawn";
      return (async () => transport.send(await composeEmail(row, transport.from, db)))().then(
        () => "sent" as const,
        (e: unknown) => ({ error: (e instanceof Error ? e.message : String(e)).slice(0, 500) }),
      );
    },
    async (row, outcome) => {
      if (outcome === "withdrawn") report.withdrawn++;
      else if (outcome === "sent") {
        await markSent(db, emailOutbox, row.id);
        report.sent++;
      } else await recordFailure(db, emailOutbox, row, outcome.error, retry, report);
    },
  );
  return report;
}

/** A send: sent, withdrawn (no longer true), or an error to try again later (or give up on after the last attempt). */
type Outcome = "sent" | "withdrawn" | { error: string };
