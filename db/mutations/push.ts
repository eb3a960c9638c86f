import "server-only";
import { and, arrayContains, eq, inArray, isNull, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/catalog";
import { memberLocale } from "@/lib/i18n/locales";
import { PUSH_KINDS, pushKindForNotice, type PushKind } from "@/lib/push/kinds";
import type { Db } from "../client";
import { getDb } from "../client";
import { pushDeliveries, pushSubscriptions, users } from "../schema";

/*
 * Push notifications: a member's devices (one subscription each) and the outbox of what to
 * send them. A notice of a pushed kind (lib/push/kinds.ts) writes one push_deliveries row per
 * device that wants that kind, in the transaction of the notice; the sender
 * (db/jobs/push-sender.ts) delivers each row once and removes devices the push service has
 * forgotten. What a notification says is decided here, in the member's language: unless the
 * device was allowed to show details on a locked screen, only the kind of notice ("A check-in
 * is due") and the link, never a name or a title.
 */

export interface PushedNotice {
  type: string;
  href?: string | null;
  /** The notice's title and body as this member reads them (their language: db/mutations/notifications.ts). */
  wordsFor: (userId: string) => { title: string; body: string };
}

/**
 * Writes the push outbox rows for notices just written (`written`: each notice's id and its
 * member), inside the notice's transaction `tx`. A device gets a notice at most once (the
 * unique key), and nothing is written for kinds a device turned off or for suspended members.
 * Returns how many rows were written.
 */
export async function enqueuePushes(tx: Db, written: { id: string; userId: string }[], notice: PushedNotice): Promise<number> {
  const kind = pushKindForNotice(notice.type);
  if (!kind || written.length === 0) return 0;
  const userIds = [...new Set(written.map((n) => n.userId))];
  const devices = await tx
    .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId, showDetails: pushSubscriptions.showDetails, locale: users.locale })
    .from(pushSubscriptions)
    .innerJoin(users, eq(users.id, pushSubscriptions.userId))
    .where(and(inArray(pushSubscriptions.userId, userIds), arrayContains(pushSubscriptions.kinds, [kind]), isNull(users.suspendedAt)));
  if (devices.length === 0) return 0;
  const noticeOf = new Map(written.map((n) => [n.userId, n.id]));
  const rows = devices.map((d) => ({ subscriptionId: d.id, notificationId: noticeOf.get(d.userId)!, kind, url: notice.href || "/notifications", ...pushWords(kind, notice.wordsFor(d.userId), d.showDetails, d.locale) }));
  const inserted = await tx.insert(pushDeliveries).values(rows).onConflictDoNothing().returning({ id: pushDeliveries.id });
  return inserted.length;
}

/** What the notification says: the kind alone (in the member's language) unless the device may show details. */
export function pushWords(kind: PushKind, words: { title: string; body: string }, showDetails: boolean, locale: string | null): { title: string; body: string } {
  if (showDetails) return { title: words.title, body: words.body };
  const t = translator(memberLocale(locale), "push");
  return { title: t(`lock.${kind}`), body: t("lock.body", { site: env().SITE_NAME }) };
}

const MAX_DEVICES = 20;

export interface NewSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  browser: string | null;
  system: string | null;
}

/**
 * Keeps a browser's subscription for a member. A browser has one endpoint: subscribing again
 * renews its keys, and if another member had it (someone else signed in on a shared
 * computer), it is now this member's alone, with the usual choices.
 */
export async function savePushSubscription(userId: string, input: NewSubscription): Promise<{ id: string }> {
  const db = await getDb();
  const fresh = { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, browser: input.browser, system: input.system };
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ ...fresh, endpoint: input.endpoint })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        ...fresh,
        kinds: sql`case when ${pushSubscriptions.userId} = ${userId} then ${pushSubscriptions.kinds} else ${sql.raw(`'{${PUSH_KINDS.join(",")}}'::text[]`)} end`,
        showDetails: sql`case when ${pushSubscriptions.userId} = ${userId} then ${pushSubscriptions.showDetails} else false end`,
      },
    })
    .returning({ id: pushSubscriptions.id });
  // A member has a handful of devices; past MAX_DEVICES the ones subscribed longest ago go.
  await db.execute(
    sql`delete from push_subscriptions where user_id = ${userId} and id not in (select id from push_subscriptions where user_id = ${userId} order by created_at desc, id limit ${MAX_DEVICES})`,
  );
  return row;
}

/** Turns push off for one of the member's devices (by id); false when it is not theirs or already gone. */
export async function removePushSubscription(userId: string, id: string): Promise<boolean> {
  const db = await getDb();
  const gone = await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId))).returning({ id: pushSubscriptions.id });
  return gone.length === 1;
}

/** Turns push off for the browser at `endpoint`, if it is the member's. */
export async function removePushSubscriptionByEndpoint(userId: string, endpoint: string): Promise<boolean> {
  const db = await getDb();
  const gone = await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, userId))).returning({ id: pushSubscriptions.id });
  return gone.length === 1;
}

/** Saves one device's kinds and lock-screen choice; false when the device is not the member's. */
export async function savePushChoices(userId: string, id: string, choices: { kinds: PushKind[]; showDetails: boolean }): Promise<boolean> {
  const db = await getDb();
  const kinds = PUSH_KINDS.filter((k) => choices.kinds.includes(k));
  const saved = await db
    .update(pushSubscriptions)
    .set({ kinds, showDetails: choices.showDetails })
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  return saved.length === 1;
}
