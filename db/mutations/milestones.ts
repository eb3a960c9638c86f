import "server-only";
import { milestoneWords, reachedMilestones } from "@/lib/connection/milestones";
import { getDb, type Db } from "../client";
import { getMemberZone, getMilestoneFacts, groupNames } from "../queries/connection-facts";
import { milestones } from "../schema";
import { notify } from "./notifications";

/**
 * Works out the milestones a member's facts reach and records the new ones, each exactly
 * once (the primary key decides, so two requests at once cannot record or announce one
 * twice), with a private in-app notification in warm words. Returns the keys newly reached.
 */
export async function recordMilestones(userId: string, options: { now?: Date; executor?: Db } = {}): Promise<string[]> {
  const run = async (tx: Db) => {
    const zone = await getMemberZone(userId, undefined, tx);
    const keys = reachedMilestones(await getMilestoneFacts(userId, tx), zone);
    if (keys.length === 0) return [];
    const inserted = await tx
      .insert(milestones)
      .values(keys.map((key) => ({ userId, key, reachedAt: options.now ?? new Date() })))
      .onConflictDoNothing()
      .returning({ key: milestones.key });
    const names = await groupNames(inserted.filter((m) => m.key.startsWith("third_visit:")).map((m) => m.key.slice("third_visit:".length)), tx);
    for (const { key } of inserted) {
      const words = milestoneWords(key, names.get(key.slice("third_visit:".length)));
      await notify(tx, { userId, type: "milestone", title: words.title, body: words.body, href: "/me/participation" });
    }
    return inserted.map((m) => m.key);
  };
  if (options.executor) return run(options.executor);
  const db = await getDb();
  return db.transaction(run);
}
