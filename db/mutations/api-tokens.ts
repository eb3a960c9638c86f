import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb, repeatIfDropped } from "../client";
import { apiTokens } from "../schema";

/** Tokens are shown once; only this hash is stored, so a database leak reveals none. */
export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a personal access token for the member and returns it in clear, once. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; name: string; token: string; createdAt: Date }> {
  const token = `ct_${crypto.randomBytes(32).toString("base64url")}`;
  const db = await getDb();
  const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash: hashApiToken(token) }).returning();
  return { id: row.id, name: row.name, token, createdAt: row.createdAt };
}

/** Revokes one of the member's own tokens; someone else's id is simply not found. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Notes that a token was used, at most once a minute, so busy clients do not write on every call. */
export async function touchApiToken(tokenId: string): Promise<void> {
  const db = await getDb();
  const now = new Date();
  await repeatIfDropped(() =>
    db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))))),
  );
}
