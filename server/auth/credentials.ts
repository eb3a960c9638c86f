import "server-only";
import { attemptsIn, clearAttempts, countAttempt, refundAttempt } from "@/db/mutations/rate-limits";
import { getUserByEmail } from "@/db/users";
import type { User } from "@/db/schema";
import { decoyHash, hasPassword, verifyPassword } from "@/lib/passwords";
import { RATE_LIMITS, type SignInLimit, tryAgainIn } from "@/lib/rate-limits";
import { signInSchema } from "@/lib/validation/auth";

/** Password guesses allowed from one address for one account: ten per quarter of an hour. */
export const SIGN_IN_LIMIT = RATE_LIMITS.signInPair;

export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; reason: "wrong" }
  /** The right password for a suspended account: only then is the member told why. */
  | { ok: false; reason: "suspended"; why: string | null }
  /** `limit` names what was limited, so the answer can say so (signInLimitMessage). */
  | { ok: false; reason: "rate_limited"; limit: SignInLimit; retryAfterSeconds: number };

const limited = (limit: SignInLimit, retryAfterSeconds: number): CredentialCheck => ({ ok: false, reason: "rate_limited", limit, retryAfterSeconds });

/**
 * Checks an email and password sent from `address` (server/client-address.ts). An unknown
 * email, a wrong password and malformed input all give the same "wrong", and an unknown
 * email still costs one password verification, so neither answer nor timing tells them
 * apart. A suspended account is named as such only to someone who knows its password.
 *
 * Limits follow OWASP's advice against credential stuffing without handing anyone a way
 * to lock a member out: failures are counted per (address, account) pair and per address,
 * each refusing with 429 at its number; failures on one account from everywhere only slow
 * that account down (one try every ten seconds), so its owner still gets in. Attempts are
 * counted before the password is checked (concurrent guesses cannot slip under a limit
 * together) and given back when they succeed.
 */
export async function checkCredentials(raw: unknown, address = "unknown"): Promise<CredentialCheck> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "wrong" };
  const email = parsed.data.email;
  const pairKey = `sign-in:pair:${address}:${email}`;
  const addressKey = `sign-in:address:${address}`;
  const accountKey = `sign-in:account:${email}`;

  const pair = await countAttempt(pairKey, RATE_LIMITS.signInPair);
  if (!pair.allowed) return limited("pair", pair.retryAfterSeconds);
  const fromAddress = await countAttempt(addressKey, RATE_LIMITS.signInAddress());
  if (!fromAddress.allowed) return limited("address", fromAddress.retryAfterSeconds);
  if ((await attemptsIn(accountKey, RATE_LIMITS.signInAccount)) >= RATE_LIMITS.signInAccount.limit) {
    const paced = await countAttempt(`sign-in:slowed:${email}`, RATE_LIMITS.signInSlowed);
    if (!paced.allowed) return limited("account", paced.retryAfterSeconds);
  }

  const user = await getUserByEmail(email);
  // An account without a password (single sign-on) costs the same verification and never matches.
  const usable = user && hasPassword(user.passwordHash);
  const ok = (await verifyPassword(usable ? user.passwordHash : await decoyHash(), parsed.data.password)) && Boolean(usable);
  if (!user || !ok) {
    await countAttempt(accountKey, { limit: Number.MAX_SAFE_INTEGER, windowMs: RATE_LIMITS.signInAccount.windowMs });
    return { ok: false, reason: "wrong" };
  }
  await Promise.all([clearAttempts(pairKey), refundAttempt(addressKey), clearAttempts(accountKey)]);
  if (user.suspendedAt) return { ok: false, reason: "suspended", why: user.suspendedReason };
  return { ok: true, user };
}

export { tryAgainIn };
