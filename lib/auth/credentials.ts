import "server-only";
import { getUserByEmail } from "@/db/users";
import type { User } from "@/db/schema";
import { decoyHash, verifyPassword } from "@/lib/passwords";
import { signInSchema } from "@/lib/validation/auth";

/**
 * The member these credentials belong to, or null. An unknown email, a wrong password,
 * malformed input and a suspended account all give the same null, and an unknown email
 * still costs one password verification, so neither answer nor timing tells them apart.
 */
export async function verifyCredentials(raw: unknown): Promise<User | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await getUserByEmail(parsed.data.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), parsed.data.password);
  if (!user || !ok || user.suspendedAt) return null;
  return user;
}
