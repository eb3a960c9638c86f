import "server-only";
import crypto from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { apiTokens, passwordResetTokens, users } from "../schema";
import { enqueueEmail } from "./email";

/*
 * Password reset and change. A reset link carries a random token; only its SHA-256 is
 * stored, it works once and for an hour. Changing the password, either way, moves the
 * member's session version on (every older session is refused on its next request),
 * revokes every API token, spends any other reset link, and tells the member by email —
 * all in one transaction with the new hash.
 */

export const RESET_LINK_MINUTES = 60;

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * Makes a reset link for the member with this email, if there is one (and they are not
 * suspended), and writes the email to the outbox in the same transaction. Returns nothing
 * either way: the caller gives the same answer whether or not the email exists.
 */
export async function requestPasswordReset(email: string, origin: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, suspendedAt: users.suspendedAt }).from(users).where(eq(users.email, email)).limit(1);
    if (!user || user.suspendedAt) return;
    const token = crypto.randomBytes(32).toString("base64url");
    const tokenHash = sha256(token);
    await tx.insert(passwordResetTokens).values({ tokenHash, userId: user.id, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000), createdAt: now });
    await enqueueEmail(tx as unknown as Db, {
      userId: user.id,
      type: "password_reset",
      data: { url: `${origin}/reset-password/${token}`, expiresInMinutes: RESET_LINK_MINUTES },
      dedupeKey: `password_reset:${tokenHash}`,
    });
  });
}

/** Whether a reset link is still good (unused, not expired), without spending it. */
export async function resetLinkIsValid(token: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, sha256(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .limit(1);
  return Boolean(row);
}

async function setPassword(tx: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  await tx.update(passwordResetTokens).set({ usedAt: now }).where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  await enqueueEmail(tx, { userId, type: "password_changed", data: { title: "Your password was changed", body: "" }, dedupeKey: `password_changed:${userId}:${now.getTime()}` });
}

export type ResetResult = { ok: true; userId: string; email: string } | { ok: false; code: "invalid_link" };

/**
 * Spends a reset link and sets the new password (already hashed). The row is locked, so two
 * uses of one link at once cannot both succeed.
 */
export async function resetPassword(token: string, passwordHash: string, now = new Date()): Promise<ResetResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: passwordResetTokens.userId, usedAt: passwordResetTokens.usedAt, expiresAt: passwordResetTokens.expiresAt })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, sha256(token)))
      .for("update");
    if (!row || row.usedAt || row.expiresAt <= now) return { ok: false, code: "invalid_link" } as const;
    const [user] = await tx.select({ id: users.id, email: users.email, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, row.userId));
    if (!user || user.suspendedAt) return { ok: false, code: "invalid_link" } as const;
    await setPassword(tx as unknown as Db, user.id, passwordHash, now);
    return { ok: true, userId: user.id, email: user.email } as const;
  });
}

/** Sets a new password for a member who proved they know the current one (checked by the caller). */
export async function changePassword(userId: string, passwordHash: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => setPassword(tx as unknown as Db, userId, passwordHash, now));
}
