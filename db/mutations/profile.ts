import "server-only";
import { eq } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/locales";
import type { ProfileInput } from "@/lib/validation/account";
import { getDb } from "../client";
import { users } from "../schema";

/** Saves what a member says about themselves: the name others see, a short bio, a neighbourhood. */
export async function updateProfile(userId: string, input: ProfileInput): Promise<{ name: string; bio: string; neighbourhood: string | null }> {
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({ name: input.name, bio: input.bio, neighbourhood: input.neighbourhood || null })
    .where(eq(users.id, userId))
    .returning({ name: users.name, bio: users.bio, neighbourhood: users.neighbourhood });
  return row;
}

/** The language a member chose for the hub's pages, emails and notifications; null: as their browser asks. */
export async function setMemberLocale(userId: string, locale: Locale | null): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
