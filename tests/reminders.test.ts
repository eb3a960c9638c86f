import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reminderDueAt, sendDueReminders } from "@/db/jobs/reminders";
import { cancelActivity } from "@/db/mutations/activities";
import { cancelRsvp, respondToActivity } from "@/db/mutations/rsvps";
import { activities, emailOutbox, notifications } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser, usingPostgres } from "./helpers/factories";
import { openSecondInstance } from "./helpers/second-instance";
import { ownDatabaseForTheseTests } from "./helpers/own-database";

const minutes = (n: number) => n * 60_000;

async function remindersOf(userId: string) {
  const db = await getDb();
  const inApp = await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, "reminder")));
  const emails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.type, "reminder")));
  return { inApp, emails };
}

async function activityWithGoing(count: number, startsInHours = 40) {
  const group = await makeGroup();
  const activity = await makeActivity(group.id, { startsInHours, timezone: "Europe/London" });
  const members = [];
  const db = await getDb();
  for (let i = 0; i < count; i++) {
    const m = await makeUser();
    await respondToActivity(db, { activityId: activity.id, userId: m.id, status: "going" });
    members.push(m);
  }
  return { group, activity, members };
}


// The reminders job looks at every activity starting soon: on PostgreSQL this file keeps a database of its own.
ownDatabaseForTheseTests("ct_reminders");

describe("day-before reminders", () => {
  it("are due at 18:00 the evening before, in the activity's own zone", () => {
    expect(reminderDueAt(new Date("2026-07-11T09:00:00Z"), "Europe/London").toISOString()).toBe("2026-07-10T17:00:00.000Z");
    expect(reminderDueAt(new Date("2026-01-11T09:00:00Z"), "Europe/London").toISOString()).toBe("2026-01-10T18:00:00.000Z");
    expect(reminderDueAt(new Date("2026-01-11T09:00:00Z"), "America/New_York").toISOString()).toBe("2026-01-10T23:00:00.000Z");
  });

  it("everyone going is reminded once, in-app and by email, with the activity's local time", async () => {
    const { activity, members } = await activityWithGoing(3);
    const due = reminderDueAt(activity.startsAt, activity.timezone);
    await sendDueReminders({ now: new Date(due.getTime() - minutes(1)) });
    expect((await remindersOf(members[0].id)).inApp).toHaveLength(0);
    await sendDueReminders({ now: new Date(due.getTime() + minutes(1)) });
    await sendDueReminders({ now: new Date(due.getTime() + minutes(5)) });
    for (const m of members) {
      const { inApp, emails } = await remindersOf(m.id);
      expect(inApp).toHaveLength(1);
      expect(emails).toHaveLength(1);
      expect(emails[0].activityId).toBe(activity.id);
    }
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(activity.startsAt);
    expect((await remindersOf(members[0].id)).inApp[0].body).toContain(local);
  });

  it("a moved activity is reminded once, at its new time, and never for the old one", async () => {
    const { activity, members } = await activityWithGoing(2);
    const db = await getDb();
    const oldDue = reminderDueAt(activity.startsAt, activity.timezone);
    const newStart = new Date(activity.startsAt.getTime() + 3 * 86_400_000);
    await db.update(activities).set({ startsAt: newStart, endsAt: new Date(newStart.getTime() + 7_200_000) }).where(eq(activities.id, activity.id));
    await sendDueReminders({ now: new Date(oldDue.getTime() + minutes(1)) });
    expect((await remindersOf(members[0].id)).inApp).toHaveLength(0);
    const newDue = reminderDueAt(newStart, activity.timezone);
    await sendDueReminders({ now: new Date(newDue.getTime() + minutes(1)) });
    await sendDueReminders({ now: new Date(newDue.getTime() + minutes(2)) });
    for (const m of members) {
      const { inApp, emails } = await remindersOf(m.id);
      expect(inApp).toHaveLength(1);
      expect(emails).toHaveLength(1);
    }
  });

  it("an activity moved after its reminder is reminded again for the new time, once", async () => {
    const { activity, members } = await activityWithGoing(1);
    const db = await getDb();
    const due = reminderDueAt(activity.startsAt, activity.timezone);
    await sendDueReminders({ now: new Date(due.getTime() + minutes(1)) });
    const newStart = new Date(activity.startsAt.getTime() + 2 * 86_400_000);
    await db.update(activities).set({ startsAt: newStart, endsAt: new Date(newStart.getTime() + 7_200_000) }).where(eq(activities.id, activity.id));
    const newDue = reminderDueAt(newStart, activity.timezone);
    await sendDueReminders({ now: new Date(newDue.getTime() + minutes(1)) });
    await sendDueReminders({ now: new Date(newDue.getTime() + minutes(3)) });
    expect((await remindersOf(members[0].id)).inApp).toHaveLength(2);
  });

  it("someone who says they're going after the reminder time has just heard about it and is not reminded", async () => {
    const { members } = await activityWithGoing(1, 5);
    await sendDueReminders();
    expect((await remindersOf(members[0].id)).inApp).toHaveLength(0);
  });

  it("nobody is reminded of a cancelled activity, nor a member who withdrew", async () => {
    const { activity, members } = await activityWithGoing(2);
    const other = await activityWithGoing(1);
    const db = await getDb();
    await cancelRsvp(db, { activityId: other.activity.id, userId: other.members[0].id });
    const organizer = await makeUser();
    await addMember(activity.groupId, organizer.id, "organizer");
    const result = await cancelActivity({ id: organizer.id }, activity.id);
    expect(result.ok).toBe(true);
    for (const a of [activity, other.activity]) {
      await sendDueReminders({ now: new Date(reminderDueAt(a.startsAt, a.timezone).getTime() + minutes(1)) });
    }
    for (const m of [...members, ...other.members]) expect((await remindersOf(m.id)).inApp).toHaveLength(0);
  });
});

describe.skipIf(!usingPostgres())("reminders with two job-runner instances (PostgreSQL)", () => {
  it("two instances racing give each member exactly one reminder", async () => {
    const second = openSecondInstance();
    try {
      for (let round = 0; round < 10; round++) {
        const { activity, members } = await activityWithGoing(5);
        const now = new Date(reminderDueAt(activity.startsAt, activity.timezone).getTime() + minutes(1));
        const first = await getDb();
        await Promise.all([
          sendDueReminders({ now, db: first }),
          sendDueReminders({ now, db: second.db }),
          sendDueReminders({ now, db: first }),
          sendDueReminders({ now, db: second.db }),
        ]);
        for (const m of members) {
          const { inApp, emails } = await remindersOf(m.id);
          expect(inApp).toHaveLength(1);
          expect(emails).toHaveLength(1);
        }
      }
    } finally {
      await second.close();
    }
  });
});
