import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import { recordMilestones } from "./mutations/milestones";
import { dataUpgrades } from "./schema";

/*
 * One-off steps on the data that need the app's own rules, each run once per database at
 * start-up: a migration adds its row to `data_upgrades`; the first instance to start takes it
 * (FOR UPDATE SKIP LOCKED, so two instances never run one twice), runs it in the same
 * transaction and marks it done. A step that fails is rolled back and tried at the next start.
 */

const STEPS: Record<string, (tx: Db) => Promise<void>> = {
  // Milestones used to be recorded when a member's pages were read; now they are recorded where
  // their facts change. Whatever a member had already reached but never read is recorded here.
  "milestones.record-reached": async (tx) => {
    const members = (await tx.execute(sql`
      select user_id as id from rsvps where attendance = 'attended'
      union select user_id from task_claims where status in ('done', 'verified')
      union select inviter_id from partnerships where accepted_at is not null
      union select invitee_id from partnerships where accepted_at is not null and invitee_id is not null
      union select author_id from check_ins
      union select user_id from reflections`)) as unknown as { rows: { id: string }[] };
    for (const { id } of members.rows) await recordMilestones(id, { executor: tx });
  },
};

/** Runs the data upgrades still waiting in `data_upgrades`, each in its own transaction. */
export async function runDataUpgrades(db: Db): Promise<string[]> {
  const ran: string[] = [];
  for (const [name, step] of Object.entries(STEPS)) {
    const done = await db.transaction(async (tx) => {
      const [waiting] = await tx.select({ name: dataUpgrades.name }).from(dataUpgrades).where(and(eq(dataUpgrades.name, name), isNull(dataUpgrades.doneAt))).for("update", { skipLocked: true });
      if (!waiting) return false;
      await step(tx);
      await tx.update(dataUpgrades).set({ doneAt: new Date() }).where(eq(dataUpgrades.name, name));
      return true;
    });
    if (done) ran.push(name);
  }
  return ran;
}
