import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { NO_PASSWORD } from "@/lib/passwords";
import { getDb, type Db } from "../client";
import { apiTokens, emailLinks, users, type User } from "../schema";
import { enqueueEmail } from "./email";
import { onEmailVerified } from "./email-verified";

/*
 * Single-use links sent by email: "confirm your email" (sent at sign-up, and again on request)
 * and "sign in" (asked for on the sign-in page). A link carries a random token; only its SHA-256
 * is stored. Opening a link never spends it: the page it opens asks for one press of a button
 * (a POST), because mail scanners fetch the links in a message before the person reads it.
 */

export const VERIFY_LINK_HOURS = 48;
export const SIGN_IN_LINK_MINUTES = 15;

export type EmailLinkPurpose = "verify" | "sign_in";

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A token the way it may arrive in an address: anything else is not one of ours. */
export const isLinkToken = (token: string) => /^[A-Za-z0-9_-]{40,50}$/.test(token);

async function writeLink(tx: Db, user: { id: string; email: string }, purpose: EmailLinkPurpose, origin: string, now: Date): Promise<void> {
  const token = crypto.randomBytes(32).toString("base64url");
  const tokenHash = sha256(token);
  const minutes = purpose === "verify" ? VERIFY_LINK_HOURS * 60 : SIGN_IN_LINK_MINUTES;
  await tx.insert(emailLinks).values({ tokenHash, userId: user.id, purpose, email: user.email, expiresAt: new Date(now.getTime() + minutes * 60_000), createdAt: now });
  await enqueueEmail(tx, {
    userId: user.id,
    type: purpose === "verify" ? "email_verification" : "sign_in_link",
    data: { url: `${origin}/${purpose === "verify" ? "confirm-email" : "signin/link"}/${token}`, expiresInMinutes: minutes },
    dedupeKey: `${purpose}:${tokenHash}`,
  });
}

/**
 * Sends the member a link that confirms their email, unless it is confirmed already (or the
 * account is suspended). Returns whether a link was sent. Rate limits are the caller's.
 */
export async function sendVerificationLink(userId: string, origin: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email, verified: users.emailVerifiedAt, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, userId));
    if (!user || user.verified || user.suspendedAt) return false;
    await writeLink(tx as unknown as Db, user, "verify", origin, now);
    return true;
  });
}

/**
 * Emails a sign-in link to the member with this email, if there is one and they are not
 * suspended. Returns nothing either way: the caller answers the same whether or not it exists.
 */
export async function requestSignInLink(email: string, origin: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email, suspendedAt: users.suspendedAt }).from(users).where(eq(users.email, email)).limit(1);
    if (!user || user.suspendedAt) return;
    await writeLink(tx as unknown as Db, user, "sign_in", origin, now);
  });
}

export type LinkState = "valid" | "used" | "expired" | "unknown";

/** What a link is now (good, used, expired, or not one of ours), without spending it. */
export async function emailLinkState(token: string, purpose: EmailLinkPurpose, now = new Date()): Promise<LinkState> {
  if (!isLinkToken(token)) return "unknown";
  const db = await getDb();
  const [row] = await db
    .select({ usedAt: emailLinks.usedAt, expiresAt: emailLinks.expiresAt, email: emailLinks.email, current: users.email, suspendedAt: users.suspendedAt })
    .from(emailLinks)
    .innerJoin(users, eq(users.id, emailLinks.userId))
    .where(and(eq(emailLinks.tokenHash, sha256(token)), eq(emailLinks.purpose, purpose)))
    .limit(1);
  if (!row || row.email !== row.current || row.suspendedAt) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "valid";
}

export type SpentLink = { ok: true; user: User; newlyVerified: boolean } | { ok: false; state: Exclude<LinkState, "valid"> };

/**
 * Spends a link: it works once (the row is locked, so two presses at once cannot both use it),
 * before it expires, for the address it was sent to. Either purpose confirms that address: the
 * person has shown they read mail sent to it.
 *
 * An account that someone else could have made with this address (before its owner confirmed
 * it) must not keep that someone's way in: when the first confirmation comes by a sign-in link
 * rather than the confirmation link itself, the password set at sign-up is cleared, every other
 * session ends and API tokens are revoked. The owner can choose a password with "Forgot your
 * password?". The confirmation link keeps the password: pressing it is the owner saying the
 * account is theirs.
 */
export async function spendEmailLink(token: string, purpose: EmailLinkPurpose, now = new Date()): Promise<SpentLink> {
  if (!isLinkToken(token)) return { ok: false, state: "unknown" };
  const db = await getDb();
  const spent = await db.transaction(async (tx): Promise<SpentLink> => {
    const [row] = await tx
      .select({ userId: emailLinks.userId, email: emailLinks.email, usedAt: emailLinks.usedAt, expiresAt: emailLinks.expiresAt })
      .from(emailLinks)
      .where(and(eq(emailLinks.tokenHash, sha256(token)), eq(emailLinks.purpose, purpose)))
      .for("update");
    if (!row) return { ok: false, state: "unknown" };
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).for("update");
    if (!user || user.email !== row.email || user.suspendedAt) return { ok: false, state: "unknown" };
    if (row.usedAt) return { ok: false, state: "used" };
    if (row.expiresAt <= now) return { ok: false, state: "expired" };
    await tx.update(emailLinks).set({ usedAt: now }).where(eq(emailLinks.tokenHash, sha256(token)));
    if (user.emailVerifiedAt) return { ok: true, user, newlyVerified: false };
    const verified = await markEmailVerified(tx as unknown as Db, user, now, { takeOver: purpose === "sign_in" });
    return { ok: true, user: verified, newlyVerified: true };
  });
  if (spent.ok && spent.newlyVerified) await onEmailVerified(spent.user.id, spent.user.email);
  return spent;
}

/**
 * Records that the member's email is confirmed, inside the caller's transaction. With
 * `takeOver` (the first confirmation came another way than the confirmation link: a sign-in
 * link, or a provider vouching for the address), whatever the account's maker set up is
 * cleared: the password, other sessions, API tokens. The caller calls onEmailVerified once the
 * transaction has committed.
 */
export async function markEmailVerified(tx: Db, user: User, now: Date, { takeOver }: { takeOver: boolean }): Promise<User> {
  const [updated] = await tx
    .update(users)
    .set(takeOver ? { emailVerifiedAt: now, passwordHash: NO_PASSWORD, sessionVersion: sql`${users.sessionVersion} + 1` } : { emailVerifiedAt: now })
    .where(eq(users.id, user.id))
    .returning();
  if (takeOver) await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)));
  return updated;
}

/**
 * The member a confirmation link was sent to, while their email still needs confirming (so an
 * expired link can offer a fresh one without signing in); null otherwise.
 */
export async function memberOfConfirmationLink(token: string): Promise<string | null> {
  if (!isLinkToken(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ userId: emailLinks.userId })
    .from(emailLinks)
    .innerJoin(users, eq(users.id, emailLinks.userId))
    .where(and(eq(emailLinks.tokenHash, sha256(token)), eq(emailLinks.purpose, "verify"), eq(emailLinks.email, users.email), isNull(users.emailVerifiedAt)))
    .limit(1);
  return row?.userId ?? null;
}
