import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "./client";
import { users, type User } from "./schema";

/** Finds a member by email (already normalized by the shared schema). */
export async function getUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

/** Finds a member by id. */
export async function getUserById(id: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; code: "email_taken" };

/** Creates a member; a taken email is an expected outcome, decided by the unique index. */
export async function createUser(input: { name: string; email: string; passwordHash: string }): Promise<CreateUserResult> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash: input.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row ? { ok: true, user: row } : { ok: false, code: "email_taken" };
}

/**
 * Ends every session the member has: sessions carry the member's session version, and one
 * that no longer matches is refused on its next request (lib/auth/config.ts).
 */
export async function endSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
