import "server-only";
import { eq, getTableColumns, sql } from "drizzle-orm";
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

/**
 * A member with how many notifications they have not read: everything a signed-in request
 * needs of its member (the session check, the viewer, the header's count) in one statement.
 */
export async function getMemberForRequest(id: string): Promise<(User & { unreadNotifications: number }) | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      ...getTableColumns(users),
      unreadNotifications: sql<number>`(select count(*) from notifications n where n.user_id = "users"."id" and n.read_at is null)`.mapWith(Number),
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; code: "email_taken" };

/**
 * Creates a member; a taken email is an expected outcome, decided by the unique index.
 * `emailVerifiedAt: null` makes the email unconfirmed (sign-up does); left out, it counts as
 * confirmed now, as for seeded accounts.
 */
export async function createUser(input: { name: string; email: string; passwordHash: string; emailVerifiedAt?: Date | null }): Promise<CreateUserResult> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash: input.passwordHash, ...(input.emailVerifiedAt !== undefined ? { emailVerifiedAt: input.emailVerifiedAt } : {}) })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row ? { ok: true, user: row } : { ok: false, code: "email_taken" };
}

/**
 * Ends every session the member has: sessions carry the member's session version, and one
 * that no longer matches is refused on its next request (server/auth/config.ts).
 */
export async function endSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
