"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createTask, taskChangeFromInput, updateTask } from "@/db/mutations/projects";
import { taskClaimsOnAppDb, type TaskResult } from "@/db/mutations/task-claims";
import { fail, invalid, isFormData, unreadableForm, type ActionResult } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { env } from "@/lib/env";
import { areRecordIds, NOT_FOUND_MESSAGE } from "@/lib/validation/ids";
import { removeTaskConfirmSchema, taskInputSchema, taskValuesFromFormData, verifyHoursSchema, type TaskFormValues } from "@/lib/validation/project";

/*
 * The task board's forms. Each action parses its form, resolves the viewer, and calls the
 * one claim mutation, which authorizes against the task's own group under the task lock.
 */

export type TaskActionState = ActionResult<{ message: string }> | null;
export type TaskFormState = (ActionResult<{ id: string }> & { values?: TaskFormValues }) | null;

const TASK_GONE = "We couldn't find that task. It may have been removed.";

function answer(result: TaskResult): TaskActionState {
  if (!result.ok) {
    const code = result.code === "full" ? "conflict" : result.code;
    return fail(code, result.message);
  }
  if (result.changed) {
    revalidatePath("/projects", "layout");
    revalidatePath("/notifications");
  }
  return { ok: true, data: { message: result.message } };
}

async function taskAndViewer(formData: FormData, withMember = false) {
  const taskId = formData.get("taskId");
  const userId = formData.get("userId");
  if (!areRecordIds(taskId) || (withMember && !areRecordIds(userId))) return { error: fail("not_found", TASK_GONE) } as const;
  const viewer = await getViewer();
  if (!viewer) return { error: fail("unauthenticated", "Please sign in first.") } as const;
  return { taskId: taskId as string, userId: userId as string, viewer } as const;
}

/** Takes a place on a task; someone outside a public group joins it, accepting its agreements. */
export async function claimTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData);
  if ("error" in got) return got.error ?? null;
  return answer(await taskClaimsOnAppDb.claim({ taskId: got.taskId, actor: got.viewer, acceptAgreements: formData.get("acceptAgreements") === "on" }));
}

export async function releaseTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData);
  if ("error" in got) return got.error ?? null;
  return answer(await taskClaimsOnAppDb.release({ taskId: got.taskId, actor: got.viewer }));
}

export async function markTaskDoneAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData);
  if ("error" in got) return got.error ?? null;
  return answer(await taskClaimsOnAppDb.done({ taskId: got.taskId, actor: got.viewer }));
}

export async function assignTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData, true);
  if ("error" in got) return got.error ?? null;
  return answer(await taskClaimsOnAppDb.assign({ taskId: got.taskId, actor: got.viewer, userId: got.userId }));
}

export async function unassignTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData, true);
  if ("error" in got) return got.error ?? null;
  return answer(await taskClaimsOnAppDb.unassign({ taskId: got.taskId, actor: got.viewer, userId: got.userId }));
}

/** Verifies a finished part, recording the hours given (the task's estimate when left empty). */
export async function verifyTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData, true);
  if ("error" in got) return got.error ?? null;
  const hours = verifyHoursSchema.safeParse(formData.get("hours") ?? "");
  if (!hours.success) return invalid(hours.error, hours.error.issues[0]?.message ?? "Please check the hours.");
  return answer(await taskClaimsOnAppDb.verify({ taskId: got.taskId, actor: got.viewer, userId: got.userId, hours: hours.data ?? null }));
}

export async function sendBackTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData, true);
  if ("error" in got) return got.error ?? null;
  return answer(await taskClaimsOnAppDb.sendBack({ taskId: got.taskId, actor: got.viewer, userId: got.userId }));
}

/** Adds a task to the project (organizers of its group); what was typed is kept on refusal. */
export async function createTaskAction(projectId: string, _prev: TaskFormState, formData: FormData): Promise<TaskFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = taskValuesFromFormData(formData);
  if (!areRecordIds(projectId)) return { ...fail("not_found", NOT_FOUND_MESSAGE), values };
  const parsed = taskInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const result = await createTask(viewer, projectId, parsed.data, env().SITE_TIMEZONE);
  if (!result.ok) return { ...result, values };
  revalidatePath("/projects", "layout");
  return { ok: true, data: result.data, message: `Added "${parsed.data.title}" to the board.` };
}

/** Saves the task editor (organizers of the task's group); the places never go below the people who claimed. */
export async function updateTaskAction(taskId: string, _prev: TaskFormState, formData: FormData): Promise<TaskFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const values = taskValuesFromFormData(formData);
  if (!areRecordIds(taskId)) return { ...fail("not_found", TASK_GONE), values };
  const parsed = taskInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const zone = env().SITE_TIMEZONE;
  const result = await updateTask(viewer, taskId, taskChangeFromInput(parsed.data, zone));
  if (!result.ok) return { ...result, values };
  revalidatePath("/projects", "layout");
  redirect(`/projects/${result.data.projectId}#task-${taskId}`);
}

/**
 * Removes a task from the board, once the organizer has ticked the confirmation. A task with
 * verified hours stays; otherwise anyone who had a place is told.
 */
export async function removeTaskAction(_prev: TaskActionState, formData: FormData): Promise<TaskActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const got = await taskAndViewer(formData);
  if ("error" in got) return got.error ?? null;
  const confirmed = removeTaskConfirmSchema.safeParse(formData.get("confirm"));
  if (!confirmed.success) return invalid(confirmed.error, confirmed.error.issues[0]?.message);
  const result = await taskClaimsOnAppDb.remove({ taskId: got.taskId, actor: got.viewer });
  if (!result.ok) return fail(result.code === "full" ? "conflict" : result.code, result.message);
  revalidatePath("/projects", "layout");
  revalidatePath("/notifications");
  redirect(`/projects/${result.projectId}#tasks`);
}
