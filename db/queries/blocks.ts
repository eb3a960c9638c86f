import "server-only";
import { and, eq, or, sql, type SQL, type AnyColumn } from "drizzle-orm";
import { getDb } from "../client";
import { blocks, users } from "../schema";

/*
 * Blocking is mutual in effect: once either member blocks the other, neither sees the
 * other's name, profile or comments, and they cannot be paired or invited together. The
 * blocked member is never told.
 */

/** SQL that is true when the member in `column` and `viewerId` have no block between them, either way. */
export function notBlockedWith(viewerId: string, column: AnyColumn | SQL): SQL {
  return sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${viewerId} and ${blocks.blockedId} = ${column}) or (${blocks.blockerId} = ${column} and ${blocks.blockedId} = ${viewerId}))`;
}

/** Whether either member has blocked the other. */
export async function isBlockedEitherWay(a: string, b: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))))
    .limit(1);
  return Boolean(row);
}

/** The members this member has blocked, for the account page. */
export async function listBlockedBy(blockerId: string): Promise<{ userId: string; name: string; blockedAt: Date }[]> {
  const db = await getDb();
  return db
    .select({ userId: users.id, name: users.name, blockedAt: blocks.createdAt })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, blockerId))
    .orderBy(users.name);
}

/** A member's public face (name, bio, neighbourhood) for another signed-in member, unless a block stands between them. */
export async function getMemberProfile(memberId: string, viewerId: string): Promise<{ id: string; name: string; bio: string; neighbourhood: string | null } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, bio: users.bio, neighbourhood: users.neighbourhood })
    .from(users)
    .where(and(eq(users.id, memberId), sql`${users.suspendedAt} is null`, notBlockedWith(viewerId, users.id)))
    .limit(1);
  return row;
}
