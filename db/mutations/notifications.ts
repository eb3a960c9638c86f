import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { notifications } from "../schema";

export interface NotificationInput {
  userId: string;
  /** A short machine name, e.g. "rsvp_confirmed", "waitlist_promoted", "activity_cancelled". */
  type: string;
  title: string;
  body?: string;
  /** Where the notification leads, a same-site path such as `/activities/<id>`. */
  href?: string | null;
  activityId?: string | null;
}

/**
 * Records an in-app notification. Pass the transaction of the change it reports, so
 * the member is told exactly when the change commits and never about one that rolled back.
 */
export async function notify(tx: Db, input: NotificationInput): Promise<void> {
  await tx.insert(notifications).values({
    userId: input.userId,
    type: input.type,
    title: input.title,
    body: input.body ?? "",
    href: input.href ?? null,
    activityId: input.activityId ?? null,
  });
}

/** Records the same notification for many members in one statement (e.g. "message everyone going"). */
export async function notifyMany(tx: Db, userIds: string[], input: Omit<NotificationInput, "userId">): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = userIds.map((userId) => ({
    userId,
    type: input.type,
    title: input.title,
    body: input.body ?? "",
    href: input.href ?? null,
    activityId: input.activityId ?? null,
  }));
  await tx.insert(notifications).values(rows);
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
