import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { apiTokens, users } from "../schema";

export interface ApiTokenItem {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The member's tokens, newest first (never the token itself). */
export async function listApiTokens(userId: string): Promise<ApiTokenItem[]> {
  const db = await getDb();
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
}

/** The owner of a live token with this hash; revoked tokens and suspended owners give undefined. */
export async function getApiTokenOwner(tokenHash: string): Promise<{ tokenId: string; userId: string; locale: string | null } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ tokenId: apiTokens.id, userId: users.id, suspendedAt: users.suspendedAt, locale: users.locale })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.suspendedAt) return undefined;
  return { tokenId: row.tokenId, userId: row.userId, locale: row.locale };
}
