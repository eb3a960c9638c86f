import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cancelRsvp, promoteFromWaitlist, respondToActivity } from "@/db/mutations/rsvps";
import { activities, notifications, rsvps } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

async function setup(overrides: Parameters<typeof makeActivity>[1] = {}) {
  const group = await makeGroup();
  const activity = await makeActivity(group.id, overrides);
  return { group, activity };
}

async function going(activityId: string) {
  const db = await getDb();
  return db.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.status, "going")));
}

async function countsOf(activityId: string) {
  const db = await getDb();
  const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
  return { going: row.goingCount, waitlist: row.waitlistCount };
}

describe("RSVPs", () => {
  it("a member who says going gets a place and a confirmation", async () => {
    const { activity } = await setup({ capacity: 5 });
    const member = await makeUser();
    const result = await respondToActivity(await getDb(), { activityId: activity.id, userId: member.id, status: "going" });
    expect(result).toMatchObject({ ok: true, state: { status: "going" }, changed: true, activity: { goingCount: 1, waitlistCount: 0 } });
    const db = await getDb();
    const notes = await db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(notes.map((n) => n.type)).toEqual(["rsvp_confirmed"]);
  });

  it("answering the same way twice changes nothing and gives the same answer", async () => {
    const { activity } = await setup({ capacity: 1 });
    const [a, b] = [await makeUser(), await makeUser()];
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: a.id, status: "going" });
    const first = await respondToActivity(db, { activityId: activity.id, userId: b.id, status: "going" });
    const second = await respondToActivity(db, { activityId: activity.id, userId: b.id, status: "going" });
    expect(first).toMatchObject({ ok: true, state: { status: "waitlisted", position: 1 }, changed: true });
    expect(second).toMatchObject({ ok: true, state: { status: "waitlisted", position: 1 }, changed: false });
    expect(await countsOf(activity.id)).toEqual({ going: 1, waitlist: 1 });
  });

  it("a full activity puts the next members on the waitlist in arrival order", async () => {
    const { activity } = await setup({ capacity: 2 });
    const db = await getDb();
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser()));
    const answers = [];
    for (const p of people) answers.push(await respondToActivity(db, { activityId: activity.id, userId: p.id, status: "going" }));
    expect(answers.map((a) => (a.ok ? a.state : null))).toEqual([
      { status: "going" },
      { status: "going" },
      { status: "waitlisted", position: 1 },
      { status: "waitlisted", position: 2 },
      { status: "waitlisted", position: 3 },
    ]);
  });

  it("when a going member cancels, the first on the waitlist is promoted at once and told", async () => {
    const { activity } = await setup({ capacity: 1 });
    const db = await getDb();
    const [a, b, c] = [await makeUser(), await makeUser(), await makeUser()];
    for (const p of [a, b, c]) await respondToActivity(db, { activityId: activity.id, userId: p.id, status: "going" });
    const cancelled = await cancelRsvp(db, { activityId: activity.id, userId: a.id });
    expect(cancelled).toMatchObject({ ok: true, state: { status: "not_going" }, activity: { goingCount: 1, waitlistCount: 1 } });
    expect((await going(activity.id)).map((r) => r.userId)).toEqual([b.id]);
    const again = await respondToActivity(db, { activityId: activity.id, userId: c.id, status: "going" });
    expect(again).toMatchObject({ ok: true, state: { status: "waitlisted", position: 1 }, changed: false });
    const notes = await db.select().from(notifications).where(eq(notifications.userId, b.id));
    expect(notes.map((n) => n.type)).toContain("waitlist_promoted");
  });

  it("switching from going to maybe frees the place for the waitlist", async () => {
    const { activity } = await setup({ capacity: 1 });
    const db = await getDb();
    const [a, b] = [await makeUser(), await makeUser()];
    await respondToActivity(db, { activityId: activity.id, userId: a.id, status: "going" });
    await respondToActivity(db, { activityId: activity.id, userId: b.id, status: "going" });
    const result = await respondToActivity(db, { activityId: activity.id, userId: a.id, status: "maybe" });
    expect(result).toMatchObject({ ok: true, state: { status: "maybe" }, activity: { goingCount: 1, waitlistCount: 0 } });
    expect((await going(activity.id)).map((r) => r.userId)).toEqual([b.id]);
  });

  it("leaving the waitlist and coming back puts you at the end of the queue", async () => {
    const { activity } = await setup({ capacity: 1 });
    const db = await getDb();
    const [a, b, c] = [await makeUser(), await makeUser(), await makeUser()];
    for (const p of [a, b, c]) await respondToActivity(db, { activityId: activity.id, userId: p.id, status: "going" });
    await respondToActivity(db, { activityId: activity.id, userId: b.id, status: "not_going" });
    const back = await respondToActivity(db, { activityId: activity.id, userId: b.id, status: "going" });
    expect(back).toMatchObject({ ok: true, state: { status: "waitlisted", position: 2 } });
  });

  it("lowering the capacity evicts nobody and promotion waits until there is room", async () => {
    const { activity } = await setup({ capacity: 3 });
    const db = await getDb();
    const people = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
    for (const p of people) await respondToActivity(db, { activityId: activity.id, userId: p.id, status: "going" });
    await db.update(activities).set({ capacity: 1 }).where(eq(activities.id, activity.id));
    await cancelRsvp(db, { activityId: activity.id, userId: people[0].id });
    expect(await countsOf(activity.id)).toEqual({ going: 2, waitlist: 1 });
    await db.transaction(async (tx) => {
      await tx.update(activities).set({ capacity: 5 }).where(eq(activities.id, activity.id));
      expect(await promoteFromWaitlist(tx, activity.id)).toEqual([people[3].id]);
    });
    expect(await countsOf(activity.id)).toEqual({ going: 3, waitlist: 0 });
  });

  it("an activity without a capacity never has a waitlist", async () => {
    const { activity } = await setup({ capacity: null });
    const db = await getDb();
    for (let i = 0; i < 5; i++) {
      const p = await makeUser();
      expect(await respondToActivity(db, { activityId: activity.id, userId: p.id, status: "going" })).toMatchObject({ state: { status: "going" } });
    }
  });

  it("cancelled, past and closed activities refuse RSVPs with a clear reason", async () => {
    const db = await getDb();
    const member = await makeUser();
    const { activity: cancelled } = await setup({ status: "cancelled" });
    const { activity: past } = await setup({ startsInHours: -5 });
    const { activity: closed } = await setup({ rsvpCutoff: new Date(Date.now() - 60_000) });
    const ask = (activityId: string) => respondToActivity(db, { activityId, userId: member.id, status: "going" });
    expect(await ask(cancelled.id)).toMatchObject({ ok: false, code: "cancelled" });
    expect(await ask(past.id)).toMatchObject({ ok: false, code: "past" });
    expect(await ask(closed.id)).toMatchObject({ ok: false, code: "closed", message: "RSVPs for this activity have closed." });
    expect(await ask("00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("after the cutoff a member can still give their place up", async () => {
    const { activity } = await setup({ capacity: 4 });
    const db = await getDb();
    const member = await makeUser();
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" });
    await db.update(activities).set({ rsvpCutoff: new Date(Date.now() - 1000) }).where(eq(activities.id, activity.id));
    expect(await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "not_going" })).toMatchObject({ ok: true, state: { status: "not_going" } });
    expect(await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" })).toMatchObject({ ok: false, code: "closed" });
  });

  it("a private group's activity does not exist for outsiders but does for members", async () => {
    const group = await makeGroup({ visibility: "private" });
    const activity = await makeActivity(group.id);
    const [outsider, member] = [await makeUser(), await makeUser()];
    await addMember(group.id, member.id);
    const db = await getDb();
    expect(await respondToActivity(db, { activityId: activity.id, userId: outsider.id, status: "going" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" })).toMatchObject({ ok: true });
  });

  it("a go-together request is kept with the RSVP and cleared when not going", async () => {
    const { activity } = await setup();
    const db = await getDb();
    const member = await makeUser();
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", goTogether: true });
    const [row] = await db.select().from(rsvps).where(eq(rsvps.userId, member.id));
    expect(row.goTogether).toBe(true);
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "not_going" });
    const [after] = await db.select().from(rsvps).where(eq(rsvps.userId, member.id));
    expect(after).toMatchObject({ status: "not_going", goTogether: false });
  });
});
