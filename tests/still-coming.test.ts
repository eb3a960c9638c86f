import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { reminderDueAt, sendDueReminders } from "@/db/jobs/reminders";
import { respondToActivity } from "@/db/mutations/rsvps";
import { answerStillComing, readStillComingLink, spendStillComingLink, type StillComingPurpose } from "@/db/mutations/still-coming";
import { getRsvpExtras } from "@/db/queries/rsvp-extras";
import { emailOutbox, notifications, rsvpLinks, rsvps } from "@/db/schema";
import { makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { ownDatabaseForTheseTests } from "./helpers/own-database";

/*
 * "Still coming?": the day-before reminder's two one-click links. Each works once, opening one
 * changes nothing, and freeing a place gives it to the first person waiting at once.
 */

async function rsvpOf(activityId: string, userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId)));
  return row;
}

/** An activity two days ahead with `going` members holding places (and `waiting` behind them), reminded. */
async function remindedActivity(going: number, waiting = 0) {
  const db = await getDb();
  const group = await makeGroup();
  const activity = await makeActivity(group.id, { startsInHours: 40, capacity: going });
  const members = [];
  for (let i = 0; i < going + waiting; i++) {
    const m = await makeUser();
    await respondToActivity(db, { activityId: activity.id, userId: m.id, status: "going" });
    members.push(m);
  }
  await sendDueReminders({ now: new Date(reminderDueAt(activity.startsAt, activity.timezone).getTime() + 60_000) });
  return { activity, members };
}

/** The member's links, read from the reminder email as they would click them. */
async function linksOf(userId: string, activityId: string): Promise<Record<StillComingPurpose, string>> {
  const db = await getDb();
  const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.type, "reminder"), eq(emailOutbox.activityId, activityId)));
  const token = (purpose: string) => mail.bodyText.match(new RegExp(`/still-coming/${purpose}/([A-Za-z0-9_-]{43})`))?.[1] ?? "";
  expect(mail.bodyText).toContain("Yes, I'm coming:");
  expect(mail.bodyText).toContain("Free my place:");
  expect(mail.bodyHtml).toContain("/still-coming/free/");
  return { coming: token("coming"), free: token("free") };
}


// The reminders job looks at every activity starting soon: on PostgreSQL this file keeps a database of its own.
ownDatabaseForTheseTests("ct_reminders");

describe("the reminder's still-coming links", () => {
  it("each member's reminder email carries their own two links, and only hashes of them are kept", async () => {
    const { activity, members } = await remindedActivity(2);
    const a = await linksOf(members[0].id, activity.id);
    const b = await linksOf(members[1].id, activity.id);
    expect(new Set([a.coming, a.free, b.coming, b.free]).size).toBe(4);
    const db = await getDb();
    const stored = await db.select().from(rsvpLinks).where(eq(rsvpLinks.activityId, activity.id));
    expect(stored).toHaveLength(4);
    for (const row of stored) expect([a.coming, a.free, b.coming, b.free]).not.toContain(row.tokenHash);
    expect(stored.every((r) => r.expiresAt.getTime() === activity.startsAt.getTime())).toBe(true);
  });

  it("opening a link changes nothing: it shows the activity and still works afterwards", async () => {
    const { activity, members } = await remindedActivity(1, 1);
    const links = await linksOf(members[0].id, activity.id);
    for (let i = 0; i < 3; i++) {
      expect((await readStillComingLink(links.free, "free")).state).toBe("valid");
      expect((await readStillComingLink(links.coming, "coming")).activity?.title).toBe(activity.title);
    }
    expect((await rsvpOf(activity.id, members[0].id)).status).toBe("going");
    expect((await rsvpOf(activity.id, members[0].id)).stillComingAt).toBeNull();
    expect((await rsvpOf(activity.id, members[1].id)).status).toBe("waitlisted");
  });

  it("“Yes, I'm coming” works exactly once, and the organizers see who said so", async () => {
    const { activity, members } = await remindedActivity(2);
    const links = await linksOf(members[0].id, activity.id);
    const first = await spendStillComingLink(links.coming, "coming");
    expect(first.ok).toBe(true);
    const again = await spendStillComingLink(links.coming, "coming");
    expect(again).toMatchObject({ ok: false, code: "used" });
    expect((await readStillComingLink(links.coming, "coming")).state).toBe("used");
    const extras = await getRsvpExtras(activity.id);
    expect(extras.rows.find((r) => r.userId === members[0].id)?.stillComingAt).toBeInstanceOf(Date);
    expect(extras.rows.find((r) => r.userId === members[1].id)?.stillComingAt).toBeNull();
    expect((await rsvpOf(activity.id, members[0].id)).status).toBe("going");
  });

  it("“Free my place” gives the place to the first person waiting at once, tells them, and works once", async () => {
    const { activity, members } = await remindedActivity(1, 2);
    const [leaving, firstWaiting, secondWaiting] = members;
    const links = await linksOf(leaving.id, activity.id);
    expect(await spendStillComingLink(links.free, "free")).toMatchObject({ ok: true, purpose: "free" });
    expect((await rsvpOf(activity.id, leaving.id)).status).toBe("not_going");
    expect((await rsvpOf(activity.id, firstWaiting.id)).status).toBe("going");
    expect((await rsvpOf(activity.id, secondWaiting.id)).status).toBe("waitlisted");
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, firstWaiting.id), eq(notifications.type, "waitlist_promoted")));
    expect(told).toHaveLength(1);
    expect(await spendStillComingLink(links.free, "free")).toMatchObject({ ok: false, code: "used" });
    expect((await rsvpOf(activity.id, secondWaiting.id)).status).toBe("waitlisted");
    // Their "coming" link can no longer say they're coming: they have no place.
    expect(await spendStillComingLink(links.coming, "coming")).toMatchObject({ ok: false, code: "not_going" });
  });

  it("a tampered, wrong-purpose or made-up link is refused kindly and changes nothing", async () => {
    const { activity, members } = await remindedActivity(1, 1);
    const links = await linksOf(members[0].id, activity.id);
    const tampered = (links.free[0] === "A" ? "B" : "A") + links.free.slice(1);
    expect(await spendStillComingLink(tampered, "free")).toMatchObject({ ok: false, code: "unknown" });
    expect(await spendStillComingLink(links.coming, "free")).toMatchObject({ ok: false, code: "unknown" });
    expect(await spendStillComingLink(links.free, "coming")).toMatchObject({ ok: false, code: "unknown" });
    expect(await spendStillComingLink("not-a-token", "free")).toMatchObject({ ok: false, code: "unknown" });
    expect((await readStillComingLink(tampered, "free")).state).toBe("unknown");
    expect((await rsvpOf(activity.id, members[0].id)).status).toBe("going");
    expect((await rsvpOf(activity.id, members[0].id)).stillComingAt).toBeNull();
    expect((await rsvpOf(activity.id, members[1].id)).status).toBe("waitlisted");
    // The real links still work after all that.
    expect((await spendStillComingLink(links.free, "free")).ok).toBe(true);
  });

  it("a link opened once the activity has started has run out and changes nothing", async () => {
    const { activity, members } = await remindedActivity(1, 1);
    const links = await linksOf(members[0].id, activity.id);
    const started = new Date(activity.startsAt.getTime() + 60_000);
    expect((await readStillComingLink(links.free, "free", started)).state).toBe("expired");
    expect(await spendStillComingLink(links.free, "free", started)).toMatchObject({ ok: false, code: "expired" });
    expect(await spendStillComingLink(links.coming, "coming", started)).toMatchObject({ ok: false, code: "expired" });
    expect((await rsvpOf(activity.id, members[0].id)).status).toBe("going");
    expect((await rsvpOf(activity.id, members[1].id)).status).toBe("waitlisted");
  });

  it("a signed-in member answers the same from the in-app reminder", async () => {
    const { activity, members } = await remindedActivity(2, 1);
    const db = await getDb();
    const [reminder] = await db.select().from(notifications).where(and(eq(notifications.userId, members[0].id), eq(notifications.type, "reminder")));
    expect(reminder.activityId).toBe(activity.id);
    expect((await answerStillComing(activity.id, members[0].id, "coming")).ok).toBe(true);
    expect((await rsvpOf(activity.id, members[0].id)).stillComingAt).toBeInstanceOf(Date);
    expect((await answerStillComing(activity.id, members[1].id, "free")).ok).toBe(true);
    expect((await rsvpOf(activity.id, members[2].id)).status).toBe("going");
    expect(await answerStillComing(activity.id, members[1].id, "free")).toMatchObject({ ok: false, code: "not_going" });
    const stranger = await makeUser();
    expect(await answerStillComing(activity.id, stranger.id, "coming")).toMatchObject({ ok: false, code: "not_going" });
  });
});
