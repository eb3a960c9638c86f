import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as participationRoute } from "@/app/api/me/participation/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { loadMemberHome } from "@/app/loader";
import { getDb } from "@/db/client";
import { runDataUpgrades } from "@/db/data-upgrades";
import { updateActivity } from "@/db/mutations/activities";
import { markAttendance } from "@/db/mutations/attendance";
import { verifyTaskClaim } from "@/db/mutations/task-claims";
import { listMilestones } from "@/db/queries/milestones";
import { getParticipation } from "@/db/queries/participation";
import { dataUpgrades, milestones, notifications, rsvps, taskClaims, tasks } from "@/db/schema";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { changedTables, fingerprint } from "./helpers/authz-world";
import { organizedGroup } from "./helpers/connection";
import { addMember, makeActivity, makeProject, makeTask } from "./helpers/factories";

/*
 * A milestone is recorded where its fact changes, in the same transaction as that write; a
 * page or an API read only lists milestones and never writes. Milestones reached before that
 * held are recorded once per database at start-up.
 */

const base = "http://hub.test";
let n = 0;
async function member(name: string) {
  const email = `facts-${Date.now()}-${n++}@test.example`;
  const password = "correct horse battery";
  const { user } = await (await usersRoute(new Request(`${base}/api/users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, email, password }) }))).json();
  const { token } = await (await tokenRoute(new Request(`${base}/api/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: "t" }) }))).json();
  return { id: user.id as string, token: token as string };
}

const keysOf = async (userId: string) => {
  const db = await getDb();
  return (await db.select({ key: milestones.key }).from(milestones).where(eq(milestones.userId, userId))).map((r) => r.key).sort();
};

/** An attended activity written straight into the table, as it was before milestones were recorded with it. */
async function attendedWithoutMilestones(groupId: string, userId: string, hoursAgo: number) {
  const db = await getDb();
  const activity = await makeActivity(groupId, { startsInHours: -hoursAgo });
  await db.insert(rsvps).values({ activityId: activity.id, userId, status: "going", attendance: "attended", attendanceMarkedAt: new Date() });
  return activity;
}

describe("milestones are recorded where their facts change", () => {
  it("reading my participation (the page's queries, the API and the home page's corner) writes nothing", async () => {
    const org = await organizedGroup();
    const sam = await member("Sam F");
    await attendedWithoutMilestones(org.group.id, sam.id, 5);
    const before = await fingerprint();
    const res = await participationRoute(new Request(`${base}/api/me/participation`, { headers: { authorization: `Bearer ${sam.token}` } }));
    expect(res.status).toBe(200);
    expect((await res.json()).participation.attendedActivities).toBe(1);
    await getParticipation(sam.id, "Europe/London");
    await listMilestones(sam.id);
    await loadMemberHome({ id: sam.id, name: "Sam F", email: "", isAdmin: false, listedAsGoing: true, unreadNotifications: 0, timezone: "Europe/London", emailConfirmed: true, locale: null });
    // The token's "last used" time is the one bookkeeping a token's use keeps; nothing else moves.
    expect(changedTables(before, await fingerprint()).filter((t) => t !== "api_tokens")).toEqual([]);
    expect(await keysOf(sam.id)).toEqual([]);
  });

  it("marking attendance records the first-activity milestone with the mark, without any page read", async () => {
    const org = await organizedGroup();
    const sam = await member("Sam G");
    const db = await getDb();
    const activity = await makeActivity(org.group.id, { startsInHours: -3 });
    await db.insert(rsvps).values({ activityId: activity.id, userId: sam.id, status: "going" });
    const now = new Date();
    expect(await markAttendance({ activityId: activity.id, actorId: org.organizer.id, userId: sam.id, attendance: "attended", now })).toEqual({ ok: true, marked: 1 });
    const [row] = await db.select().from(milestones).where(eq(milestones.userId, sam.id));
    // Written by the same transaction: it carries the mark's own time.
    expect(row).toMatchObject({ key: "first_activity", reachedAt: now });
    const [mark] = await db.select({ at: rsvps.attendanceMarkedAt }).from(rsvps).where(eq(rsvps.userId, sam.id));
    expect(mark.at).toEqual(row.reachedAt);
  });

  it("verifying hours records the hours milestone at once, and the member is told", async () => {
    const org = await organizedGroup();
    const sam = await member("Sam H");
    await addMember(org.group.id, sam.id);
    const db = await getDb();
    const project = await makeProject(org.group.id);
    const task = await makeTask(project.id, { estimatedHours: "6.00" });
    await db.insert(taskClaims).values({ taskId: task.id, userId: sam.id, status: "done", doneAt: new Date() });
    await db.update(tasks).set({ claimedCount: 1 }).where(eq(tasks.id, task.id));
    const result = await verifyTaskClaim(db, { taskId: task.id, actor: org.organizer, userId: sam.id });
    expect(result.ok).toBe(true);
    expect(await keysOf(sam.id)).toEqual(["first_task", "hours_5"]);
    const told = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, sam.id));
    expect(told.map((t) => t.title)).toContain("5 volunteer hours");
  });

  it("correcting an attended activity's kind records the first of that kind for those who came", async () => {
    const org = await organizedGroup();
    const sam = await member("Sam K");
    const db = await getDb();
    const walk = await makeActivity(org.group.id, { startsInHours: -50, kind: "walk", placeName: "The lido" });
    const other = await makeActivity(org.group.id, { startsInHours: -3, kind: "walk", placeName: "The lido" });
    for (const a of [walk, other]) {
      await db.insert(rsvps).values({ activityId: a.id, userId: sam.id, status: "going" });
      expect((await markAttendance({ activityId: a.id, actorId: org.organizer.id, userId: sam.id, attendance: "attended" })).ok).toBe(true);
    }
    expect(await keysOf(sam.id)).toEqual(["first_activity"]);
    const edited = await updateActivity(org.organizer, other.id, activityInputSchema.parse({ ...activityToFormValues(other), kind: "hobby" }));
    expect(edited).toMatchObject({ ok: true });
    expect(await keysOf(sam.id)).toEqual(["first_activity", "first_kind:hobby"]);
  });

  it("milestones reached before they were recorded with their facts are recorded once at start-up", async () => {
    const org = await organizedGroup();
    const sam = await member("Sam B");
    for (const h of [60, 40, 20]) await attendedWithoutMilestones(org.group.id, sam.id, h);
    expect(await keysOf(sam.id)).toEqual([]);
    const db = await getDb();
    // The migration leaves the step waiting; a database that ran it already is put back to that.
    await db.update(dataUpgrades).set({ doneAt: null }).where(eq(dataUpgrades.name, "milestones.record-reached"));
    expect(await runDataUpgrades(db)).toEqual(["milestones.record-reached"]);
    expect(await keysOf(sam.id)).toEqual(["first_activity", `third_visit:${org.group.id}`]);
    // Once per database: the next start does nothing.
    expect(await runDataUpgrades(db)).toEqual([]);
  });
});
