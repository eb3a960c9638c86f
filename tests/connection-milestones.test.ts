import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { recordMilestones } from "@/db/mutations/milestones";
import { acceptInviteLink, createInviteLink } from "@/db/mutations/partners";
import { saveReflection } from "@/db/mutations/reflections";
import { markTaskDone } from "@/db/mutations/task-claims";
import { getMyCorner } from "@/db/queries/home";
import { listMilestones } from "@/db/queries/milestones";
import { milestones, notifications, projects, taskClaims, tasks } from "@/db/schema";
import { attended, organizedGroup } from "./helpers/connection";
import { addMember, makeUser } from "./helpers/factories";

/*
 * Each milestone is reached through the product's own paths (an organizer marking
 * attendance, a reflection, a partner accepting, a task done or verified), recorded once,
 * and announced once, privately, in warm words.
 */

const WEEK = 7 * 24;

async function keysOf(userId: string) {
  const db = await getDb();
  const rows = await db.select({ key: milestones.key }).from(milestones).where(eq(milestones.userId, userId));
  return rows.map((r) => r.key).sort();
}

async function milestoneNotices(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, "milestone")));
}

async function task(groupId: string) {
  const db = await getDb();
  const [project] = await db.insert(projects).values({ groupId, title: "Garden rebuild" }).returning();
  const [t] = await db.insert(tasks).values({ projectId: project.id, title: "Paint the shed", estimatedHours: "2.00" }).returning();
  return t;
}

describe("milestones", () => {
  it("first activity: reached when an organizer marks the member there, told once in warm words", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    await attended(org, [sam.id], 3);
    expect(await keysOf(sam.id)).toEqual(["first_activity"]);
    const notices = await milestoneNotices(sam.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: "Your first activity", href: "/me/participation" });
    // Recording again (another write, another instance) changes nothing and tells nobody again.
    expect(await recordMilestones(sam.id)).toEqual([]);
    await Promise.all([recordMilestones(sam.id), recordMilestones(sam.id)]);
    expect(await milestoneNotices(sam.id)).toHaveLength(1);
    expect(await keysOf(sam.id)).toEqual(["first_activity"]);
  });

  it("an RSVP alone reaches nothing: attendance counts, not answers", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    const { goingToPast } = await import("./helpers/connection");
    await goingToPast(org.group.id, [sam.id], 3);
    expect(await recordMilestones(sam.id)).toEqual([]);
  });

  it("first of each kind", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    await attended(org, [sam.id], 30, { kind: "walk" });
    await attended(org, [sam.id], 20, { kind: "volunteer" });
    expect(await keysOf(sam.id)).toEqual(["first_activity", "first_kind:volunteer"]);
    const titles = (await listMilestones(sam.id)).map((m) => m.title);
    expect(titles).toContain("Your first volunteering session");
  });

  it("a third visit to the same group names the group", async () => {
    const org = await organizedGroup({ name: "Sunday Sketchers Test" });
    const sam = await makeUser();
    for (const h of [50, 40, 30]) await attended(org, [sam.id], h);
    expect(await keysOf(sam.id)).toContain(`third_visit:${org.group.id}`);
    expect((await milestoneNotices(sam.id)).map((n) => n.title)).toContain("A third visit to Sunday Sketchers Test");
    // The home page reads the recent ones in one statement with the group's name.
    const corner = await getMyCorner(sam.id, new Date(), new Date(Date.now() - 7 * 86_400_000));
    expect(corner.milestones).toEqual(await listMilestones(sam.id, new Date(Date.now() - 7 * 86_400_000)));
    expect(corner.milestones.map((m) => m.title)).toContain("A third visit to Sunday Sketchers Test");
  });

  it("four weeks with a connection, not necessarily in a row", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    for (const weeksAgo of [1, 3, 5]) await attended(org, [sam.id], weeksAgo * WEEK + 3);
    expect(await keysOf(sam.id)).not.toContain("weeks_4");
    await attended(org, [sam.id], 8 * WEEK + 3);
    expect(await keysOf(sam.id)).toContain("weeks_4");
  });

  it("ten weeks with a connection", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    for (let w = 1; w <= 10; w++) await attended(org, [sam.id], w * 2 * WEEK + 3);
    expect(await keysOf(sam.id)).toEqual(expect.arrayContaining(["weeks_4", "weeks_10"]));
  });

  it("first task done, when the member marks their part done", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    await addMember(org.group.id, sam.id);
    const t = await task(org.group.id);
    const db = await getDb();
    await db.insert(taskClaims).values({ taskId: t.id, userId: sam.id });
    await db.update(tasks).set({ claimedCount: 1 }).where(eq(tasks.id, t.id));
    const done = await markTaskDone(db, { taskId: t.id, actor: sam });
    expect(done.ok).toBe(true);
    expect(await keysOf(sam.id)).toEqual(["first_task"]);
  });

  it("5, 10 and 25 verified volunteer hours", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    const db = await getDb();
    const verified = async (hours: string) => {
      const t = await task(org.group.id);
      await db.insert(taskClaims).values({ taskId: t.id, userId: sam.id, status: "verified", hours, doneAt: new Date(), verifiedAt: new Date(), verifiedById: org.organizer.id });
      return recordMilestones(sam.id);
    };
    expect(await verified("4.00")).toEqual(["first_task"]);
    expect(await verified("1.00")).toEqual(["hours_5"]);
    expect(await verified("5.00")).toEqual(["hours_10"]);
    expect(await verified("15.00")).toEqual(["hours_25"]);
    expect((await milestoneNotices(sam.id)).map((n) => n.title).sort()).toEqual(["10 volunteer hours", "25 volunteer hours", "5 volunteer hours", "Your first task done"]);
  });

  it("first check-in partner, for both of the pair", async () => {
    const [ann, bo] = [await makeUser(), await makeUser()];
    const link = await createInviteLink(ann.id, "weekly_meeting", 3);
    expect((await acceptInviteLink(bo.id, link.code)).ok).toBe(true);
    expect(await keysOf(ann.id)).toEqual(["first_partner"]);
    expect(await keysOf(bo.id)).toEqual(["first_partner"]);
  });

  it("first reflection", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    const activity = await attended(org, [sam.id], 5);
    const result = await saveReflection({ userId: sam.id, activityId: activity.id, feeling: "lifted", note: "" });
    expect(result).toMatchObject({ ok: true, milestones: ["first_reflection"] });
    expect(await keysOf(sam.id)).toEqual(["first_activity", "first_reflection"]);
  });
});
