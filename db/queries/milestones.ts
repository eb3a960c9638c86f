import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { milestoneWords } from "@/lib/connection/milestones";
import { getDb } from "../client";
import { milestones } from "../schema";
import { groupNames } from "./connection-facts";

export interface MilestoneItem {
  key: string;
  title: string;
  body: string;
  reachedAt: Date;
}

/** The member's recorded milestones in warm words, newest first; `since` keeps only recent ones. */
export async function listMilestones(userId: string, since?: Date): Promise<MilestoneItem[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(milestones)
    .where(since ? and(eq(milestones.userId, userId), gte(milestones.reachedAt, since)) : eq(milestones.userId, userId))
    .orderBy(desc(milestones.reachedAt), milestones.key);
  const names = await groupNames(rows.filter((m) => m.key.startsWith("third_visit:")).map((m) => m.key.slice("third_visit:".length)));
  return rows.map((m) => ({ key: m.key, reachedAt: m.reachedAt, ...milestoneWords(m.key, names.get(m.key.slice("third_visit:".length))) }));
}
