import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { env, siteUrl } from "@/lib/env";
import { renderEmail, type EmailData } from "@/lib/email/templates";
import { EMAIL_TYPES, EMAIL_TYPES_BEFORE_CONFIRMATION, optionalEmailTypes, type EmailType } from "@/lib/email/types";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { memberLocale, type Locale } from "@/lib/i18n/locales";
import type { Db } from "../client";
import { getDb } from "../client";
import { emailOutbox, emailPreferences, users } from "../schema";

export interface EmailInput<T extends EmailType = EmailType> {
  /** The member it is for; their address, name and preferences are looked up. */
  userId?: string | null;
  /** An address to send to when there is no member (or to override theirs, e.g. a password reset typed in). */
  to?: string;
  type: T;
  /** What it says; a function of the language when it has words to make in the recipient's (see lib/i18n/words.ts). */
  data: EmailData<T> | ((locale: Locale) => EmailData<T>);
  /** The language when there is no member to read it from (a guest); a member's own setting wins. */
  locale?: Locale;
  /**
   * Names the cause, e.g. `reminder:<activity>:<member>:<start>`. The outbox keeps one row per
   * key, so a retried change (or two instances doing the same work) enqueues the email once.
   */
  dedupeKey: string;
  /** For activity emails: the sender attaches this activity's calendar entry. */
  activityId?: string | null;
  /** Not sent before this moment (default: at once). */
  notBefore?: Date;
}

/**
 * Writes emails to `email_outbox` inside the caller's transaction `tx`, so an email exists
 * exactly when the change that causes it commits: a rolled-back change sends nothing, and a
 * key already in the outbox is skipped (`insert … on conflict do nothing`). Members who turned
 * a kind off on their account page (or by its unsubscribe link), and suspended members, get no
 * email of that kind; kinds that are not optional (password reset) are always written. A member
 * whose email is not confirmed yet gets only the kinds in EMAIL_TYPES_BEFORE_CONFIRMATION.
 * Rendering happens here, with absolute links to `SITE_URL`. The job runner's sender delivers
 * the rows later, with retries. Each email is written in its reader's language: the member's
 * setting, else the input's `locale`, else English. Returns how many rows were written.
 */
export async function enqueueEmails(tx: Db, inputs: EmailInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const userIds = [...new Set(inputs.map((i) => i.userId).filter((id): id is string => Boolean(id)))];
  const members = userIds.length
    ? await tx
        .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, suspendedAt: users.suspendedAt, emailVerifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const prefs = userIds.length
    ? await tx.select().from(emailPreferences).where(and(inArray(emailPreferences.userId, userIds), inArray(emailPreferences.type, [...new Set(inputs.map((i) => i.type))])))
    : [];
  const off = new Set(prefs.filter((p) => !p.enabled).map((p) => `${p.userId}:${p.type}`));
  const on = new Set(prefs.filter((p) => p.enabled).map((p) => `${p.userId}:${p.type}`));
  const origin = siteUrl();
  const rows: (typeof emailOutbox.$inferInsert)[] = [];
  for (const input of inputs) {
    const kind = EMAIL_TYPES[input.type];
    const member = input.userId ? byId.get(input.userId) : undefined;
    if (input.userId && !member) continue;
    // An address nobody has confirmed gets only the link that confirms it (and resets asked for).
    if (member && !member.emailVerifiedAt && !EMAIL_TYPES_BEFORE_CONFIRMATION.includes(input.type)) continue;
    const to = input.to ?? member?.email;
    if (!to) continue;
    if (member && kind.optional) {
      if (member.suspendedAt) continue;
      const key = `${member.id}:${input.type}`;
      if (off.has(key) || (!kind.defaultOn && !on.has(key))) continue;
    }
    const unsubscribeUrl = member && kind.optional ? `${origin}/unsubscribe/${unsubscribeToken(member.id, input.type)}` : null;
    const locale = member ? memberLocale(member.locale ?? input.locale) : memberLocale(input.locale);
    const data = typeof input.data === "function" ? input.data(locale) : input.data;
    const rendered = renderEmail(input.type, data, { siteName: env().SITE_NAME, origin, recipientName: member?.name ?? null, unsubscribeUrl, locale });
    rows.push({
      userId: member?.id ?? null,
      toAddress: to,
      type: input.type,
      subject: rendered.subject,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      activityId: input.activityId ?? null,
      dedupeKey: input.dedupeKey,
      ...(input.notBefore ? { nextAttemptAt: input.notBefore } : {}),
    });
  }
  if (rows.length === 0) return 0;
  const written = await tx.insert(emailOutbox).values(rows).onConflictDoNothing({ target: emailOutbox.dedupeKey }).returning({ id: emailOutbox.id });
  return written.length;
}

/** One email; see {@link enqueueEmails}. Returns whether a row was written. */
export async function enqueueEmail<T extends EmailType>(tx: Db, input: EmailInput<T>): Promise<boolean> {
  return (await enqueueEmails(tx, [input as EmailInput])) === 1;
}

/** Turns one kind of email on or off for a member (in-app notices are unaffected). */
export async function setEmailPreference(tx: Db, userId: string, type: EmailType, enabled: boolean): Promise<void> {
  await tx
    .insert(emailPreferences)
    .values({ userId, type, enabled })
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.type], set: { enabled } });
}

/**
 * The one-click unsubscribe: turns off the kind of email a signed token names, for the member
 * it names, without anyone signing in. Returns what was turned off, or null for a token this
 * site did not sign (including a forged or altered one).
 */
export async function unsubscribeWithToken(token: string): Promise<{ userId: string; type: EmailType } | null> {
  const target = verifyUnsubscribeToken(token);
  if (!target) return null;
  const db = await getDb();
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.id, target.userId)).limit(1);
  if (!member) return null;
  await setEmailPreference(db, target.userId, target.type, false);
  return target;
}

/** Saves the account page's choices: exactly the optional kinds in `enabled` are on. */
export async function saveEmailPreferences(userId: string, enabled: EmailType[]): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (const type of optionalEmailTypes) await setEmailPreference(tx, userId, type, enabled.includes(type));
  });
}

/** An admin sends a failed message again: it goes back to pending with a fresh count of attempts. */
export async function retryFailedEmail(id: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(emailOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
