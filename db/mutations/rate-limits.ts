import "server-only";
import { sql } from "drizzle-orm";
import { type MemberLimit, RATE_LIMITS, type RateDecision, type RateLimit } from "@/lib/rate-limits";
import { getDb, repeatIfDropped } from "../client";

/*
 * Fixed-window counters kept in the database, so a limit holds across every app instance.
 * One statement counts the attempt and reads the total, so concurrent attempts cannot
 * slip under the limit together.
 */

export type { RateDecision, RateLimit };

/** Counts one attempt of a member at something limited per member. */
export function limitMember(rule: MemberLimit, userId: string): Promise<RateDecision> {
  return countAttempt(`${rule}:${userId}`, RATE_LIMITS[rule]);
}

/** Counts one attempt against `key` and says whether it is within the limit. */
export async function countAttempt(key: string, rule: RateLimit, now = new Date()): Promise<RateDecision> {
  const db = await getDb();
  const windowOpen = new Date(now.getTime() - rule.windowMs);
  const result = (await repeatIfDropped(() => db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      window_start = case when rate_limits.window_start <= ${windowOpen.toISOString()} then excluded.window_start else rate_limits.window_start end,
      count = case when rate_limits.window_start <= ${windowOpen.toISOString()} then 1 else rate_limits.count + 1 end
    returning window_start, count`))) as unknown as { rows: { window_start: string | Date; count: number }[] };
  const [row] = result.rows;
  if (row.count <= rule.limit) return { allowed: true };
  const resetsAt = new Date(row.window_start).getTime() + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)) };
}

/** Forgets the attempts against `key` (after a successful sign-in, say). */
export async function clearAttempts(key: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Gives back one counted attempt (an attempt that turned out to be a success, say). */
export async function refundAttempt(key: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

/** How many attempts `key` has in its current window, without counting one. */
export async function attemptsIn(key: string, rule: RateLimit, now = new Date()): Promise<number> {
  const db = await getDb();
  const windowOpen = new Date(now.getTime() - rule.windowMs);
  const result = (await db.execute(sql`
    select count from rate_limits where key = ${key} and window_start > ${windowOpen.toISOString()}`)) as unknown as { rows: { count: number }[] };
  return result.rows[0]?.count ?? 0;
}
