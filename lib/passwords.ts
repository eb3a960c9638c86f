import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, t=2, p=1), the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the email is unknown, so both failures take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash("not-a-real-password-decoy");
  return decoy;
}

/**
 * The password hash of an account without a password (made through single sign-on, or whose
 * sign-up password was cleared when someone else confirmed the address): no password matches it.
 */
export const NO_PASSWORD = "!no-password";

/** Whether an account has a password one could sign in with. */
export const hasPassword = (passwordHash: string) => passwordHash !== NO_PASSWORD;
