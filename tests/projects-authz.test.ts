import { asc, eq, inArray, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { postComment, removeComment } from "@/db/mutations/comments";
import { createProject, createTask, taskChangeFromInput, updateProject, updateTask } from "@/db/mutations/projects";
import { assignTask, claimTask, markTaskDone, releaseTask, removeTask, sendBackTaskClaim, unassignTask, verifyTaskClaim } from "@/db/mutations/task-claims";
import { comments, memberships, notifications, projects, taskClaims, tasks } from "@/db/schema";
import { addMember, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";

/*
 * Every project, task and discussion entry point, called directly as each kind of person.
 * Only the roles named may succeed; for everyone else the answer is a refusal and the
 * database is exactly as it was.
 */

type Role = "visitor" | "member" | "outsider" | "other group's organizer" | "organizer" | "owner";
const ROLES: Role[] = ["visitor", "member", "outsider", "other group's organizer", "organizer", "owner"];

async function world(visibility: "public" | "private") {
  const [owner, organizer, member, outsider, otherOrganizer, claimant] = await Promise.all(Array.from({ length: 6 }, () => makeUser()));
  const group = await makeGroup({ visibility });
  const other = await makeGroup();
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id);
  await addMember(group.id, claimant.id);
  await addMember(other.id, otherOrganizer.id, "organizer");
  const project = await makeProject(group.id);
  const task = await makeTask(project.id, { placesNeeded: 3 });
  const db = await getDb();
  // The claimant has marked their part done: the organizer tools have something to act on.
  await db.insert(taskClaims).values({ taskId: task.id, userId: claimant.id, status: "done", doneAt: new Date() });
  await db.update(tasks).set({ claimedCount: 1 }).where(eq(tasks.id, task.id));
  const [c] = await db.insert(comments).values({ projectId: project.id, authorId: claimant.id, body: "I'll bring gloves." }).returning();
  const actors: Record<Role, { id: string } | null> = { visitor: null, member, outsider, "other group's organizer": otherOrganizer, organizer, owner };
  return { group, project, task, claimant, comment: c, actors, people: [owner, organizer, member, outsider, otherOrganizer, claimant].map((p) => p.id) };
}

type World = Awaited<ReturnType<typeof world>>;

async function snapshot(w: World) {
  const db = await getDb();
  const ps = await db.select().from(projects).where(eq(projects.groupId, w.group.id)).orderBy(asc(projects.createdAt));
  const ts = await db.select().from(tasks).where(inArray(tasks.projectId, ps.map((p) => p.id))).orderBy(asc(tasks.createdAt));
  return JSON.stringify({
    ps,
    ts,
    claims: await db.select().from(taskClaims).where(inArray(taskClaims.taskId, ts.map((t) => t.id))).orderBy(asc(taskClaims.userId)),
    members: await db.select().from(memberships).where(inArray(memberships.userId, w.people)).orderBy(asc(memberships.groupId), asc(memberships.userId)),
    comments: await db.select().from(comments).where(or(inArray(comments.projectId, ps.map((p) => p.id)))).orderBy(asc(comments.createdAt)),
    notes: await db.select().from(notifications).where(inArray(notifications.userId, w.people)).orderBy(asc(notifications.createdAt)),
  });
}

const projectInput = { title: "Library garden", goal: "Planters by the door", description: "", status: "active" as const };
const taskInput = { title: "Paint the planters", description: "", placesNeeded: 2, effort: "low" as const, fromHome: false };

type Entry = { name: string; allowed: Role[]; run: (w: World, actor: { id: string } | null) => Promise<{ ok: boolean }> };

const ORGANIZERS: Role[] = ["organizer", "owner"];
const MEMBERS: Role[] = ["member", "organizer", "owner"];

const ENTRIES: Entry[] = [
  { name: "start a project", allowed: ORGANIZERS, run: (w, a) => createProject(a, w.group.id, projectInput) },
  { name: "edit, complete or reopen a project", allowed: ORGANIZERS, run: (w, a) => updateProject(a, w.project.id, { status: "done" }) },
  { name: "add a task", allowed: ORGANIZERS, run: (w, a) => createTask(a, w.project.id, taskInput, "Europe/London") },
  { name: "edit a task", allowed: ORGANIZERS, run: (w, a) => updateTask(a, w.task.id, { placesNeeded: 5 }) },
  { name: "save the whole task form", allowed: ORGANIZERS, run: (w, a) => updateTask(a, w.task.id, taskChangeFromInput({ ...taskInput, windowStartLocal: "2026-06-06T10:00", windowEndLocal: "2026-06-06T12:00" }, "Europe/London")) },
  { name: "remove a task", allowed: ORGANIZERS, run: async (w, a) => removeTask(await getDb(), { taskId: w.task.id, actor: a }) },
  { name: "give a member a place", allowed: ORGANIZERS, run: async (w, a) => assignTask(await getDb(), { taskId: w.task.id, actor: a, userId: await memberOf(w) }) },
  { name: "take a member's place off", allowed: ORGANIZERS, run: async (w, a) => unassignTask(await getDb(), { taskId: w.task.id, actor: a, userId: w.claimant.id }) },
  { name: "verify hours", allowed: ORGANIZERS, run: async (w, a) => verifyTaskClaim(await getDb(), { taskId: w.task.id, actor: a, userId: w.claimant.id, hours: 3 }) },
  { name: "send a part back", allowed: ORGANIZERS, run: async (w, a) => sendBackTaskClaim(await getDb(), { taskId: w.task.id, actor: a, userId: w.claimant.id }) },
  { name: "claim a place", allowed: MEMBERS, run: async (w, a) => claimTask(await getDb(), { taskId: w.task.id, actor: a }) },
  { name: "mark a part done (no place held)", allowed: [], run: async (w, a) => markTaskDone(await getDb(), { taskId: w.task.id, actor: a }) },
  { name: "hide someone's comment", allowed: ORGANIZERS, run: (w, a) => removeComment(a, w.comment.id) },
  { name: "post a comment", allowed: MEMBERS, run: (w, a) => postComment(a, { projectId: w.project.id }, "Count me in.") },
];

/** A plain member of the group without a place, for "give a place". */
async function memberOf(w: World): Promise<string> {
  const db = await getDb();
  const rows = await db.select().from(memberships).where(eq(memberships.groupId, w.group.id));
  const role = rows.find((m) => m.role === "member" && m.userId !== w.claimant.id);
  return role!.userId;
}

describe.each(["private", "public"] as const)("projects, tasks and discussion in a %s group: who may do what", (visibility) => {
  for (const entry of ENTRIES) {
    // In a public group anyone signed in may post and (after accepting agreements) claim.
    const allowed = visibility === "public" && entry.name === "post a comment" ? [...entry.allowed, "outsider", "other group's organizer"] : entry.allowed;
    it(`${entry.name}: ${allowed.join(", ") || "nobody here"} may; everyone else is refused and nothing changes`, async () => {
      for (const role of ROLES) {
        const w = await world(visibility);
        const before = await snapshot(w);
        const result = await entry.run(w, w.actors[role]);
        if (allowed.includes(role)) {
          expect(result, `${role} should be allowed`).toMatchObject({ ok: true });
        } else {
          expect(result, `${role} should be refused`).toMatchObject({ ok: false });
          expect(await snapshot(w), `${role}'s refusal changed the database`).toBe(before);
        }
      }
    });
  }

  it("refusals to outsiders of a private group say 'not found', never 'forbidden'", async () => {
    if (visibility !== "private") return;
    for (const role of ["outsider", "other group's organizer"] as const) {
      const w = await world("private");
      for (const entry of ENTRIES) expect(await entry.run(w, w.actors[role]), `${entry.name} as ${role}`).toMatchObject({ ok: false, code: "not_found" });
    }
  });
});

describe("the claimant's own steps", () => {
  it("only the claimant marks their part done or gives their place back", async () => {
    const w = await world("public");
    const db = await getDb();
    await db.update(taskClaims).set({ status: "claimed", doneAt: null }).where(eq(taskClaims.userId, w.claimant.id));
    expect(await markTaskDone(db, { taskId: w.task.id, actor: w.actors.organizer })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await markTaskDone(db, { taskId: w.task.id, actor: w.claimant })).toMatchObject({ ok: true, claim: { status: "done" } });
    expect(await releaseTask(db, { taskId: w.task.id, actor: w.actors.member })).toMatchObject({ ok: true, changed: false });
    expect(await releaseTask(db, { taskId: w.task.id, actor: w.claimant })).toMatchObject({ ok: true, changed: true });
  });
});
