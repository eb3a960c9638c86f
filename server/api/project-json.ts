import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { CommentView } from "@/db/queries/comments";
import { getProjectForViewer, type ProjectDetail, type ProjectSummary, type TaskView, type WorkDay } from "@/db/queries/projects";
import type { TaskResult } from "@/db/mutations/task-claims";
import { energyLevels } from "@/lib/labels";
import { projectStatuses } from "@/lib/validation/project";
import { instant, visibilitySchema } from "./activity-json";
import { say } from "@/lib/i18n/said";
import { apiError, type ApiErrorCode } from "./http";

/*
 * The JSON shapes of projects, tasks, claims and comments, and the one 404 for a project
 * the caller may not see (unknown, hidden, or a private group's to an outsider).
 */

export const noSuchProject = () => apiError("not_found", say("errors.api.noProject"));
export const noSuchTask = () => apiError("not_found", say("errors.api.noTask"));

/** The project an id names, as this viewer may see it, or the 404 to answer. */
export async function projectVisibleTo(id: string, viewerId: string | null): Promise<{ ok: true; project: ProjectDetail } | { ok: false; response: Response }> {
  const project = await getProjectForViewer(id, viewerId);
  if (!project) return { ok: false, response: noSuchProject() };
  return { ok: true, project };
}

const day = z.iso.date();
const hours = z.number().nullable();

export const projectJsonSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string(),
  goal: z.string(),
  status: z.enum(projectStatuses),
  startsOn: day.nullable(),
  endsOn: day.nullable(),
  group: z.object({ slug: z.string(), name: z.string(), visibility: visibilitySchema }),
  placesOpen: z.int().describe("Places still open on its tasks."),
  progress: z.object({ placesNeeded: z.int(), placesFilled: z.int(), taskCount: z.int(), tasksDone: z.int(), verifiedHours: z.number() }),
});

const claimStatus = z.enum(["claimed", "done", "verified"]);

export const taskJsonSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  placesNeeded: z.int(),
  placesTaken: z.int(),
  placesFree: z.int(),
  effort: z.enum(energyLevels),
  fromHome: z.boolean(),
  estimatedHours: hours,
  dueOn: day.nullable(),
  windowStart: instant.nullable(),
  windowEnd: instant.nullable(),
  claims: z.array(
    z.object({
      userId: z.uuid().nullable().describe("Null when the caller may not see who holds the place."),
      name: z.string().nullable(),
      status: claimStatus,
      hours,
      you: z.boolean(),
    }),
  ),
});

export const workDayJsonSchema = z.object({ id: z.uuid(), url: z.string(), title: z.string(), startsAt: instant, endsAt: instant, timezone: z.string(), status: z.enum(["scheduled", "cancelled"]) });

export const commentJsonSchema = z.object({
  id: z.uuid(),
  body: z.string().nullable().describe("Null when an organizer removed it."),
  author: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable().describe("Null for visitors and for removed comments."),
  createdAt: instant,
  editedAt: instant.nullable(),
  removed: z.boolean(),
});

/** The answer to claiming, giving back, finishing and verifying a place on a task. */
export const taskResultJsonSchema = z.object({
  claim: z.object({ userId: z.uuid(), status: z.enum(["claimed", "done", "verified", "none"]).describe("none: the place was given back or taken off."), hours }),
  task: z.object({ id: z.uuid(), placesNeeded: z.int(), placesTaken: z.int(), placesFree: z.int() }),
  changed: z.boolean(),
  joinedGroup: z.boolean(),
  message: z.string(),
});

export function projectJson(p: ProjectSummary): z.output<typeof projectJsonSchema> {
  return {
    id: p.id,
    url: `/projects/${p.id}`,
    title: p.title,
    goal: p.goal,
    status: p.status,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    group: { slug: p.group.slug, name: p.group.name, visibility: p.group.visibility },
    placesOpen: p.placesOpen,
    progress: p.progress,
  };
}

export function taskJson(t: TaskView): z.output<typeof taskJsonSchema> {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    placesNeeded: t.placesNeeded,
    placesTaken: t.claimedCount,
    placesFree: t.placesFree,
    effort: t.effort,
    fromHome: t.fromHome,
    estimatedHours: t.estimatedHours,
    dueOn: t.dueOn,
    windowStart: t.windowStart?.toISOString() ?? null,
    windowEnd: t.windowEnd?.toISOString() ?? null,
    claims: t.claims.map((c) => ({ userId: c.name === null && !c.isViewer ? null : c.userId, name: c.name, status: c.status, hours: c.hours, you: c.isViewer })),
  };
}

export function workDayJson(w: WorkDay): z.output<typeof workDayJsonSchema> {
  return { id: w.id, url: `/activities/${w.id}`, title: w.title, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), timezone: w.timezone, status: w.status };
}

export function commentJson(c: CommentView): z.output<typeof commentJsonSchema> {
  return {
    id: c.id,
    body: c.body,
    author: c.authorId ? { id: c.authorId, name: c.authorName } : null,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    removed: c.removed,
  };
}

const codeFor: Record<Extract<TaskResult, { ok: false }>["code"], ApiErrorCode> = {
  unauthenticated: "unauthenticated",
  not_found: "not_found",
  forbidden: "forbidden",
  full: "conflict",
  closed: "closed",
  conflict: "conflict",
  invalid_input: "invalid_body",
  try_again: "try_again",
};

/** A claim mutation's answer: the member's place and the task's numbers, or the error. */
export function taskResultResponse(taskId: string, result: TaskResult): Response {
  if (!result.ok) {
    if (result.code === "not_found") return noSuchTask();
    return apiError(codeFor[result.code], result.message, undefined, result.code === "try_again" ? { "Retry-After": "1" } : undefined);
  }
  return NextResponse.json<z.output<typeof taskResultJsonSchema>>({
    claim: { userId: result.claim.userId, status: result.claim.status, hours: result.claim.hours === null ? null : Number(result.claim.hours) },
    task: { id: taskId, placesNeeded: result.task.placesNeeded, placesTaken: result.task.claimedCount, placesFree: result.task.placesFree },
    changed: result.changed,
    joinedGroup: result.joinedGroup,
    message: result.message,
  });
}
