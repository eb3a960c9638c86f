import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cancelActivity, createActivity, updateActivity } from "@/db/mutations/activities";
import { respondToActivity } from "@/db/mutations/rsvps";
import { activities, notifications, rsvps } from "@/db/schema";
import { activityInputSchema, activityToFormValues, copyActivityValues } from "@/lib/validation/activity";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

async function setup(capacity: number | null = 2) {
  const owner = await makeUser();
  const group = await makeGroup();
  await addMember(group.id, owner.id, "owner");
  // Whole minutes, as the editor's date-time fields hold them.
  const startsAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
  const activity = await makeActivity(group.id, { capacity, placeName: "Community hall", startsAt, endsAt });
  const db = await getDb();
  const people = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
  for (const p of people) await respondToActivity(db, { activityId: activity.id, userId: p.id, status: "going" });
  return { owner, group, activity, people, db };
}

const noticesFor = async (activityId: string, type: string) => {
  const db = await getDb();
  return db.select().from(notifications).where(and(eq(notifications.activityId, activityId), eq(notifications.type, type)));
};

describe("cancelling an activity", () => {
  it("marks it cancelled, bumps its calendar sequence and tells everyone going or waiting", async () => {
    const { owner, activity, people, db } = await setup(2);
    const result = await cancelActivity(owner, activity.id);
    expect(result).toMatchObject({ ok: true, data: { cancelled: 1 } });
    const [row] = await db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row.status).toBe("cancelled");
    expect(row.cancelledAt).toBeInstanceOf(Date);
    expect(row.sequence).toBe(activity.sequence + 1);
    const told = (await noticesFor(activity.id, "activity_cancelled")).map((n) => n.userId).sort();
    expect(told).toEqual(people.map((p) => p.id).sort());
  });

  it("refuses to cancel twice", async () => {
    const { owner, activity } = await setup();
    await cancelActivity(owner, activity.id);
    expect(await cancelActivity(owner, activity.id)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("editing an activity", () => {
  it("raising the capacity promotes the waitlist at once; lowering it removes nobody", async () => {
    const { owner, activity, people, db } = await setup(2);
    const raise = activityInputSchema.parse({ ...activityToFormValues(activity), capacity: 3 });
    expect(await updateActivity(owner, activity.id, raise)).toMatchObject({ ok: true });
    const going = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activity.id), eq(rsvps.status, "going")));
    expect(going.map((r) => r.userId).sort()).toEqual(people.slice(0, 3).map((p) => p.id).sort());

    const lower = activityInputSchema.parse({ ...activityToFormValues(activity), capacity: 1 });
    await updateActivity(owner, activity.id, lower);
    const [row] = await db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row.capacity).toBe(1);
    expect(row.goingCount).toBe(3);
  });

  it("moving the time bumps the sequence and tells attendees; a new description alone tells nobody", async () => {
    const { owner, activity, people, db } = await setup(null);
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, description: "Bring a flask" }));
    expect(await noticesFor(activity.id, "activity_changed")).toHaveLength(0);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, startsLocal: values.startsLocal.replace(/T\d\d/, "T07"), endsLocal: values.endsLocal.replace(/T\d\d/, "T08") }));
    const [row] = await db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row.sequence).toBe(2);
    expect((await noticesFor(activity.id, "activity_changed")).map((n) => n.userId).sort()).toEqual(people.map((p) => p.id).sort());
  });

  it("moving this and the following occurrences of a series tells each person once, not once per date", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await createActivity(owner, group.id, activityInputSchema.parse({
      kind: "walk", title: "Weekly loop", startsLocal: `${day}T10:00`, endsLocal: `${day}T11:00`, timezone: "Europe/London", placeName: "Gate", energyLevel: "low", talkLevel: "quiet", repeat: "weekly",
    }));
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const occurrences = await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!));
    const regular = await makeUser();
    for (const o of occurrences.slice(0, 5)) await respondToActivity(db, { activityId: o.id, userId: regular.id, status: "going" });

    const [first] = await db.select().from(activities).where(eq(activities.id, created.data.id));
    const values = activityToFormValues(first);
    const moved = await updateActivity(owner, first.id, activityInputSchema.parse({ ...values, startsLocal: `${day}T11:00`, endsLocal: `${day}T12:00` }), "following");
    expect(moved).toMatchObject({ ok: true });
    expect(moved.ok && moved.data.changed).toBeGreaterThanOrEqual(5);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, regular.id), eq(notifications.type, "activity_changed")));
    expect(told).toHaveLength(1);
    expect(told[0].href).toBe(`/activities/${first.id}`);
    expect(told[0].body).toMatch(/this date and the ones after it/);
  });

  it("stores the local time typed in the activity's zone, whatever the server's zone", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const input = activityInputSchema.parse({
      kind: "hobby",
      title: "Repair café",
      startsLocal: "2027-03-28T10:00",
      endsLocal: "2027-03-28T12:00",
      timezone: "Europe/London",
      address: "12 Mill Lane",
      energyLevel: "medium",
      talkLevel: "conversation",
    });
    const created = await createActivity(owner, group.id, input);
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const [row] = await db.select().from(activities).where(eq(activities.id, created.data.id));
    expect(row.startsAt.toISOString()).toBe("2027-03-28T09:00:00.000Z");
  });
});

describe("duplicating an activity", () => {
  it("fills the new-activity form with the facts one week later at the same local time, and saves nothing until it is sent", async () => {
    const { owner, group, activity, db } = await setup(2);
    const before = await db.select().from(activities).where(eq(activities.groupId, group.id));
    const values = copyActivityValues({ ...activity, timezone: "Europe/London", startsAt: new Date("2027-03-21T10:00:00Z"), endsAt: new Date("2027-03-21T12:00:00Z"), rsvpCutoff: new Date("2027-03-20T18:00:00Z") });
    // Across the clocks going forward, 10:00 stays 10:00 in London.
    expect([values.startsLocal, values.endsLocal, values.rsvpCutoffLocal]).toEqual(["2027-03-28T10:00", "2027-03-28T12:00", "2027-03-27T18:00"]);
    expect([values.title, values.placeName, values.capacity, values.repeat]).toEqual([activity.title, "Community hall", 2, "none"]);
    expect(await db.select().from(activities).where(eq(activities.groupId, group.id))).toHaveLength(before.length);

    const saved = await createActivity(owner, group.id, activityInputSchema.parse(copyActivityValues(activity)));
    if (!saved.ok) throw new Error(saved.message);
    const [row] = await db.select().from(activities).where(eq(activities.id, saved.data.id));
    expect(row.title).toBe(activity.title);
    expect(row.goingCount).toBe(0);
    expect(row.startsAt.getTime() - activity.startsAt.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
  });
});

describe("the activity schema", () => {
  it("names the field that is wrong", () => {
    const result = activityInputSchema.safeParse({ kind: "walk", title: "Walk", startsLocal: "2027-01-01T10:00", endsLocal: "2027-01-01T09:00", timezone: "Europe/London", placeName: "Park", energyLevel: "low", talkLevel: "quiet" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("endsLocal");
    const zone = activityInputSchema.safeParse({ kind: "walk", title: "Walk", startsLocal: "2027-01-01T10:00", endsLocal: "2027-01-01T11:00", timezone: "Mars/Olympus", placeName: "Park", energyLevel: "low", talkLevel: "quiet" });
    expect(zone.error?.issues.map((i) => i.path.join("."))).toEqual(["timezone"]);
  });
});
