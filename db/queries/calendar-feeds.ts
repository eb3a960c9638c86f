import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { hashFeedToken } from "../mutations/calendar-feeds";
import { calendarFeeds, groups, memberships, users } from "../schema";
import { groupVisibleTo } from "./visibility";

export interface CalendarFeedItem {
  id: string;
  groupId: string | null;
  groupName: string | null;
  createdAt: Date;
}

/** The member's live feeds, newest first (never the token). */
export async function listCalendarFeeds(userId: string): Promise<CalendarFeedItem[]> {
  const db = await getDb();
  return db
    .select({ id: calendarFeeds.id, groupId: calendarFeeds.groupId, groupName: groups.name, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .leftJoin(groups, eq(groups.id, calendarFeeds.groupId))
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(50);
}

/** Groups the member may make a feed of: those they are an active member of. */
export async function listFeedableGroups(userId: string): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db
    .select({ id: groups.id, name: groups.name })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(groups.hiddenAt)))
    .orderBy(groups.name);
}

/** What a live feed token opens: its owner and group. Revoked tokens and suspended owners give undefined. */
export async function resolveFeedToken(token: string): Promise<{ userId: string; userName: string; groupId: string | null; groupName: string | null } | undefined> {
  if (!/^cf_[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ userId: users.id, userName: users.name, suspendedAt: users.suspendedAt, groupId: calendarFeeds.groupId, groupName: groups.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .leftJoin(groups, eq(groups.id, calendarFeeds.groupId))
    .where(and(eq(calendarFeeds.tokenHash, hashFeedToken(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (!row || row.suspendedAt) return undefined;
  return { userId: row.userId, userName: row.userName, groupId: row.groupId, groupName: row.groupName };
}

/** Whether the member may see the group today (public, or private with an active membership). */
export async function canSeeGroup(groupId: string, userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, groupId), groupVisibleTo(userId))).limit(1);
  return Boolean(row);
}
