import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { notifications, users } from "../schema";
import { emailTypeForNotice } from "@/lib/email/types";
import { memberLocale, type Locale } from "@/lib/i18n/locales";
import { inLocale, type Words } from "@/lib/i18n/words";
import { enqueueEmails } from "./email";
import { enqueuePushes } from "./push";

export interface NotificationInput {
  userId: string;
  /** A short machine name, e.g. "rsvp_confirmed", "waitlist_promoted", "activity_cancelled". */
  type: string;
  /** Catalog words (`say("notices", …)`), made in each recipient's language; plain text is data and stays as written. */
  title: Words;
  body?: Words;
  /** Where the notification leads, a same-site path such as `/activities/<id>`. */
  href?: string | null;
  activityId?: string | null;
  /**
   * Names the cause for the email that important notices also send (see `emailTypeForNotice`).
   * Defaults to the notice's own id, which is new for every committed notice.
   */
  dedupeKey?: string;
  /** For the email: why this member got it and the button's words, when the kind's usual ones do not fit. */
  emailWhy?: Words;
  emailLabel?: Words;
  /** False when the caller writes the email itself (a change's email is coalesced: db/mutations/activity-notices.ts). */
  email?: boolean;
}

/**
 * Records an in-app notification. Pass the transaction of the change it reports, so
 * the member is told exactly when the change commits and never about one that rolled back.
 * The important kinds (waitlist promotion, activity changed or cancelled, organizer message,
 * reminder) are also written to the email outbox in the same transaction, as the member's
 * email preferences allow; see `enqueueEmails` in db/mutations/email.ts.
 */
export async function notify(tx: Db, input: NotificationInput): Promise<void> {
  await notifyMany(tx, [input.userId], input);
}

/** The language each of these members reads (their setting, or English), in one statement. */
export async function memberLocales(tx: Db, userIds: string[]): Promise<Map<string, Locale>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, memberLocale(r.locale)]));
}

/**
 * Records the same notification for many members in one statement (e.g. a message to one of an
 * activity's lists), each in their own language, emailing the important kinds.
 */
export async function notifyMany(tx: Db, userIds: string[], input: Omit<NotificationInput, "userId">): Promise<number> {
  if (userIds.length === 0) return 0;
  const locales = await memberLocales(tx, userIds);
  const made = new Map<Locale, { title: string; body: string; why?: string; label?: string }>();
  const wordsFor = (userId: string) => {
    const locale = locales.get(userId) ?? memberLocale(null);
    let words = made.get(locale);
    if (!words) {
      words = {
        title: inLocale(input.title, locale),
        body: input.body === undefined ? "" : inLocale(input.body, locale),
        ...(input.emailWhy ? { why: inLocale(input.emailWhy, locale) } : {}),
        ...(input.emailLabel ? { label: inLocale(input.emailLabel, locale) } : {}),
      };
      made.set(locale, words);
    }
    return words;
  };
  const rows = userIds.map((userId) => ({
    userId,
    type: input.type,
    title: wordsFor(userId).title,
    body: wordsFor(userId).body,
    href: input.href ?? null,
    activityId: input.activityId ?? null,
  }));
  const written = await tx.insert(notifications).values(rows).returning({ id: notifications.id, userId: notifications.userId });
  await enqueuePushes(tx, written, { type: input.type, href: input.href, wordsFor });
  const emailType = input.email === false ? null : emailTypeForNotice(input.type);
  if (emailType) {
    await enqueueEmails(
      tx,
      written.map((n) => {
        const { title, body, why, label } = wordsFor(n.userId);
        return {
          userId: n.userId,
          type: emailType,
          data: { title, body, href: input.href ?? null, ...(why ? { why } : {}), ...(label ? { label } : {}) },
          dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${n.userId}` : `notice:${n.id}`,
          activityId: input.activityId ?? null,
        };
      }),
    );
  }
  return rows.length;
}

/** Marks some of a member's notifications read; ids belonging to someone else are ignored. */
export async function markNotificationsRead(userId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Marks every unread notification of a member read. */
export async function markAllNotificationsRead(userId: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

