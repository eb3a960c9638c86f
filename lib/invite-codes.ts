import "server-only";
import crypto from "node:crypto";

/*
 * A private group's invite code is the only secret in its invite link: the slug comes from
 * the group's name and can be guessed. 18 random bytes make a 24-character URL-safe code.
 */

/** A fresh, unguessable invite code. */
export function newInviteCode(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/**
 * Whether `given` is the group's code. Both sides are hashed to the same length first, so
 * the comparison takes the same time however much of a guess is right.
 */
export function inviteCodeMatches(stored: string | null | undefined, given: string | null | undefined): boolean {
  if (!stored || !given) return false;
  const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
  return crypto.timingSafeEqual(digest(stored), digest(given));
}
