import "server-only";
import { and, eq } from "drizzle-orm";
import { reachedMilestones } from "@/lib/connection/milestones";
import { say } from "@/lib/i18n/words";
import { getDb, type Db } from "../client";
import { getMemberZone, getMilestoneFacts, groupNames } from "../queries/connection-facts";
import { milestones, rsvps } from "../schema";
import { notify } from "./notifications";

/*
 * Milestones are recorded where their facts change, in the same transaction as the change:
 * attendance marked, a task marked done or verified, a partner accepted, a check-in, a
 * reflection, an attended activity's kind or date corrected. Pages and API reads only list
 * them: a GET never writes. Milestones reached before that rule held are recorded once per
 * database at start-up (db/data-upgrades.ts).
 */

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
      const words = milestoneNotice(key, names.get(key.slice("third_visit:".length)));
      await notify(tx, { userId, type: "milestone", title: words.title, body: words.body, href: "/me/participation" });
    }
    return inserted.map((m) => m.key);
  };
  if (options.executor) return run(options.executor);
  const db = await getDb();
  return db.transaction(run);
}

/** A milestone's warm words, in the member's language (messages/<locale>/notices.json, "milestone"). */
function milestoneNotice(key: string, groupName?: string) {
  const words = (name: string, values: Record<string, string> = {}) => ({ title: say("notices", `milestone.${name}.title`, values), body: say("notices", `milestone.${name}.body`, values) });
  if (key.startsWith("first_kind:")) return words("firstKind", { kind: key.slice("first_kind:".length) });
  if (key.startsWith("third_visit:")) return groupName ? words("thirdVisit", { group: groupName }) : words("thirdVisitSame");
  if (key.startsWith("hours_")) return words("hours", { hours: key.slice("hours_".length) });
  const plain: Record<string, string> = { first_activity: "firstActivity", weeks_4: "weeks4", weeks_10: "weeks10", first_task: "firstTask", first_partner: "firstPartner", first_reflection: "firstReflection" };
  return words(plain[key] ?? "other");
}

/** Records, inside `tx`, the milestones of everyone marked as having attended the activity. */
export async function recordMilestonesOfAttendees(tx: Db, activityId: string, now?: Date): Promise<void> {
  const came = await tx.select({ userId: rsvps.userId }).from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.attendance, "attended")));
  for (const { userId } of came) await recordMilestones(userId, { now, executor: tx });
}
