import "server-only";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { fail, type ActionResult } from "@/lib/action-result";
import { authorize, type Actor } from "@/lib/authz";
import type { ProjectInput, TaskInput, TaskPatch } from "@/lib/validation/project";
import { projectPatchSchema } from "@/lib/validation/project";
import type { z } from "zod";
import { getDb, type Db } from "../client";
import { groups, projects, tasks, type Project, type Task } from "../schema";
import { membershipIn } from "./groups";
import { say } from "@/lib/i18n/said";

/*
 * Creating and editing projects and their tasks. Every entry point reads the actor's
 * membership of the project's own group inside its transaction: organizing another group
 * never counts, and a private group's projects do not exist for outsiders.
 */

type Refusal = Extract<ActionResult<never>, { ok: false }>;
const refuse = (code: Refusal["code"], message: string) => fail(code, message) as Refusal;
const isRefusal = <T extends object>(v: T | Refusal): v is Refusal => "ok" in v && (v as Refusal).ok === false;

export const PROJECT_NOT_FOUND = () => say("errors.refusals.projects.projectNotFound");

/** Checks the actor organizes `groupId`; a private group's outsiders get "not found". */
async function organizerOf(tx: Db, actor: Actor, groupId: string, notFound: string): Promise<{ actorId: string } | Refusal> {
  const [group] = await tx.select({ visibility: groups.visibility, hiddenAt: groups.hiddenAt }).from(groups).where(eq(groups.id, groupId));
  if (!group || group.hiddenAt) return refuse("not_found", notFound);
  const membership = await membershipIn(tx, groupId, actor?.id);
  const ok = authorize(actor, membership, "organizer");
  if (ok.ok) return { actorId: ok.actorId };
  if (ok.code === "forbidden" && group.visibility === "private" && membership?.status !== "active") return refuse("not_found", notFound);
  return refuse(ok.code, ok.message);
}

async function lockProject(tx: Db, actor: Actor, projectId: string): Promise<Project | Refusal> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, projectId)).for("update");
  if (!project || project.hiddenAt) return refuse("not_found", PROJECT_NOT_FOUND());
  const ok = await organizerOf(tx, actor, project.groupId, PROJECT_NOT_FOUND());
  return isRefusal(ok) ? ok : project;
}

const statusFields = (status: Project["status"], current?: Project) => ({
  status,
  completedAt: status === "done" ? (current?.status === "done" ? current.completedAt : new Date()) : null,
});

/** Starts a project in a group (organizers of that group only). */
export async function createProject(actor: Actor, groupId: string, input: ProjectInput): Promise<ActionResult<{ id: string }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ok = await organizerOf(tx, actor, groupId, say("errors.action.groupMissing"));
    if (isRefusal(ok)) return ok;
    const [row] = await tx
      .insert(projects)
      .values({
        groupId,
        title: input.title,
        goal: input.goal,
        description: input.description,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        createdById: ok.actorId,
        ...statusFields(input.status),
      })
      .returning({ id: projects.id });
    return { ok: true as const, data: { id: row.id } };
  });
}

type ProjectPatch = z.output<typeof projectPatchSchema>;

/**
 * Changes a project: the whole form, or (from the API) some fields. Setting the status to
 * "done" completes it; setting it back reopens it.
 */
export async function updateProject(actor: Actor, projectId: string, patch: ProjectPatch | ProjectInput): Promise<ActionResult<Project>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockProject(tx, actor, projectId);
    if (isRefusal(current)) return current;
    const startsOn = patch.startsOn === undefined ? current.startsOn : patch.startsOn;
    const endsOn = patch.endsOn === undefined ? current.endsOn : patch.endsOn;
    if (startsOn && endsOn && endsOn < startsOn) return { ok: false as const, code: "invalid_input" as const, message: say("errors.refusals.projects.checkEndson"), fieldErrors: { endsOn: say("errors.refusals.projects.endDateCantBefore") } };
    const [row] = await tx
      .update(projects)
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.goal !== undefined ? { goal: patch.goal } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.status !== undefined ? statusFields(patch.status, current) : {}),
        startsOn: startsOn ?? null,
        endsOn: endsOn ?? null,
        updatedAt: new Date(),
      })
      .where(eq(projects.id, projectId))
      .returning();
    return { ok: true as const, data: row };
  });
}

/** Local wall-clock "YYYY-MM-DDTHH:mm" in `zone` as an instant. */
function instant(local: string | undefined, zone: string): Date | null {
  if (!local) return null;
  const dt = DateTime.fromISO(local, { zone });
  return dt.isValid ? dt.toJSDate() : null;
}

/** Adds a task to a project (organizers of its group only). Window times are read in `zone`. */
export async function createTask(actor: Actor, projectId: string, input: TaskInput, zone: string): Promise<ActionResult<{ id: string }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, actor, projectId);
    if (isRefusal(project)) return project;
    const [row] = await tx
      .insert(tasks)
      .values({
        projectId,
        title: input.title,
        description: input.description,
        placesNeeded: input.placesNeeded,
        effort: input.effort,
        fromHome: input.fromHome,
        estimatedHours: input.estimatedHours === undefined ? null : input.estimatedHours.toFixed(2),
        dueOn: input.dueOn ?? null,
        windowStart: instant(input.windowStartLocal, zone),
        windowEnd: instant(input.windowEndLocal, zone),
      })
      .returning({ id: tasks.id });
    return { ok: true as const, data: { id: row.id } };
  });
}

/** A change to a task: the API's patch, plus the time window the full form also sets. */
export type TaskChange = TaskPatch & { windowStart?: Date | null; windowEnd?: Date | null };

/** The whole task form as a change: every field is set, an empty one cleared; window times are read in `zone`. */
export function taskChangeFromInput(input: TaskInput, zone: string): TaskChange {
  return {
    title: input.title,
    description: input.description,
    placesNeeded: input.placesNeeded,
    effort: input.effort,
    fromHome: input.fromHome,
    estimatedHours: input.estimatedHours ?? null,
    dueOn: input.dueOn ?? null,
    windowStart: instant(input.windowStartLocal, zone),
    windowEnd: instant(input.windowEndLocal, zone),
  };
}

/** Why the places can't go below `taken`, in words an organizer can act on. */
export function placesBelowClaimsMessage(taken: number): string {
  return say("errors.refusals.projects.placesBelowClaims", { count: taken });
}

/**
 * Changes a task. The places needed can go down only as far as the places already taken:
 * nobody loses a place because of an edit. The task row is locked like a claim, so an edit
 * and a claim never pass each other.
 */
export async function updateTask(actor: Actor, taskId: string, patch: TaskChange): Promise<ActionResult<Task>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");
    if (!task) return refuse("not_found", say("errors.refusals.projects.couldntFindTask"));
    const [project] = await tx.select().from(projects).where(eq(projects.id, task.projectId));
    if (!project || project.hiddenAt) return refuse("not_found", say("errors.refusals.projects.couldntFindTask"));
    const ok = await organizerOf(tx, actor, project.groupId, say("errors.refusals.projects.couldntFindTask"));
    if (isRefusal(ok)) return ok;
    if (patch.placesNeeded !== undefined && patch.placesNeeded < task.claimedCount) {
      const message = placesBelowClaimsMessage(task.claimedCount);
      return { ok: false as const, code: "conflict" as const, message, fieldErrors: { placesNeeded: message } };
    }
    const changes = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.placesNeeded !== undefined ? { placesNeeded: patch.placesNeeded } : {}),
      ...(patch.effort !== undefined ? { effort: patch.effort } : {}),
      ...(patch.fromHome !== undefined ? { fromHome: patch.fromHome } : {}),
      ...(patch.estimatedHours !== undefined ? { estimatedHours: patch.estimatedHours === null ? null : patch.estimatedHours.toFixed(2) } : {}),
      ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn ?? null } : {}),
      ...(patch.windowStart !== undefined ? { windowStart: patch.windowStart } : {}),
      ...(patch.windowEnd !== undefined ? { windowEnd: patch.windowEnd } : {}),
    };
    // A patch that names no field changes nothing: the task as it is, like a project's or an activity's.
    if (Object.keys(changes).length === 0) return { ok: true as const, data: task };
    const [row] = await tx.update(tasks).set(changes).where(eq(tasks.id, taskId)).returning();
    return { ok: true as const, data: row };
  });
}
