import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DELETE as deleteCommentRoute } from "@/app/api/comments/[id]/route";
import { GET as activityCommentsRoute } from "@/app/api/activities/[id]/comments/route";
import { POST as createProjectRoute } from "@/app/api/groups/[slug]/projects/route";
import { GET as projectCommentsRoute, POST as postProjectCommentRoute } from "@/app/api/projects/[id]/comments/route";
import { GET as projectRoute, PATCH as patchProjectRoute } from "@/app/api/projects/[id]/route";
import { POST as createTaskRoute } from "@/app/api/projects/[id]/tasks/route";
import { GET as projectsRoute } from "@/app/api/projects/route";
import { DELETE as releaseRoute, POST as claimRoute } from "@/app/api/tasks/[id]/claim/route";
import { POST as doneRoute } from "@/app/api/tasks/[id]/done/route";
import { PATCH as patchTaskRoute } from "@/app/api/tasks/[id]/route";
import { POST as verifyRoute } from "@/app/api/tasks/[id]/verify/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { getDb } from "@/db/client";
import { comments, memberships, projects, taskClaims, tasks } from "@/db/schema";
import { addMember, makeActivity, makeGroup } from "./helpers/factories";

/*
 * The project, task and discussion endpoints, called as a script would: with personal
 * access tokens, bad bodies, the wrong people and a private group's ids.
 */

const base = "http://hub.test";
const send = (method: string, body?: unknown, token?: string) => ({
  method,
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
});
const req = (path: string, method = "GET", body?: unknown, token?: string) => new Request(`${base}${path}`, send(method, body, token));
const ctx = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<K, string>) });

let n = 0;
async function person() {
  const email = `proj-api-${Date.now()}-${n++}@test.example`;
  const password = "correct horse battery";
  const { user } = await (await usersRoute(req("/api/users", "POST", { name: `Robin ${n}`, email, password }))).json();
  const { token } = await (await tokenRoute(req("/api/tokens", "POST", { email, password, name: "script" }))).json();
  return { id: user.id as string, token: token as string };
}

async function world(visibility: "public" | "private" = "public") {
  const group = await makeGroup({ visibility, agreements: "Listening over fixing." });
  const [organizer, member, outsider] = [await person(), await person(), await person()];
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id);
  return { group, organizer, member, outsider };
}

async function projectWithTask(w: Awaited<ReturnType<typeof world>>, places = 1) {
  const created = await createProjectRoute(req(`/api/groups/${w.group.slug}/projects`, "POST", { title: "Canal clean-up", goal: "A clear towpath" }, w.organizer.token), ctx("slug", w.group.slug));
  expect(created.status).toBe(201);
  const { project } = await created.json();
  const t = await createTaskRoute(req(`/api/projects/${project.id}/tasks`, "POST", { title: "Litter picking", placesNeeded: places, effort: "low", estimatedHours: 2 }, w.organizer.token), ctx("id", project.id));
  expect(t.status).toBe(201);
  const { task } = await t.json();
  return { projectId: project.id as string, taskId: task.id as string };
}

describe("project API", () => {
  it("creates a project with a task, claims, marks done, verifies and shows progress", async () => {
    const w = await world();
    const { projectId, taskId } = await projectWithTask(w, 2);
    const claim = await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", {}, w.member.token), ctx("id", taskId));
    expect(claim.status).toBe(200);
    expect(await claim.json()).toMatchObject({ claim: { userId: w.member.id, status: "claimed" }, task: { placesNeeded: 2, placesTaken: 1, placesFree: 1 }, changed: true });
    expect((await doneRoute(req(`/api/tasks/${taskId}/done`, "POST", undefined, w.member.token), ctx("id", taskId))).status).toBe(200);
    const verified = await verifyRoute(req(`/api/tasks/${taskId}/verify`, "POST", { userId: w.member.id, hours: 1.5 }, w.organizer.token), ctx("id", taskId));
    expect(await verified.json()).toMatchObject({ claim: { status: "verified", hours: 1.5 } });
    const read = await (await projectRoute(req(`/api/projects/${projectId}`), ctx("id", projectId))).json();
    expect(read.project).toMatchObject({ title: "Canal clean-up", progress: { placesNeeded: 2, placesFilled: 1, taskCount: 1, tasksDone: 0, verifiedHours: 1.5 } });
    expect(read.project.tasks[0]).toMatchObject({ placesTaken: 1, placesFree: 1, claims: [{ userId: null, name: null, status: "verified" }] });
    const listed = await (await projectsRoute(req("/api/projects"))).json();
    expect(listed.projects.map((p: { id: string }) => p.id)).toContain(projectId);
  });

  it("a full task is a 409 with a clear message; bad bodies are 400s naming the field; no token is a 401", async () => {
    const w = await world();
    const { taskId, projectId } = await projectWithTask(w, 1);
    await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", {}, w.member.token), ctx("id", taskId));
    const full = await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", {}, w.organizer.token), ctx("id", taskId));
    expect(full.status).toBe(409);
    expect((await full.json()).error.message).toMatch(/All places on this task are taken/);
    const bad = await createTaskRoute(req(`/api/projects/${projectId}/tasks`, "POST", { title: "x", placesNeeded: 0, effort: "lava" }, w.organizer.token), ctx("id", projectId));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["effort", "placesNeeded", "title"]);
    expect((await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", {}), ctx("id", taskId))).status).toBe(401);
    expect((await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", "{not json", w.member.token), ctx("id", taskId))).status).toBe(400);
    const lower = await patchTaskRoute(req(`/api/tasks/${taskId}`, "PATCH", { placesNeeded: 0 }, w.organizer.token), ctx("id", taskId));
    expect(lower.status).toBe(400);
  });

  it("a task patch that names no field (an empty object or no body) answers 200 with the task unchanged, like a project's", async () => {
    const w = await world();
    const { projectId, taskId } = await projectWithTask(w, 2);
    const db = await getDb();
    const before = await db.select().from(tasks).where(eq(tasks.id, taskId));
    for (const body of [{}, undefined]) {
      const res = await patchTaskRoute(req(`/api/tasks/${taskId}`, "PATCH", body, w.organizer.token), ctx("id", taskId));
      expect(res.status).toBe(200);
      expect((await res.json()).task).toMatchObject({ id: taskId, title: "Litter picking", placesNeeded: 2, placesTaken: 0, effort: "low", estimatedHours: 2 });
    }
    expect(await db.select().from(tasks).where(eq(tasks.id, taskId))).toEqual(before);
    expect((await patchProjectRoute(req(`/api/projects/${projectId}`, "PATCH", {}, w.organizer.token), ctx("id", projectId))).status).toBe(200);
    // Still the organizers' alone, even when it would change nothing.
    expect((await patchTaskRoute(req(`/api/tasks/${taskId}`, "PATCH", {}, w.member.token), ctx("id", taskId))).status).toBe(403);
  });

  it("a member who isn't an organizer gets 403 on organizer endpoints, and nothing changes", async () => {
    const w = await world();
    const { projectId, taskId } = await projectWithTask(w, 2);
    const db = await getDb();
    const before = JSON.stringify([await db.select().from(projects).where(eq(projects.id, projectId)), await db.select().from(tasks).where(eq(tasks.id, taskId))]);
    expect((await patchProjectRoute(req(`/api/projects/${projectId}`, "PATCH", { status: "done" }, w.member.token), ctx("id", projectId))).status).toBe(403);
    expect((await createTaskRoute(req(`/api/projects/${projectId}/tasks`, "POST", { title: "Sneaky task", placesNeeded: 1, effort: "low" }, w.member.token), ctx("id", projectId))).status).toBe(403);
    expect((await patchTaskRoute(req(`/api/tasks/${taskId}`, "PATCH", { placesNeeded: 9 }, w.member.token), ctx("id", taskId))).status).toBe(403);
    expect((await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", { userId: w.organizer.id }, w.member.token), ctx("id", taskId))).status).toBe(403);
    expect((await createProjectRoute(req(`/api/groups/${w.group.slug}/projects`, "POST", { title: "Mine now" }, w.member.token), ctx("slug", w.group.slug))).status).toBe(403);
    expect(JSON.stringify([await db.select().from(projects).where(eq(projects.id, projectId)), await db.select().from(tasks).where(eq(tasks.id, taskId))])).toBe(before);
    expect(await db.select().from(projects).where(eq(projects.groupId, w.group.id))).toHaveLength(1);
  });

  it("a private group's project, tasks and discussion are a 404 to outsiders everywhere", async () => {
    const w = await world("private");
    const { projectId, taskId } = await projectWithTask(w, 3);
    const db = await getDb();
    for (const token of [undefined, w.outsider.token]) {
      expect((await projectRoute(req(`/api/projects/${projectId}`, "GET", undefined, token), ctx("id", projectId))).status).toBe(404);
      expect((await projectCommentsRoute(req(`/api/projects/${projectId}/comments`, "GET", undefined, token), ctx("id", projectId))).status).toBe(404);
      const listed = await (await projectsRoute(req("/api/projects?status=planning,active,done", "GET", undefined, token))).json();
      expect(listed.projects.map((p: { id: string }) => p.id)).not.toContain(projectId);
      const searched = await (await projectsRoute(req("/api/projects?q=Canal", "GET", undefined, token))).json();
      expect(searched.projects.map((p: { id: string }) => p.id)).not.toContain(projectId);
    }
    const t = w.outsider.token;
    expect((await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", { acceptAgreements: true }, t), ctx("id", taskId))).status).toBe(404);
    expect((await doneRoute(req(`/api/tasks/${taskId}/done`, "POST", undefined, t), ctx("id", taskId))).status).toBe(404);
    expect((await patchTaskRoute(req(`/api/tasks/${taskId}`, "PATCH", { placesNeeded: 9 }, t), ctx("id", taskId))).status).toBe(404);
    expect((await patchProjectRoute(req(`/api/projects/${projectId}`, "PATCH", { title: "Hello there" }, t), ctx("id", projectId))).status).toBe(404);
    expect((await postProjectCommentRoute(req(`/api/projects/${projectId}/comments`, "POST", { body: "hi" }, t), ctx("id", projectId))).status).toBe(404);
    expect((await createProjectRoute(req(`/api/groups/${w.group.slug}/projects`, "POST", { title: "Sneaky" }, t), ctx("slug", w.group.slug))).status).toBe(404);
    expect(await db.select().from(taskClaims).where(eq(taskClaims.taskId, taskId))).toEqual([]);
    expect(await db.select().from(memberships).where(eq(memberships.userId, w.outsider.id))).toEqual([]);
    // Members see it.
    expect((await projectRoute(req(`/api/projects/${projectId}`, "GET", undefined, w.member.token), ctx("id", projectId))).status).toBe(200);
  });

  it("comments: posting returns the kind-words suggestion without blocking; the 11th in ten minutes is a 429; organizers hide, authors delete", async () => {
    const w = await world();
    const { projectId } = await projectWithTask(w);
    const posted = await postProjectCommentRoute(req(`/api/projects/${projectId}/comments`, "POST", { body: "You never post the times early enough" }, w.member.token), ctx("id", projectId));
    expect(posted.status).toBe(201);
    const body = await posted.json();
    expect(body.kindWords.suggestion).toContain("I feel");
    for (let i = 0; i < 9; i++) {
      expect((await postProjectCommentRoute(req(`/api/projects/${projectId}/comments`, "POST", { body: `Note ${i}` }, w.member.token), ctx("id", projectId))).status).toBe(201);
    }
    const limited = await postProjectCommentRoute(req(`/api/projects/${projectId}/comments`, "POST", { body: "One more" }, w.member.token), ctx("id", projectId));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await deleteCommentRoute(req(`/api/comments/${body.comment.id}`, "DELETE", undefined, w.outsider.token), ctx("id", body.comment.id))).status).toBe(403);
    const hidden = await deleteCommentRoute(req(`/api/comments/${body.comment.id}`, "DELETE", undefined, w.organizer.token), ctx("id", body.comment.id));
    expect(await hidden.json()).toMatchObject({ outcome: "removed" });
    const thread = await (await projectCommentsRoute(req(`/api/projects/${projectId}/comments`), ctx("id", projectId))).json();
    expect(thread.comments[0]).toMatchObject({ removed: true, body: null, author: null });
    const db = await getDb();
    const [mine] = await db.select().from(comments).where(and(eq(comments.projectId, projectId), eq(comments.body, "Note 0")));
    expect(await (await deleteCommentRoute(req(`/api/comments/${mine.id}`, "DELETE", undefined, w.member.token), ctx("id", mine.id))).json()).toMatchObject({ outcome: "deleted" });
  });

  it("an activity's discussion follows the activity's visibility", async () => {
    const w = await world("private");
    const activity = await makeActivity(w.group.id);
    expect((await activityCommentsRoute(req(`/api/activities/${activity.id}/comments`), ctx("id", activity.id))).status).toBe(404);
    expect((await activityCommentsRoute(req(`/api/activities/${activity.id}/comments`, "GET", undefined, w.member.token), ctx("id", activity.id))).status).toBe(200);
  });

  it("giving a place back and releasing what you don't hold answer plainly", async () => {
    const w = await world();
    const { taskId } = await projectWithTask(w, 2);
    expect(await (await releaseRoute(req(`/api/tasks/${taskId}/claim`, "DELETE", undefined, w.member.token), ctx("id", taskId))).json()).toMatchObject({ changed: false, claim: { status: "none" } });
    await claimRoute(req(`/api/tasks/${taskId}/claim`, "POST", {}, w.member.token), ctx("id", taskId));
    expect(await (await releaseRoute(req(`/api/tasks/${taskId}/claim`, "DELETE", undefined, w.member.token), ctx("id", taskId))).json()).toMatchObject({ changed: true, task: { placesTaken: 0 } });
    expect((await claimRoute(req(`/api/tasks/not-an-id/claim`, "POST", {}, w.member.token), ctx("id", "not-an-id"))).status).toBe(404);
  });
});
