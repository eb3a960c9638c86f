import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reminderDueAt, sendDueReminders } from "@/db/jobs/reminders";
import { respondToActivity } from "@/db/mutations/rsvps";
import { spendStillComingLink } from "@/db/mutations/still-coming";
import { activities, emailOutbox, notifications, rsvps } from "@/db/schema";
import { makeActivity, makeGroup, makeUser, usingPostgres } from "./helpers/factories";
import { ownDatabaseForTheseTests } from "./helpers/own-database";

/*
 * Two presses of the same "Free my place" link at once (a double click, or the link opened on
 * two devices) free one place once: one succeeds, the other finds the link used. PGlite runs
 * one session and cannot show a race, so this runs on PostgreSQL only.
 */

// The reminders job looks at every activity starting soon: on PostgreSQL this file keeps a database of its own.
ownDatabaseForTheseTests("ct_reminders");

describe.skipIf(!usingPostgres())("still-coming links under concurrency (PostgreSQL)", () => {
  it("two simultaneous presses of one link act once: one place freed, one person promoted", async () => {
    const db = await getDb();
    for (let round = 0; round < 5; round++) {
      const group = await makeGroup();
      const activity = await makeActivity(group.id, { startsInHours: 40, capacity: 1 });
      const [leaving, first, second] = [await makeUser(), await makeUser(), await makeUser()];
      for (const m of [leaving, first, second]) await respondToActivity(db, { activityId: activity.id, userId: m.id, status: "going" });
      await sendDueReminders({ now: new Date(reminderDueAt(activity.startsAt, activity.timezone).getTime() + 60_000) });
      const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, leaving.id), eq(emailOutbox.activityId, activity.id), eq(emailOutbox.type, "reminder")));
      const token = mail.bodyText.match(/\/still-coming\/free\/([A-Za-z0-9_-]{43})/)![1];

      const results = await Promise.all([spendStillComingLink(token, "free"), spendStillComingLink(token, "free"), spendStillComingLink(token, "free")]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((r) => !r.ok)) expect(["used", "try_again"]).toContain((r as { code: string }).code);

      const rows = await db.select({ userId: rsvps.userId, status: rsvps.status }).from(rsvps).where(eq(rsvps.activityId, activity.id));
      const status = new Map(rows.map((r) => [r.userId, r.status]));
      expect([status.get(leaving.id), status.get(first.id), status.get(second.id)]).toEqual(["not_going", "going", "waitlisted"]);
      const [counts] = await db.select({ going: activities.goingCount, waiting: activities.waitlistCount }).from(activities).where(eq(activities.id, activity.id));
      expect(counts).toEqual({ going: 1, waiting: 1 });
      const told = await db.select().from(notifications).where(and(eq(notifications.activityId, activity.id), eq(notifications.type, "waitlist_promoted")));
      expect(told.map((n) => n.userId)).toEqual([first.id]);
    }
  });
});
