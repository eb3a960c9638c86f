import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { milestoneWords } from "@/lib/connection/milestones";
import type { UiLocale } from "@/lib/i18n/locales";
import { getDb } from "../client";
import { groups, milestones } from "../schema";

export interface MilestoneItem {
  key: string;
  title: string;
  body: string;
  reachedAt: Date;
  /** A third visit's group, for wording the milestone in the page's language. */
  groupName?: string;
}

/** A third visit's milestone names the group after this prefix. */
export const THIRD_VISIT = "third_visit:";

/** The member's recorded milestones in warm words, newest first; `since` keeps only recent ones. */
export async function listMilestones(userId: string, since?: Date, locale: UiLocale = "en"): Promise<MilestoneItem[]> {
  const db = await getDb();
  const rows = await db
    .select({ key: milestones.key, reachedAt: milestones.reachedAt, groupName: groups.name })
    .from(milestones)
    // A third visit's group name comes with it, in the same statement.
    .leftJoin(groups, sql`${milestones.key} like ${`${THIRD_VISIT}%`} and ${groups.id}::text = substr(${milestones.key}, ${THIRD_VISIT.length + 1})`)
    .where(since ? and(eq(milestones.userId, userId), gte(milestones.reachedAt, since)) : eq(milestones.userId, userId))
    .orderBy(desc(milestones.reachedAt), milestones.key);
  return rows.map((m) => toMilestoneItem(m, m.groupName ?? undefined, locale));
}

/** A recorded milestone in warm words; a third visit's with its group's name. */
export function toMilestoneItem(m: { key: string; reachedAt: Date }, groupName: string | undefined, locale: UiLocale = "en"): MilestoneItem {
  return { key: m.key, reachedAt: m.reachedAt, ...(groupName === undefined ? {} : { groupName }), ...milestoneWords(m.key, groupName, locale) };
}
