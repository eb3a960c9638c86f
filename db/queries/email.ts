import "server-only";
import { desc, eq } from "drizzle-orm";
import { EMAIL_TYPES, optionalEmailTypes, type EmailType } from "@/lib/email/types";
import { getDb } from "../client";
import { emailOutbox, emailPreferences } from "../schema";

/** The member's email choices per optional kind (defaults where they never chose). */
export async function getEmailPreferences(userId: string): Promise<Record<EmailType, boolean>> {
  const db = await getDb();
  const rows = await db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.type, r.enabled]));
  const result = {} as Record<EmailType, boolean>;
  for (const type of optionalEmailTypes) result[type] = chosen.get(type) ?? EMAIL_TYPES[type].defaultOn;
  return result;
}

export interface OutboxItem {
  id: string;
  toAddress: string;
  type: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const columns = {
  id: emailOutbox.id,
  toAddress: emailOutbox.toAddress,
  type: emailOutbox.type,
  subject: emailOutbox.subject,
  bodyText: emailOutbox.bodyText,
  bodyHtml: emailOutbox.bodyHtml,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  lastError: emailOutbox.lastError,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
};

/** The development mailbox: the latest messages, newest first, optionally for one address. */
export async function listMailbox(options: { to?: string; limit?: number } = {}): Promise<OutboxItem[]> {
  const db = await getDb();
  const query = db.select(columns).from(emailOutbox);
  return (options.to ? query.where(eq(emailOutbox.toAddress, options.to.trim().toLowerCase())) : query).orderBy(desc(emailOutbox.createdAt)).limit(options.limit ?? 50);
}

/** Messages that kept failing, for admins: newest first. */
export async function listFailedEmails(limit = 100): Promise<OutboxItem[]> {
  const db = await getDb();
  return db.select(columns).from(emailOutbox).where(eq(emailOutbox.status, "failed")).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}
