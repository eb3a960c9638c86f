import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/authz";
import type { Db } from "../client";
import { getDb } from "../client";
import { groups, memberships, projects, taskClaims, tasks, type Task, type TaskClaim } from "../schema";
import { recordMilestones } from "./milestones";
import type { Locale } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/words";
import { notify, notifyMany } from "./notifications";
import { isContention, TRY_AGAIN_MESSAGE } from "./rsvps";
import { say as said } from "@/lib/i18n/said";

/*
 * The one place that decides who holds a place on a task. Every change to a task's claims
 * runs in a transaction that first locks the task row (SELECT … FOR UPDATE), so concurrent
 * claims — from any number of app instances on one PostgreSQL — are decided one at a time
 * against the real count. `tasks.claimed_count` is written only here, from the locked row,
 * in the same transaction as the claim rows it counts.
 */

export type ClaimStatus = "claimed" | "done" | "verified";
export type TaskFailureCode = "unauthenticated" | "not_found" | "forbidden" | "full" | "closed" | "conflict" | "invalid_input" | "try_again";
export interface TaskCounts {
  placesNeeded: number;
  claimedCount: number;
  placesFree: number;
}
export type TaskResult =
  | { ok: true; claim: { userId: string; status: ClaimStatus | "none"; hours: string | null }; changed: boolean; task: TaskCounts; joinedGroup: boolean; message: string }
  | { ok: false; code: TaskFailureCode; message: string };

export type RemoveTaskResult = { ok: true; title: string; projectId: string; told: number; message: string } | Extract<TaskResult, { ok: false }>;

export const TASK_NOT_FOUND = () => said("errors.refusals.taskClaims.taskNotFound");
export const ALL_PLACES_TAKEN = () => said("errors.refusals.taskClaims.allPlacesTaken");

let claimGuard = true;

/** Test-only: turns the task row lock off so a test can show the race it prevents. */
export function __setClaimGuardForTests(on: boolean): void {
  if (process.env.NODE_ENV !== "test") throw new Error("The claim guard can only be switched off in tests.");
  claimGuard = on;
}

/**
 * Locks the task and reads what deciding needs: its project and group, and the membership
 * of `userId`. The claim is read by a second statement on purpose: under READ COMMITTED a
 * statement that waited for the lock re-checks only the locked row, and rows joined to it
 * would still come from before the wait.
 */
async function lockTask(tx: Db, taskId: string, userId: string | undefined, claimOf?: string) {
  const query = tx
    .select({
      task: tasks,
      project: { id: projects.id, title: projects.title, status: projects.status, hiddenAt: projects.hiddenAt },
      group: { id: groups.id, name: groups.name, slug: groups.slug, visibility: groups.visibility, joinPolicy: groups.joinPolicy, hiddenAt: groups.hiddenAt },
      membership: { status: memberships.status, role: memberships.role },
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .leftJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, userId ?? sql`null`)))
    .where(eq(tasks.id, taskId))
    .limit(1);
  const [row] = claimGuard ? await query.for("update", { of: tasks }) : await query;
  if (!row) return undefined;
  const who = claimOf ?? userId;
  const [claim] = who ? await tx.select().from(taskClaims).where(and(eq(taskClaims.taskId, taskId), eq(taskClaims.userId, who))).limit(1) : [];
  return { ...row, claim: claim as TaskClaim | undefined };
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockTask>>>;

type Refusal = Extract<TaskResult, { ok: false }>;
const fail = (code: TaskFailureCode, message: string): Refusal => ({ ok: false, code, message });

async function contended<R>(work: () => Promise<R>): Promise<R | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (isContention(error)) return fail("try_again", TRY_AGAIN_MESSAGE());
    throw error;
  }
}

const isOrganizer = (l: Locked) => l.membership?.status === "active" && (l.membership.role === "owner" || l.membership.role === "organizer");

/** Hidden things, and a private group's tasks for outsiders, do not exist for this person. */
function visibilityRefusal(l: Locked | undefined): Refusal | null {
  if (!l || l.project.hiddenAt || l.group.hiddenAt) return fail("not_found", TASK_NOT_FOUND());
  if (l.group.visibility === "private" && l.membership?.status !== "active") return fail("not_found", TASK_NOT_FOUND());
  return null;
}

function countsOf(task: Pick<Task, "placesNeeded" | "claimedCount">): TaskCounts {
  return { placesNeeded: task.placesNeeded, claimedCount: task.claimedCount, placesFree: Math.max(0, task.placesNeeded - task.claimedCount) };
}

/** Writes the counter from the locked row, which is the truth while the lock is held. */
async function setClaimedCount(tx: Db, task: Task, next: number): Promise<Task> {
  const [row] = await tx.update(tasks).set({ claimedCount: next }).where(eq(tasks.id, task.id)).returning();
  return row;
}

async function organizerIds(tx: Db, groupId: string, except?: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.status, "active"), sql`${memberships.role} in ('owner', 'organizer')`));
  return rows.map((r) => r.userId).filter((id) => id !== except);
}

/** "2 of 3 places are free." or "All 3 places are taken." for the organizers' notices, in their language. */
function placesLeft(task: Pick<Task, "placesNeeded" | "claimedCount">): (locale: Locale) => string {
  const free = Math.max(0, task.placesNeeded - task.claimedCount);
  if (free === 0) return task.placesNeeded === 1 ? say("notices", "task.left.one") : say("notices", "task.left.all", { count: task.placesNeeded });
  return say("notices", "task.left.free", { free, count: task.placesNeeded });
}

/** Hours as the verified-hours notice says them ("2 hours", "1.5 hours"). */
const hoursWords = (hours: number) => say("notices", "task.hours", { count: Number(hours.toFixed(2)) });

const href = (l: Locked) => `/projects/${l.project.id}#task-${l.task.id}`;
const ok = (l: Locked, userId: string, status: ClaimStatus | "none", hours: string | null, changed: boolean, task: Task, message: string, joinedGroup = false): TaskResult => ({
  ok: true,
  claim: { userId, status, hours },
  changed,
  task: countsOf(task),
  joinedGroup,
  message,
});

/** Takes one place for `userId` under the lock; shared by claiming and assigning. */
async function takePlace(tx: Db, l: Locked, userId: string, assignedById: string | null): Promise<Task | null> {
  if (l.task.claimedCount >= l.task.placesNeeded) return null;
  const inserted = await tx.insert(taskClaims).values({ taskId: l.task.id, userId, assignedById }).onConflictDoNothing().returning();
  if (inserted.length === 0) return l.task;
  return setClaimedCount(tx, l.task, l.task.claimedCount + 1);
}

/**
 * A member takes a place on a task. Members of the group claim directly; a signed-in member
 * outside a public, open group joins it on claiming once they accept its agreements.
 * Claiming a place you already hold changes nothing. When every place is taken the answer
 * is `full`, never an extra claim.
 */
export async function claimTask(db: Db, input: { taskId: string; actor: Actor; acceptAgreements?: boolean }): Promise<TaskResult> {
  const actor = input.actor;
  if (!actor) return fail("unauthenticated", said("errors.refusals.taskClaims.signClaimPlace"));
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await lockTask(tx, input.taskId, actor.id);
      const hidden = visibilityRefusal(l);
      if (hidden || !l) return hidden ?? fail("not_found", TASK_NOT_FOUND());
      if (l.membership?.status === "banned") return fail("forbidden", said("errors.refusals.taskClaims.cantTakePartGroups"));
      if (l.claim) return ok(l, actor.id, l.claim.status, l.claim.hours, false, l.task, said("errors.refusals.taskClaims.alreadyHavePlaceTask"));
      if (l.project.status === "done") return fail("closed", said("errors.refusals.taskClaims.projectFinishedSoIts"));
      let joinedGroup = false;
      if (l.membership?.status !== "active") {
        if (l.membership?.status === "pending") return fail("forbidden", said("errors.refusals.taskClaims.requestJoinNameWaiting", { name: l.group.name }));
        if (l.group.joinPolicy === "approval") return fail("forbidden", said("errors.refusals.taskClaims.nameWelcomesNewMembers", { name: l.group.name }));
        if (!input.acceptAgreements) return fail("invalid_input", said("errors.refusals.taskClaims.claimingPlaceMakesMember", { name: l.group.name }));
      }
      if (l.task.claimedCount >= l.task.placesNeeded) return fail("full", ALL_PLACES_TAKEN());
      if (l.membership?.status !== "active") {
        await tx.insert(memberships).values({ groupId: l.group.id, userId: actor.id, role: "member", status: "active", agreementsAcceptedAt: new Date() }).onConflictDoNothing();
        joinedGroup = true;
      }
      const task = await takePlace(tx, l, actor.id, null);
      if (!task) return fail("full", ALL_PLACES_TAKEN());
      await notifyMany(tx, await organizerIds(tx, l.group.id, actor.id), {
        type: "task_claimed",
        title: say("notices", "task.taken.title", { task: l.task.title }),
        body: say("notices", "task.taken.body", { project: l.project.title, left: placesLeft(task) }),
        href: href(l),
      });
      const message = joinedGroup ? said("errors.refusals.taskClaims.joinedAndPlaceTaken", { group: l.group.name, task: l.task.title }) : said("errors.refusals.taskClaims.placeTaken", { task: l.task.title });
      return ok(l, actor.id, "claimed", null, true, task, message, joinedGroup);
    }),
  );
}

/**
 * A member gives their place back. A verified place is part of the record of hours given
 * and stays. Releasing a place you don't hold changes nothing.
 */
export async function releaseTask(db: Db, input: { taskId: string; actor: Actor }): Promise<TaskResult> {
  const actor = input.actor;
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await lockTask(tx, input.taskId, actor.id);
      if (!l || l.project.hiddenAt || l.group.hiddenAt) return fail("not_found", TASK_NOT_FOUND());
      // Someone who left a private group may still give a place back; nobody else learns it exists.
      if (!l.claim) return visibilityRefusal(l) ?? ok(l, actor.id, "none", null, false, l.task, said("errors.refusals.taskClaims.dontHavePlaceTask"));
      if (l.claim.status === "verified") return fail("conflict", said("errors.refusals.taskClaims.hoursTaskVerifiedSo"));
      await tx.delete(taskClaims).where(and(eq(taskClaims.taskId, l.task.id), eq(taskClaims.userId, actor.id)));
      const task = await setClaimedCount(tx, l.task, l.task.claimedCount - 1);
      await notifyMany(tx, await organizerIds(tx, l.group.id, actor.id), {
        type: "task_released",
        title: say("notices", "task.opened.title", { task: l.task.title }),
        body: say("notices", "task.opened.body", { project: l.project.title, left: placesLeft(task) }),
        href: href(l),
      });
      return ok(l, actor.id, "none", null, true, task, said("errors.refusals.taskClaims.youveGivenPlaceBack"));
    }),
  );
}

/** Locks the task and checks the actor organizes its group; the refusal otherwise. */
async function organizerLock(tx: Db, actor: Actor, taskId: string, memberId: string): Promise<Locked | Refusal> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const l = await lockTask(tx, taskId, actor.id, memberId);
  const hidden = visibilityRefusal(l);
  if (hidden || !l) return hidden ?? fail("not_found", TASK_NOT_FOUND());
  if (!isOrganizer(l)) return fail("forbidden", said("errors.refusals.taskClaims.onlyOrganizersGroupDo"));
  return l;
}

const isLocked = (v: Locked | Refusal): v is Locked => "task" in v && "group" in v;

/** An organizer gives a place to a member of the group, who is told. Same room rule as claiming. */
export async function assignTask(db: Db, input: { taskId: string; actor: Actor; userId: string }): Promise<TaskResult> {
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await organizerLock(tx, input.actor, input.taskId, input.userId);
      if (!isLocked(l)) return l;
      if (l.claim) return ok(l, input.userId, l.claim.status, l.claim.hours, false, l.task, said("errors.refusals.taskClaims.theyAlreadyHavePlace"));
      if (l.project.status === "done") return fail("closed", said("errors.refusals.taskClaims.projectFinishedSoIts"));
      const [member] = await tx
        .select({ status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.groupId, l.group.id), eq(memberships.userId, input.userId)));
      if (member?.status !== "active") return fail("invalid_input", said("errors.refusals.taskClaims.onlyActiveMembersGroup"));
      const task = await takePlace(tx, l, input.userId, input.actor!.id);
      if (!task) return fail("full", ALL_PLACES_TAKEN());
      await notify(tx, {
        userId: input.userId,
        type: "task_assigned",
        title: say("notices", "task.assigned.title", { task: l.task.title }),
        body: say("notices", "task.assigned.body", { group: l.group.name, project: l.project.title }),
        href: href(l),
      });
      return ok(l, input.userId, "claimed", null, true, task, said("errors.refusals.taskClaims.placeGivenTheyveBeen"));
    }),
  );
}

/** An organizer takes a member's place back (not a verified one); the member is told. */
export async function unassignTask(db: Db, input: { taskId: string; actor: Actor; userId: string }): Promise<TaskResult> {
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await organizerLock(tx, input.actor, input.taskId, input.userId);
      if (!isLocked(l)) return l;
      if (!l.claim) return ok(l, input.userId, "none", null, false, l.task, said("errors.refusals.taskClaims.theyDontHavePlace"));
      if (l.claim.status === "verified") return fail("conflict", said("errors.refusals.taskClaims.theirHoursTaskVerified"));
      await tx.delete(taskClaims).where(and(eq(taskClaims.taskId, l.task.id), eq(taskClaims.userId, input.userId)));
      const task = await setClaimedCount(tx, l.task, l.task.claimedCount - 1);
      await notify(tx, {
        userId: input.userId,
        type: "task_unassigned",
        title: say("notices", "task.unassigned.title", { task: l.task.title }),
        body: say("notices", "task.unassigned.body", { group: l.group.name }),
        href: href(l),
      });
      return ok(l, input.userId, "none", null, true, task, said("errors.refusals.taskClaims.placeTakenOffTheyve"));
    }),
  );
}

/** The claimant says their part is done; the organizers are told so they can verify it. */
export async function markTaskDone(db: Db, input: { taskId: string; actor: Actor }): Promise<TaskResult> {
  const actor = input.actor;
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await lockTask(tx, input.taskId, actor.id);
      const hidden = visibilityRefusal(l);
      if (hidden || !l) return hidden ?? fail("not_found", TASK_NOT_FOUND());
      if (!l.claim) return fail("forbidden", said("errors.refusals.taskClaims.onlyPeopleWithPlace"));
      if (l.claim.status !== "claimed") return ok(l, actor.id, l.claim.status, l.claim.hours, false, l.task, l.claim.status === "done" ? said("errors.refusals.taskClaims.youveAlreadyMarkedPart") : said("errors.refusals.taskClaims.partDoneVerified"));
      await tx.update(taskClaims).set({ status: "done", doneAt: new Date() }).where(and(eq(taskClaims.taskId, l.task.id), eq(taskClaims.userId, actor.id)));
      await notifyMany(tx, await organizerIds(tx, l.group.id, actor.id), {
        type: "task_done",
        title: say("notices", "task.done.title", { task: l.task.title }),
        body: say("notices", "task.done.body", { project: l.project.title }),
        href: href(l),
      });
      // A first task done is a milestone, told privately and once.
      await recordMilestones(actor.id, { executor: tx });
      return ok(l, actor.id, "done", null, true, l.task, said("errors.refusals.taskClaims.markedDoneThankOrganizer"));
    }),
  );
}

/**
 * An organizer verifies a member's finished part and records the hours actually given
 * (the task's estimate when none are given). The member is told.
 */
export async function verifyTaskClaim(db: Db, input: { taskId: string; actor: Actor; userId: string; hours?: number | null }): Promise<TaskResult> {
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await organizerLock(tx, input.actor, input.taskId, input.userId);
      if (!isLocked(l)) return l;
      if (!l.claim) return fail("not_found", said("errors.refusals.taskClaims.memberDoesntHavePlace"));
      if (l.claim.status === "claimed") return fail("conflict", said("errors.refusals.taskClaims.theyHaventMarkedTheir"));
      const hours = input.hours ?? (l.task.estimatedHours === null ? null : Number(l.task.estimatedHours));
      if (hours === null) return fail("invalid_input", said("errors.refusals.taskClaims.taskHasNoEstimate"));
      const value = hours.toFixed(2);
      if (l.claim.status === "verified" && Number(l.claim.hours) === hours) return ok(l, input.userId, "verified", l.claim.hours, false, l.task, said("errors.refusals.taskClaims.alreadyVerifiedWithThose"));
      await tx
        .update(taskClaims)
        .set({ status: "verified", hours: value, verifiedAt: new Date(), verifiedById: input.actor!.id })
        .where(and(eq(taskClaims.taskId, l.task.id), eq(taskClaims.userId, input.userId)));
      await notify(tx, {
        userId: input.userId,
        type: "task_verified",
        title: say("notices", "task.verified.title", { hours: hoursWords(hours), task: l.task.title }),
        body: say("notices", "task.verified.body", { group: l.group.name, project: l.project.title }),
        href: href(l),
      });
      // Verified hours may pass 5, 10 or 25: a milestone, told privately and once.
      await recordMilestones(input.userId, { executor: tx });
      return ok(l, input.userId, "verified", value, true, l.task, said("errors.refusals.taskClaims.verifiedHours", { hours: said("notices.task.hours", { count: Number(hours.toFixed(2)) }) }));
    }),
  );
}

/** An organizer sends a part marked done back to "claimed" (not yet finished); the member is told. */
export async function sendBackTaskClaim(db: Db, input: { taskId: string; actor: Actor; userId: string }): Promise<TaskResult> {
  return contended(() =>
    db.transaction(async (tx) => {
      const l = await organizerLock(tx, input.actor, input.taskId, input.userId);
      if (!isLocked(l)) return l;
      if (!l.claim) return fail("not_found", said("errors.refusals.taskClaims.memberDoesntHavePlace"));
      if (l.claim.status === "claimed") return ok(l, input.userId, "claimed", null, false, l.task, said("errors.refusals.taskClaims.itsAlreadyOpen"));
      await tx
        .update(taskClaims)
        .set({ status: "claimed", doneAt: null, hours: null, verifiedAt: null, verifiedById: null })
        .where(and(eq(taskClaims.taskId, l.task.id), eq(taskClaims.userId, input.userId)));
      await notify(tx, {
        userId: input.userId,
        type: "task_sent_back",
        title: say("notices", "task.reopened.title", { task: l.task.title }),
        body: say("notices", "task.reopened.body", { group: l.group.name }),
        href: href(l),
      });
      return ok(l, input.userId, "claimed", null, true, l.task, said("errors.refusals.taskClaims.sentBackTheyveBeen"));
    }),
  );
}

/**
 * A member deleting their account gives every place back, one task at a time under that
 * task's lock. An open place (claimed, or done but not yet verified) is freed and the
 * organizers are told, as when anyone gives one back. A verified place is work that was done:
 * the task stays filled and its hours stay on the task as numbers with no one behind them.
 * Call it inside the deletion's transaction.
 */
export async function releaseClaimsOfLeavingMember(tx: Db, userId: string): Promise<void> {
  const held = await tx.select({ taskId: taskClaims.taskId }).from(taskClaims).where(eq(taskClaims.userId, userId)).orderBy(taskClaims.taskId);
  for (const { taskId } of held) {
    const l = await lockTask(tx, taskId, undefined, userId);
    if (!l?.claim) continue;
    await tx.delete(taskClaims).where(and(eq(taskClaims.taskId, taskId), eq(taskClaims.userId, userId)));
    if (l.claim.status === "verified") {
      await tx
        .update(tasks)
        .set({ formerVerifiedPlaces: sql`${tasks.formerVerifiedPlaces} + 1`, formerVerifiedHours: sql`${tasks.formerVerifiedHours} + ${l.claim.hours ?? "0"}` })
        .where(eq(tasks.id, taskId));
      continue;
    }
    const task = await setClaimedCount(tx, l.task, l.task.claimedCount - 1);
    await notifyMany(tx, await organizerIds(tx, l.group.id, userId), {
      type: "task_released",
      title: say("notices", "task.opened.title", { task: l.task.title }),
      body: say("notices", "task.cameFree", { project: l.project.title, free: task.placesNeeded - task.claimedCount, count: task.placesNeeded }),
      href: href(l),
    });
  }
}

/**
 * An organizer removes a task from the board. A task with verified hours stays: those hours
 * are part of members' record. Otherwise its claims go with it and each claimant (but the
 * organizer removing it) is told. Under the task lock, so no claim slips in meanwhile.
 */
export async function removeTask(db: Db, input: { taskId: string; actor: Actor }): Promise<RemoveTaskResult> {
  return contended(() =>
    db.transaction(async (tx): Promise<RemoveTaskResult> => {
      const l = await organizerLock(tx, input.actor, input.taskId, input.actor?.id ?? "");
      if (!isLocked(l)) return l;
      const claims = await tx.select().from(taskClaims).where(eq(taskClaims.taskId, l.task.id));
      const verified = claims.filter((c) => c.status === "verified");
      // Hours verified for members who have since left the hub count too: the work was done.
      if (verified.length || l.task.formerVerifiedPlaces > 0) {
        const hours = verified.reduce((sum, c) => sum + Number(c.hours), Number(l.task.formerVerifiedHours));
        return fail("conflict", said("errors.refusals.taskClaims.taskCantRemovedHas", { hours: Number(hours.toFixed(2)) }));
      }
      await tx.delete(taskClaims).where(eq(taskClaims.taskId, l.task.id));
      await tx.delete(tasks).where(eq(tasks.id, l.task.id));
      const told = await notifyMany(
        tx,
        claims.map((c) => c.userId).filter((id) => id !== input.actor!.id),
        {
          type: "task_removed",
          title: say("notices", "task.removed.title", { task: l.task.title }),
          body: say("notices", "task.removed.body", { group: l.group.name, project: l.project.title }),
          href: `/projects/${l.project.id}`,
        },
      );
      const message = told ? said("errors.refusals.taskClaims.removedTaskTold", { task: l.task.title, count: told }) : said("errors.refusals.taskClaims.removedTask", { task: l.task.title });
      return { ok: true, title: l.task.title, projectId: l.project.id, told, message };
    }),
  );
}

/** The claim mutations on the app's database, for actions and route handlers. */
export const taskClaimsOnAppDb = {
  claim: async (input: Parameters<typeof claimTask>[1]) => claimTask(await getDb(), input),
  release: async (input: Parameters<typeof releaseTask>[1]) => releaseTask(await getDb(), input),
  assign: async (input: Parameters<typeof assignTask>[1]) => assignTask(await getDb(), input),
  unassign: async (input: Parameters<typeof unassignTask>[1]) => unassignTask(await getDb(), input),
  done: async (input: Parameters<typeof markTaskDone>[1]) => markTaskDone(await getDb(), input),
  verify: async (input: Parameters<typeof verifyTaskClaim>[1]) => verifyTaskClaim(await getDb(), input),
  sendBack: async (input: Parameters<typeof sendBackTaskClaim>[1]) => sendBackTaskClaim(await getDb(), input),
  remove: async (input: Parameters<typeof removeTask>[1]) => removeTask(await getDb(), input),
};
