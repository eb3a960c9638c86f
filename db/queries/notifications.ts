import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { notifications } from "../schema";

export interface NotificationItem {
  id: string;
  type: string;
  title: string;
  body: string;
  href: string | null;
  activityId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** A member's notifications: unread ones first, then read ones, newest first within each. */
export async function listNotifications(userId: string, limit = 50): Promise<NotificationItem[]> {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      activityId: notifications.activityId,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(sql`${notifications.readAt} is null desc`, desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** How many notifications the member has not read yet. */
export async function countUnreadNotifications(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}
