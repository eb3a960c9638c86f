import "server-only";
import { eq } from "drizzle-orm";
import { memberLocale, type Locale } from "@/lib/i18n/locales";
import type { Db } from "../client";
import { getDb } from "../client";
import { users } from "../schema";

/** The language a member chose on their account page, or null (as their browser asks). */
export async function getLocaleSetting(userId: string, db?: Db): Promise<string | null> {
  const [row] = await (db ?? (await getDb())).select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.locale ?? null;
}

/** The language a member's emails, calendar text and notifications are written in (English when they chose none). */
export async function getMemberLocale(userId: string, db?: Db): Promise<Locale> {
  return memberLocale(await getLocaleSetting(userId, db));
}
