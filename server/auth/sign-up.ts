import "server-only";
import { countAttempt, type RateLimit } from "@/db/mutations/rate-limits";
import { sendVerificationLink } from "@/db/mutations/email-links";
import { createUser } from "@/db/users";
import type { User } from "@/db/schema";
import { RATE_LIMITS } from "@/lib/rate-limits";
import { hashPassword } from "@/lib/passwords";
import { siteUrl } from "@/lib/env";
import type { SignUpInput } from "@/lib/validation/auth";

export type SignUpResult =
  | { ok: true; user: User }
  | { ok: false; reason: "email_taken" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** New accounts allowed from one address per hour. */
export const signUpLimit = (): RateLimit => RATE_LIMITS.signUpAddress();

/**
 * Signs a new member up: the one path for the sign-up form and POST /api/users. Sign-ups
 * from one address (server/client-address.ts, never a made-up X-Forwarded-For) are limited per hour (SIGN_UP_LIMIT_PER_HOUR), counted before the
 * password is hashed, so a flood costs little. The new account's email is unconfirmed, and a
 * link to confirm it is emailed at once (its origin is the configured one, never the request's).
 */
export async function signUpMember(input: SignUpInput, clientAddress: string, rule: RateLimit = signUpLimit()): Promise<SignUpResult> {
  const decision = await countAttempt(`sign-up:${clientAddress}`, rule);
  if (!decision.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds };
  const created = await createUser({ name: input.name, email: input.email, passwordHash: await hashPassword(input.password), emailVerifiedAt: null });
  if (!created.ok) return { ok: false, reason: "email_taken" };
  await sendVerificationLink(created.user.id, siteUrl());
  return created;
}
