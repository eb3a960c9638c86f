import "server-only";
import { and, eq } from "drizzle-orm";
import { NO_PASSWORD } from "@/lib/passwords";
import { getDb, type Db } from "../client";
import { signInIdentities, users, type User } from "../schema";
import { markEmailVerified } from "./email-links";
import { onEmailVerified } from "./email-verified";

/** What the OpenID Connect provider said about the person, from its checked ID token. */
export interface ProviderPerson {
  issuer: string;
  subject: string;
  /** Lower-cased and trimmed by the caller; null when the provider gave none. */
  email: string | null;
  /** Only `true` from the provider counts: a missing claim is not a yes. */
  emailVerified: boolean;
  name: string | null;
}

export type ProviderSignIn =
  | { ok: true; user: User; created: boolean }
  | { ok: false; reason: "unverified_email" | "suspended" };

/**
 * The member a single sign-on is for. Someone the provider has named before (the same issuer
 * and subject) is that member again. Otherwise the person is matched by email, and only by an
 * email the provider says it has verified: an existing account with that email is linked (and,
 * if the account's own email was not confirmed yet, confirmed; whatever its maker set up is then
 * cleared, see markEmailVerified), and someone new gets a new account, confirmed, without a
 * password. A suspended account is refused either way.
 */
export async function signInWithProvider(person: ProviderPerson, now = new Date()): Promise<ProviderSignIn> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<ProviderSignIn & { verified?: boolean }> => {
    const [known] = await tx
      .select({ user: users })
      .from(signInIdentities)
      .innerJoin(users, eq(users.id, signInIdentities.userId))
      .where(and(eq(signInIdentities.issuer, person.issuer), eq(signInIdentities.subject, person.subject)))
      .limit(1);
    if (known) {
      if (known.user.suspendedAt) return { ok: false, reason: "suspended" };
      await tx.update(signInIdentities).set({ lastUsedAt: now }).where(and(eq(signInIdentities.issuer, person.issuer), eq(signInIdentities.subject, person.subject)));
      return { ok: true, user: known.user, created: false };
    }
    if (!person.email || !person.emailVerified) return { ok: false, reason: "unverified_email" };

    let [user] = await tx.select().from(users).where(eq(users.email, person.email)).for("update").limit(1);
    let created = false;
    let verified = false;
    if (user?.suspendedAt) return { ok: false, reason: "suspended" };
    if (!user) {
      const name = (person.name?.trim() || person.email.split("@")[0]).slice(0, 80);
      [user] = await tx.insert(users).values({ name, email: person.email, passwordHash: NO_PASSWORD, emailVerifiedAt: now }).onConflictDoNothing({ target: users.email }).returning();
      // Someone signed up with this email a moment ago: link theirs instead, on the next try.
      if (!user) throw new Error("An account with this email was made at the same moment; try again.");
      created = verified = true;
    } else if (!user.emailVerifiedAt) {
      user = await markEmailVerified(tx as unknown as Db, user, now, { takeOver: true });
      verified = true;
    }
    await tx.insert(signInIdentities).values({ issuer: person.issuer, subject: person.subject, userId: user.id, email: person.email, createdAt: now, lastUsedAt: now }).onConflictDoNothing();
    return { ok: true, user, created, verified };
  });
  if (outcome.ok && outcome.verified) await onEmailVerified(outcome.user.id, outcome.user.email);
  if (!outcome.ok) return outcome;
  return { ok: true, user: outcome.user, created: outcome.created };
}
