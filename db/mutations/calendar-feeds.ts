import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { calendarFeeds, groups, memberships } from "../schema";
import { say } from "@/lib/i18n/said";

/*
 * Private calendar feeds: "my activities", or one group's activities, at an unguessable URL a
 * calendar app can subscribe to without signing in. The token (32 random bytes) is shown once;
 * only its SHA-256 is stored. Revoking sets revoked_at and the URL is a 404 from that moment.
 */

export function hashFeedToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

function newFeedToken(): string {
  return `cf_${crypto.randomBytes(32).toString("base64url")}`;
}

/** `madeAt` changes whenever the address does, so a page can tell a shown address is still the feed's. */
export type CreateFeedResult = { ok: true; id: string; token: string; madeAt: Date } | { ok: false; code: "not_found"; message: string };

/**
 * Makes a feed for the member: their own activities (`groupId` null), or a group they are an
 * active member of. Anyone else's group, or one that does not exist, is not found.
 */
export async function createCalendarFeed(userId: string, groupId: string | null): Promise<CreateFeedResult> {
  const db = await getDb();
  if (groupId) {
    const [m] = await db
      .select({ id: memberships.groupId })
      .from(memberships)
      .innerJoin(groups, eq(groups.id, memberships.groupId))
      .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(groups.hiddenAt)))
      .limit(1);
    if (!m) return { ok: false, code: "not_found", message: say("errors.refusals.calendarFeeds.onlySubscribeGroupsYoure") };
  }
  const token = newFeedToken();
  const [row] = await db.insert(calendarFeeds).values({ userId, groupId, tokenHash: hashFeedToken(token) }).returning({ id: calendarFeeds.id, madeAt: calendarFeeds.createdAt });
  return { ok: true, id: row.id, token, madeAt: row.madeAt };
}

/** Revokes one of the member's feeds; its URL stops working at once. Someone else's id is not found. */
export async function revokeCalendarFeed(userId: string, feedId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

/**
 * Replaces a feed's URL with a new one, keeping what it shows: the same feed gets a new token,
 * so the old URL is a 404 at once and the member's list keeps the feed in its place (where the
 * account page shows the new address).
 */
export async function renewCalendarFeed(userId: string, feedId: string): Promise<CreateFeedResult> {
  const db = await getDb();
  const token = newFeedToken();
  const [row] = await db
    .update(calendarFeeds)
    .set({ tokenHash: hashFeedToken(token), createdAt: new Date() })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id, madeAt: calendarFeeds.createdAt });
  if (!row) return { ok: false, code: "not_found", message: say("errors.refusals.calendarFeeds.calendarLinkAlreadyRevoked") };
  return { ok: true, id: row.id, token, madeAt: row.madeAt };
}
