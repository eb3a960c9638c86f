import "server-only";
import { clearAttempts, countAttempt } from "@/db/mutations/rate-limits";
import { getUserByEmail } from "@/db/users";
import type { User } from "@/db/schema";
import { decoyHash, verifyPassword } from "@/lib/passwords";
import { signInSchema } from "@/lib/validation/auth";

/** Password guesses allowed per email address: ten per quarter of an hour. */
export const SIGN_IN_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. An unknown email, a wrong password, malformed input and a
 * suspended account all give the same "wrong", and an unknown email still costs one
 * password verification, so neither answer nor timing tells them apart. Every attempt
 * counts against the email's limit, known or not; a successful sign-in starts it afresh.
 */
export async function checkCredentials(raw: unknown): Promise<CredentialCheck> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "wrong" };
  const key = `sign-in:${parsed.data.email}`;
  const decision = await countAttempt(key, SIGN_IN_LIMIT);
  if (!decision.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds };
  const user = await getUserByEmail(parsed.data.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), parsed.data.password);
  if (!user || !ok || user.suspendedAt) return { ok: false, reason: "wrong" };
  await clearAttempts(key);
  return { ok: true, user };
}

/** How long to wait, in words, for a rate-limited sign-in. */
export function tryAgainIn(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
