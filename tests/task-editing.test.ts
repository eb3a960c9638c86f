import { sessionSettings } from "@/db/client";
import { asc, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE as removeTaskRoute } from "@/app/api/tasks/[id]/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { getDb, type Db } from "@/db/client";
import { taskChangeFromInput, updateTask } from "@/db/mutations/projects";
import { claimTask, markTaskDone, releaseClaimsOfLeavingMember, releaseTask, removeTask, verifyTaskClaim } from "@/db/mutations/task-claims";
import { getProjectForViewer } from "@/db/queries/projects";
import * as schema from "@/db/schema";
import { notifications, taskClaims, tasks } from "@/db/schema";
import { taskInputSchema } from "@/lib/validation/project";
import { addMember, makeGroup, makeProject, makeTask, makeUser, usingPostgres } from "./helpers/factories";

/*
 * Organizers changing and removing tasks on the board, and the organizers being told when
 * members take a place, give one back or finish their part: what each person notices.
 */

async function board(opts: { places?: number; visibility?: "public" | "private" } = {}) {
  const group = await makeGroup({ visibility: opts.visibility ?? "public" });
  const [owner, organizer, member, other, bystander] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id);
  await addMember(group.id, other.id);
  await addMember(group.id, bystander.id);
  const project = await makeProject(group.id);
  const task = await makeTask(project.id, { title: "Paint the planters", placesNeeded: opts.places ?? 3, estimatedHours: "2.00" });
  return { group, owner, organizer, member, other, bystander, project, task };
}

const db = () => getDb();
const noticesOf = async (userId: string) => (await (await db()).select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt))).map((n) => ({ type: n.type, title: n.title, body: n.body, href: n.href }));
const typesOf = async (userId: string) => (await noticesOf(userId)).map((n) => n.type);
const taskRow = async (id: string) => (await (await db()).select().from(tasks).where(eq(tasks.id, id)))[0];
const claimsOf = async (id: string) => (await db()).select().from(taskClaims).where(eq(taskClaims.taskId, id));

/** What the full task form would send, parsed by the same schema the action uses. */
const formInput = (values: Record<string, unknown>) =>
  taskInputSchema.parse({ title: "Paint the planters", description: "", placesNeeded: "3", effort: "medium", fromHome: false, estimatedHours: "2", dueOn: "", windowStartLocal: "", windowEndLocal: "", ...values });

describe("editing a task", () => {
  it("an organizer saves every field of the form, including a time window read in the site's zone, and clears them again", async () => {
    const s = await board();
    const input = formInput({ title: "Paint and seal the planters", description: "Bring old clothes.", placesNeeded: "4", effort: "low", fromHome: "on", estimatedHours: "3.5", dueOn: "2026-05-02", windowStartLocal: "2026-03-29T10:00", windowEndLocal: "2026-03-29T13:30" });
    const saved = await updateTask(s.organizer, s.task.id, taskChangeFromInput(input, "Europe/London"));
    expect(saved).toMatchObject({ ok: true });
    const row = await taskRow(s.task.id);
    expect(row).toMatchObject({ title: "Paint and seal the planters", description: "Bring old clothes.", placesNeeded: 4, effort: "low", fromHome: true, estimatedHours: "3.50", dueOn: "2026-05-02" });
    // 29 March 2026 is the day the UK clocks go forward: 10:00 is summer time (UTC+1).
    expect(row.windowStart?.toISOString()).toBe("2026-03-29T09:00:00.000Z");
    expect(row.windowEnd?.toISOString()).toBe("2026-03-29T12:30:00.000Z");

    expect(await updateTask(s.owner, s.task.id, taskChangeFromInput(formInput({ placesNeeded: "2" }), "Europe/London"))).toMatchObject({ ok: true });
    expect(await taskRow(s.task.id)).toMatchObject({ placesNeeded: 2, description: "", fromHome: false, estimatedHours: "2.00", dueOn: null, windowStart: null, windowEnd: null });
  });

  it("lowering the places below the people who claimed is refused, saying how many have a place, and nothing changes", async () => {
    const s = await board({ places: 4 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await claimTask(await db(), { taskId: s.task.id, actor: s.other });
    const before = await taskRow(s.task.id);
    const refused = await updateTask(s.organizer, s.task.id, taskChangeFromInput(formInput({ title: "A new title", placesNeeded: "1" }), "Europe/London"));
    expect(refused).toMatchObject({ ok: false, code: "conflict", fieldErrors: { placesNeeded: expect.stringContaining("2 people already have a place") } });
    expect(refused.ok ? "" : refused.message).toContain("needs at least 2 places");
    expect(await taskRow(s.task.id)).toEqual(before);
    // Down to exactly the people who claimed is fine: the task is then full.
    expect(await updateTask(s.organizer, s.task.id, { placesNeeded: 2 })).toMatchObject({ ok: true, data: { placesNeeded: 2, claimedCount: 2 } });
    expect(await claimTask(await db(), { taskId: s.task.id, actor: s.bystander })).toMatchObject({ ok: false, code: "full" });
  });

  it("with one person holding a place the refusal speaks of one person and one place", async () => {
    const s = await board({ places: 2 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    expect(await updateTask(s.organizer, s.task.id, { placesNeeded: 1 })).toMatchObject({ ok: true, data: { placesNeeded: 1 } });
    // The form's schema never sends 0; the rule holds beneath it all the same.
    const refused = await updateTask(s.organizer, s.task.id, { placesNeeded: 0 });
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: "1 person already has a place on this task, so it needs at least 1 place. Take a place off first if you need fewer." });
    expect(await taskRow(s.task.id)).toMatchObject({ placesNeeded: 1, claimedCount: 1 });
  });
});

describe("removing a task", () => {
  it("claims go, each claimant (not the organizer removing it) is told, and the project's numbers drop", async () => {
    const s = await board({ places: 3 });
    const keep = await makeTask(s.project.id, { title: "Water the beds", placesNeeded: 2 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await claimTask(await db(), { taskId: s.task.id, actor: s.other });
    await claimTask(await db(), { taskId: s.task.id, actor: s.organizer });
    await markTaskDone(await db(), { taskId: s.task.id, actor: s.other });
    await claimTask(await db(), { taskId: keep.id, actor: s.member });
    expect((await getProjectForViewer(s.project.id, null))?.progress).toMatchObject({ placesNeeded: 5, placesFilled: 4, taskCount: 2 });

    const removed = await removeTask(await db(), { taskId: s.task.id, actor: s.organizer });
    expect(removed).toMatchObject({ ok: true, told: 2, projectId: s.project.id, message: 'Removed "Paint the planters". The 2 people who had a place have been told.' });
    expect(await taskRow(s.task.id)).toBeUndefined();
    expect(await claimsOf(s.task.id)).toEqual([]);
    expect((await getProjectForViewer(s.project.id, null))?.progress).toEqual({ placesNeeded: 2, placesFilled: 1, taskCount: 1, tasksDone: 0, verifiedHours: 0 });
    expect(await claimsOf(keep.id)).toHaveLength(1);

    for (const claimant of [s.member, s.other]) {
      expect(await noticesOf(claimant.id)).toContainEqual({ type: "task_removed", title: '"Paint the planters" was taken off the board', body: expect.stringContaining("your place on it has gone"), href: `/projects/${s.project.id}` });
    }
    expect(await typesOf(s.organizer.id)).not.toContain("task_removed");
    expect(await typesOf(s.bystander.id)).not.toContain("task_removed");
    expect(await typesOf(s.owner.id)).not.toContain("task_removed");
    // Removing it again finds nothing.
    expect(await removeTask(await db(), { taskId: s.task.id, actor: s.organizer })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a task with verified hours is kept, with a clear reason, and nothing changes", async () => {
    const s = await board({ places: 2 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await claimTask(await db(), { taskId: s.task.id, actor: s.other });
    await markTaskDone(await db(), { taskId: s.task.id, actor: s.member });
    await verifyTaskClaim(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id, hours: 1.5 });
    const before = JSON.stringify({ task: await taskRow(s.task.id), claims: await claimsOf(s.task.id), notes: await noticesOf(s.other.id) });
    const refused = await removeTask(await db(), { taskId: s.task.id, actor: s.owner });
    expect(refused).toEqual({ ok: false, code: "conflict", message: "This task can't be removed: it has verified volunteer hours (1.5 hours), which stay in members' records. You can edit it instead, or lower its places to the people who came." });
    expect(JSON.stringify({ task: await taskRow(s.task.id), claims: await claimsOf(s.task.id), notes: await noticesOf(s.other.id) })).toBe(before);
  });

  it("hours verified for a member who has since left the hub keep the task too", async () => {
    const s = await board({ places: 2 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await markTaskDone(await db(), { taskId: s.task.id, actor: s.member });
    await verifyTaskClaim(await db(), { taskId: s.task.id, actor: s.organizer, userId: s.member.id, hours: 3 });
    await (await db()).transaction((tx) => releaseClaimsOfLeavingMember(tx, s.member.id));
    expect(await claimsOf(s.task.id)).toEqual([]);
    expect(await removeTask(await db(), { taskId: s.task.id, actor: s.organizer })).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("verified volunteer hours (3 hours)") });
    expect(await taskRow(s.task.id)).toBeDefined();
  });

  it("a task nobody claimed is removed without telling anyone", async () => {
    const s = await board();
    expect(await removeTask(await db(), { taskId: s.task.id, actor: s.owner })).toMatchObject({ ok: true, told: 0, message: 'Removed "Paint the planters".' });
    const everyone = [s.owner, s.organizer, s.member, s.other, s.bystander].map((p) => p.id);
    expect(await (await db()).select().from(notifications).where(inArray(notifications.userId, everyone))).toEqual([]);
  });
});

describe("who may edit or remove a task", () => {
  it("members, outsiders, visitors and another group's organizer are refused and the board is unchanged; outsiders of a private group find nothing", async () => {
    for (const visibility of ["public", "private"] as const) {
      const s = await board({ visibility });
      await claimTask(await db(), { taskId: s.task.id, actor: s.member });
      const [outsider, elsewhere] = [await makeUser(), await makeUser()];
      const otherGroup = await makeGroup();
      await addMember(otherGroup.id, elsewhere.id, "organizer");
      const snapshot = async () => JSON.stringify({ task: await taskRow(s.task.id), claims: await claimsOf(s.task.id), notes: await noticesOf(s.member.id) });
      const before = await snapshot();
      const hidden = visibility === "private" ? "not_found" : "forbidden";
      const cases: [string, { id: string } | null, string][] = [
        ["visitor", null, "unauthenticated"],
        ["member", s.member, "forbidden"],
        ["outsider", outsider, hidden],
        ["another group's organizer", elsewhere, hidden],
      ];
      for (const [who, actor, code] of cases) {
        expect(await updateTask(actor, s.task.id, taskChangeFromInput(formInput({ placesNeeded: "9" }), "UTC")), `${visibility}: ${who} edits`).toMatchObject({ ok: false, code });
        expect(await removeTask(await db(), { taskId: s.task.id, actor }), `${visibility}: ${who} removes`).toMatchObject({ ok: false, code });
        expect(await snapshot(), `${visibility}: ${who} changed the board`).toBe(before);
      }
    }
  });

  it("the API removes a task for its organizers only: 401 without a token, 403 for a member, 409 with verified hours, 404 for a private group's outsider", async () => {
    let n = 0;
    const req = (path: string, method: string, body?: unknown, token?: string) =>
      new Request(`http://hub.test${path}`, { method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const person = async () => {
      const email = `task-edit-${Date.now()}-${n++}@test.example`;
      const password = "correct horse battery";
      const { user } = await (await usersRoute(req("/api/users", "POST", { name: `Sam ${n}`, email, password }))).json();
      const { token } = await (await tokenRoute(req("/api/tokens", "POST", { email, password, name: "script" }))).json();
      return { id: user.id as string, token: token as string };
    };
    const group = await makeGroup({ visibility: "private" });
    const [organizer, member, outsider] = [await person(), await person(), await person()];
    await addMember(group.id, organizer.id, "organizer");
    await addMember(group.id, member.id);
    const project = await makeProject(group.id);
    const task = await makeTask(project.id);
    const kept = await makeTask(project.id, { title: "Already counted" });
    await claimTask(await db(), { taskId: task.id, actor: member });
    await claimTask(await db(), { taskId: kept.id, actor: member });
    await markTaskDone(await db(), { taskId: kept.id, actor: member });
    await verifyTaskClaim(await db(), { taskId: kept.id, actor: organizer, userId: member.id });
    const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
    const remove = (id: string, token?: string) => removeTaskRoute(req(`/api/tasks/${id}`, "DELETE", undefined, token), ctx(id));

    expect((await remove(task.id)).status).toBe(401);
    expect((await remove(task.id, member.token)).status).toBe(403);
    expect((await remove(task.id, outsider.token)).status).toBe(404);
    expect((await remove("not-an-id", organizer.token)).status).toBe(404);
    const keptAnswer = await remove(kept.id, organizer.token);
    expect(keptAnswer.status).toBe(409);
    expect((await keptAnswer.json()).error.message).toContain("verified");
    expect(await taskRow(task.id)).toBeDefined();
    const ok = await remove(task.id, organizer.token);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ task: { id: task.id }, removed: true, told: 1 });
    expect(await taskRow(task.id)).toBeUndefined();
    expect(await typesOf(member.id)).toContain("task_removed");
  });
});

describe("organizers are told what members do on their tasks", () => {
  it("a claim, a place given back and a part marked done each tell every organizer of the group once, never the member who acted or anyone else", async () => {
    const s = await board();
    const otherGroup = await makeGroup();
    const elsewhere = await makeUser();
    await addMember(otherGroup.id, elsewhere.id, "organizer");

    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await releaseTask(await db(), { taskId: s.task.id, actor: s.member });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await markTaskDone(await db(), { taskId: s.task.id, actor: s.member });

    for (const organizer of [s.owner, s.organizer]) {
      const notes = await noticesOf(organizer.id);
      expect(notes.map((n) => n.type)).toEqual(["task_claimed", "task_released", "task_claimed", "task_done"]);
      expect(notes.every((n) => n.href === `/projects/${s.project.id}#task-${s.task.id}`)).toBe(true);
      expect(notes[0]).toMatchObject({ title: 'A place was taken on "Paint the planters"', body: expect.stringContaining("2 of 3 places are free.") });
      expect(notes[1].body).toContain("3 of 3 places are free.");
    }
    // The member hears only of their own first task done, a milestone; none of the organizers' notices.
    expect(await typesOf(s.member.id)).toEqual(["milestone"]);
    for (const p of [s.other, s.bystander, elsewhere]) expect(await noticesOf(p.id)).toEqual([]);
  });

  it("an organizer who claims a place is not told of their own claim, and the other organizers are", async () => {
    const s = await board({ places: 1 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.organizer });
    expect(await typesOf(s.organizer.id)).toEqual([]);
    expect(await noticesOf(s.owner.id)).toEqual([expect.objectContaining({ type: "task_claimed", body: expect.stringContaining("Its one place is taken.") })]);
  });

  it("nothing is told when nothing changed: a second claim, a full task, a release without a place", async () => {
    const s = await board({ places: 1 });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await claimTask(await db(), { taskId: s.task.id, actor: s.member });
    await claimTask(await db(), { taskId: s.task.id, actor: s.other });
    await releaseTask(await db(), { taskId: s.task.id, actor: s.other });
    expect(await typesOf(s.organizer.id)).toEqual(["task_claimed"]);
  });
});

describe.skipIf(!usingPostgres())("removing a task while members claim it (PostgreSQL)", () => {
  let pool: Pool | undefined;
  afterAll(async () => {
    await pool?.end();
  });

  it("every claim that got in before the removal is told and gone; every one after finds no task; no claim is left behind", async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 25, ...sessionSettings() });
    const concurrent = drizzle(pool, { schema }) as unknown as Db;
    const s = await board();
    const people = [];
    for (let i = 0; i < 20; i++) {
      const u = await makeUser();
      await addMember(s.group.id, u.id);
      people.push(u);
    }
    for (let round = 0; round < 5; round++) {
      const task = await makeTask(s.project.id, { title: `Round ${round}`, placesNeeded: 30 });
      const claims = people.map((p) => claimTask(concurrent, { taskId: task.id, actor: p }));
      const removal = removeTask(concurrent, { taskId: task.id, actor: s.organizer });
      const answers = await Promise.all(claims);
      const removed = await removal;
      expect(removed).toMatchObject({ ok: true });
      const got = people.filter((_, i) => answers[i].ok);
      const refused = answers.filter((a) => !a.ok);
      expect(refused.every((a) => !a.ok && a.code === "not_found")).toBe(true);
      expect(got.length + refused.length).toBe(people.length);
      expect(removed.ok && removed.told).toBe(got.length);
      expect(await taskRow(task.id)).toBeUndefined();
      expect(await claimsOf(task.id)).toEqual([]);
      for (const p of got) expect((await noticesOf(p.id)).filter((n) => n.title === `"Round ${round}" was taken off the board`)).toHaveLength(1);
    }
  });
});
