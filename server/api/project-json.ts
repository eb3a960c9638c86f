import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { CommentView } from "@/db/queries/comments";
import { getProjectForViewer, type ProjectDetail, type ProjectSummary, type TaskView, type WorkDay } from "@/db/queries/projects";
import type { TaskResult } from "@/db/mutations/task-claims";
import { resolveApiViewerId } from "./viewer";
import { apiError, type ApiErrorCode } from "./http";

/*
 * The JSON shapes of projects, tasks, claims and comments, and the one 404 for a project
 * the caller may not see (unknown, hidden, or a private group's to an outsider).
 */

export const noSuchProject = () => apiError("not_found", "There is no project with that id.");
export const noSuchTask = () => apiError("not_found", "There is no task with that id.");

/** The project an id names, as this caller may see it, or the 404 to answer. */
export async function projectVisibleToCaller(request: Request, rawId: string): Promise<{ ok: true; project: ProjectDetail; viewerId: string | null } | { ok: false; response: Response }> {
  const id = z.uuid().safeParse(rawId);
  const viewerId = await resolveApiViewerId(request);
  const project = id.success ? await getProjectForViewer(id.data, viewerId) : undefined;
  if (!project) return { ok: false, response: noSuchProject() };
  return { ok: true, project, viewerId };
}

export function projectJson(p: ProjectSummary) {
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

export function taskJson(t: TaskView) {
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
    windowStart: t.windowStart,
    windowEnd: t.windowEnd,
    claims: t.claims.map((c) => ({ userId: c.name === null && !c.isViewer ? null : c.userId, name: c.name, status: c.status, hours: c.hours, you: c.isViewer })),
  };
}

export function workDayJson(w: WorkDay) {
  return { id: w.id, url: `/activities/${w.id}`, title: w.title, startsAt: w.startsAt, endsAt: w.endsAt, timezone: w.timezone, status: w.status };
}

export function commentJson(c: CommentView) {
  return {
    id: c.id,
    body: c.body,
    author: c.authorId ? { id: c.authorId, name: c.authorName } : null,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
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
  return NextResponse.json({
    claim: { userId: result.claim.userId, status: result.claim.status, hours: result.claim.hours === null ? null : Number(result.claim.hours) },
    task: { id: taskId, placesNeeded: result.task.placesNeeded, placesTaken: result.task.claimedCount, placesFree: result.task.placesFree },
    changed: result.changed,
    joinedGroup: result.joinedGroup,
    message: result.message,
  });
}
