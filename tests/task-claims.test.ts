import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { ALL_PLACES_TAKEN, assignTask, claimTask, markTaskDone, releaseTask, sendBackTaskClaim, unassignTask, verifyTaskClaim } from "@/db/mutations/task-claims";
import { getProjectForViewer, listTasks, listWorkDays } from "@/db/queries/projects";
import { memberships, notifications, taskClaims, tasks } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";

/*
 * The task board's rules as members and organizers meet them: claiming and giving back a
 * place, a full task, joining a public group by claiming, marking done, verifying hours
 * (the estimate by default) and sending a part back, with the right people told.
 */

async function setting(opts: { visibility?: "public" | "private"; joinPolicy?: "open" | "approval"; places?: number } = {}) {
  const group = await makeGroup({ visibility: opts.visibility ?? "public", joinPolicy: opts.joinPolicy ?? "open" });
  const [organizer, member, other] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id);
  await addMember(group.id, other.id);
  const project = await makeProject(group.id);
  const task = await makeTask(project.id, { placesNeeded: opts.places ?? 1, estimatedHours: "2.50" });
  return { group, organizer, member, other, project, task };
}

const db = () => getDb();
const noticesOf = async (userId: string) => (await (await db()).select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.type);

describe("task claims", () => {
  it("the project page reads the project with the viewer's standing and its work days still to come, in one statement", async () => {
    const s = await setting();
    await makeActivity(s.group.id, { projectId: s.project.id, startsInHours: -30, title: "Dig day past" });
    await makeActivity(s.group.id, { projectId: s.project.id, startsInHours: 50, title: "Dig day two" });
    await makeActivity(s.group.id, { projectId: s.project.id, startsInHours: 26, title: "Dig day one" });
    const now = new Date();
    const asOrganizer = await getProjectForViewer(s.project.id, s.organizer.id, { workDaysFrom: now });
    expect(asOrganizer?.viewer).toEqual({ membership: "active", isOrganizer: true });
    expect(asOrganizer?.workDays.map((w) => w.title)).toEqual(["Dig day one", "Dig day two"]);
    expect(asOrganizer?.workDays).toEqual(await listWorkDays(s.project.id, now));
    expect((await getProjectForViewer(s.project.id, s.member.id))?.viewer).toEqual({ membership: "active", isOrganizer: false });
    expect((await getProjectForViewer(s.project.id, (await makeUser()).id))?.viewer).toEqual({ membership: null, isOrganizer: false });
  });

  it("a member takes the last place; the next member is told all places are taken", async () => {
    const s = await setting({ places: 1 });
    const first = await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    expect(first).toMatchObject({ ok: true, changed: true, claim: { status: "claimed" }, task: { claimedCount: 1, placesFree: 0 } });
    expect(await claimTask(await db(), { taskId: s.task.id, actor: s.other })).toEqual({ ok: false, code: "full", message: ALL_PLACES_TAKEN() });
    expect(await claimTask(await db(), { taskId: s.task.id, actor: s.member })).toMatchObject({ ok: true, changed: false });
  });

  it("giving a place back frees it for the next person and tells the organizers", async () => {
    const s = await setting({ places: 1 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    expect(await releaseTask(await db(), { taskId: s.task.id, actor: s.member })).toMatchObject({ ok: true, changed: true, claim: { status: "none" }, task: { claimedCount: 0 } });
    expect(await noticesOf(s.organizer.id)).toContain("task_released");
    expect(await claimTask(await db(), { taskId: s.task.id, actor: s.other })).toMatchObject({ ok: true, changed: true });
  });

  it("someone outside a public group joins it by claiming, once they accept its agreements", async () => {
    const s = await setting({ places: 2 });
    const newcomer = await makeUser();
    const refused = await claimTask(await db(), { taskId: s.task.id, actor: newcomer });
    expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await claimTask(await db(), { taskId: s.task.id, actor: newcomer, acceptAgreements: true })).toMatchObject({ ok: true, joinedGroup: true });
    const [m] = await (await db()).select().from(memberships).where(and(eq(memberships.groupId, s.group.id), eq(memberships.userId, newcomer.id)));
    expect(m).toMatchObject({ status: "active", role: "member" });
    expect(m.agreementsAcceptedAt).not.toBeNull();
  });

  it("a group that approves members first asks a newcomer to join before claiming, and takes nothing", async () => {
    const s = await setting({ joinPolicy: "approval" });
    const newcomer = await makeUser();
    expect(await claimTask(await db(), { taskId: s.task.id, actor: newcomer, acceptAgreements: true })).toMatchObject({ ok: false, code: "forbidden" });
    const [t] = await (await db()).select().from(tasks).where(eq(tasks.id, s.task.id));
    expect(t.claimedCount).toBe(0);
  });

  it("a private group's task doesn't exist for an outsider", async () => {
    const s = await setting({ visibility: "private" });
    const outsider = await makeUser();
    expect(await claimTask(await db(), { taskId: s.task.id, actor: outsider, acceptAgreements: true })).toMatchObject({ ok: false, code: "not_found" });
    expect(await getProjectForViewer(s.project.id, outsider.id)).toBeUndefined();
    expect(await getProjectForViewer(s.project.id, null)).toBeUndefined();
    expect(await getProjectForViewer(s.project.id, s.member.id)).toBeDefined();
  });

  it("done, then verified with the estimate by default: the member is told and the project counts the hours", async () => {
    const s = await setting({ places: 1 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    expect(await verifyTaskClaim(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await markTaskDone(await db(), { taskId: s.task.id, actor: s.member })).toMatchObject({ ok: true, claim: { status: "done" } });
    expect(await noticesOf(s.organizer.id)).toContain("task_done");
    expect(await verifyTaskClaim(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id })).toMatchObject({ ok: true, claim: { status: "verified", hours: "2.50" } });
    expect(await noticesOf(s.member.id)).toContain("task_verified");
    const [claim] = await (await db()).select().from(taskClaims).where(eq(taskClaims.taskId, s.task.id));
    expect(claim).toMatchObject({ status: "verified", hours: "2.50", verifiedById: s.organizer.id });
    expect(claim.verifiedAt).toBeInstanceOf(Date);
    const project = await getProjectForViewer(s.project.id, s.member.id);
    expect(project?.progress).toEqual({ placesNeeded: 1, placesFilled: 1, taskCount: 1, tasksDone: 1, verifiedHours: 2.5 });
    expect(await releaseTask(await db(), { taskId: s.task.id, actor: s.member })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("an organizer records the hours actually given, or sends a part back, and the member is told", async () => {
    const s = await setting({ places: 2 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await markTaskDone(await db(), { taskId: s.task.id, actor: s.member });
    expect(await sendBackTaskClaim(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id })).toMatchObject({ ok: true, claim: { status: "claimed" } });
    expect(await noticesOf(s.member.id)).toContain("task_sent_back");
    await markTaskDone(await db(), { taskId: s.task.id, actor: s.member });
    expect(await verifyTaskClaim(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id, hours: 4 })).toMatchObject({ ok: true, claim: { hours: "4.00" } });
    const project = await getProjectForViewer(s.project.id, null);
    expect(project?.progress).toMatchObject({ verifiedHours: 4, placesFilled: 1, placesNeeded: 2, tasksDone: 0 });
  });

  it("organizers assign and unassign members of the group, who are told; non-members can't be assigned", async () => {
    const s = await setting({ places: 1 });
    const stranger = await makeUser();
    expect(await assignTask(await db(), { taskId: s.task.id, actor: s.organizer, userId: stranger.id })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await assignTask(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id })).toMatchObject({ ok: true, changed: true });
    expect(await noticesOf(s.member.id)).toContain("task_assigned");
    expect(await assignTask(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.other.id })).toMatchObject({ ok: false, code: "full" });
    expect(await unassignTask(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id })).toMatchObject({ ok: true, task: { claimedCount: 0 } });
    expect(await noticesOf(s.member.id)).toContain("task_unassigned");
  });

  it("the board shows names to organizers and to the claimant, counts to everyone else, and filters", async () => {
    const s = await setting({ places: 2 });
    await makeTask(s.project.id, { title: "Letters from home", fromHome: true, effort: "low", placesNeeded: 1 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    const asOrganizer = await listTasks(s.project.id, { id: s.organizer.id, isOrganizer: true });
    expect(asOrganizer.find((t) => t.id === s.task.id)?.claims[0].name).toBe(s.member.name);
    const asOther = await listTasks(s.project.id, { id: s.other.id, isOrganizer: false });
    expect(asOther.find((t) => t.id === s.task.id)?.claims[0].name).toBeNull();
    const asVisitor = await listTasks(s.project.id, { id: null, isOrganizer: false });
    expect(asVisitor.find((t) => t.id === s.task.id)).toMatchObject({ claimedCount: 1, placesFree: 1 });
    expect((await listTasks(s.project.id, { id: null, isOrganizer: false }, { home: true })).map((t) => t.title)).toEqual(["Letters from home"]);
    expect((await listTasks(s.project.id, { id: null, isOrganizer: false }, { energy: "low" })).map((t) => t.title)).toEqual(["Letters from home"]);
  });

  it("a finished project takes no new claims", async () => {
    const group = await makeGroup();
    const member = await makeUser();
    await addMember(group.id, member.id);
    const project = await makeProject(group.id, { status: "done", completedAt: new Date() });
    const task = await makeTask(project.id);
    expect(await claimTask(await db(), { taskId: task.id, actor: member })).toMatchObject({ ok: false, code: "closed" });
  });
});
