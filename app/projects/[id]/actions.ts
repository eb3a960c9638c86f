"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { createTask, taskChangeFromInput, updateTask } from "@/db/mutations/projects";
import { taskClaimsOnAppDb, type TaskResult } from "@/db/mutations/task-claims";
import { fail, type ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { env } from "@/lib/env";
import { recordIdSchema } from "@/lib/validation/ids";
import { removeTaskConfirmSchema, taskInputSchema, taskValuesFromFormData, verifyHoursSchema, type TaskFormValues } from "@/lib/validation/project";
import { say } from "@/lib/i18n/said";

/*
 * The task board's forms. Each action parses its form, resolves the viewer, and calls the
 * one claim mutation, which authorizes against the task's own group under the task lock.
 */

export type TaskActionState = ActionResult<{ message: string }> | null;
export type TaskFormState = (ActionResult<{ id: string }> & { values?: TaskFormValues }) | null;

const TASK_GONE = () => say("errors.action.taskGone");

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

/** The task acted on, named by the form. */
const task = { find: { taskId: recordIdSchema }, missing: TASK_GONE, member: true } as const;
/** A task and one member's place on it. */
const place = { find: { taskId: recordIdSchema, userId: recordIdSchema }, missing: TASK_GONE, member: true } as const;

/** Takes a place on a task; someone outside a public group joins it, accepting its agreements. */
export const claimTaskAction = defineAction({
  ...task,
  read: (form) => form.get("acceptAgreements") === "on",
  input: z.boolean(),
  run: async (acceptAgreements, viewer, { taskId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.claim({ taskId, actor: viewer, acceptAgreements })),
});

export const releaseTaskAction = defineAction({
  ...task,
  run: async (_input, viewer, { taskId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.release({ taskId, actor: viewer })),
});

export const markTaskDoneAction = defineAction({
  ...task,
  run: async (_input, viewer, { taskId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.done({ taskId, actor: viewer })),
});

export const assignTaskAction = defineAction({
  ...place,
  run: async (_input, viewer, { taskId, userId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.assign({ taskId, actor: viewer, userId })),
});

export const unassignTaskAction = defineAction({
  ...place,
  run: async (_input, viewer, { taskId, userId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.unassign({ taskId, actor: viewer, userId })),
});

/** Verifies a finished part, recording the hours given (the task's estimate when left empty). */
export const verifyTaskAction = defineAction({
  ...place,
  read: (form) => form.get("hours") ?? "",
  input: verifyHoursSchema,
  invalid: (error) => error.issues[0]?.message ?? say("errors.action.checkHours"),
  run: async (hours, viewer, { taskId, userId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.verify({ taskId, actor: viewer, userId, hours: hours ?? null })),
});

export const sendBackTaskAction = defineAction({
  ...place,
  run: async (_input, viewer, { taskId, userId }): Promise<TaskActionState> => answer(await taskClaimsOnAppDb.sendBack({ taskId, actor: viewer, userId })),
});

/** Adds a task to the project (organizers of its group); what was typed is kept on refusal. */
export const createTaskAction = defineAction({
  bound: ["projectId"],
  find: { projectId: recordIdSchema },
  read: taskValuesFromFormData,
  input: taskInputSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (input, viewer, { projectId }): Promise<TaskFormState> => {
    const result = await createTask(viewer, projectId, input, env().SITE_TIMEZONE);
    if (!result.ok) return result;
    revalidatePath("/projects", "layout");
    const t = await requestWords("projects.said");
    return { ok: true, data: result.data, message: t("taskAdded", { title: input.title }) };
  },
});

/** Saves the task editor (organizers of the task's group); the places never go below the people who claimed. */
export const updateTaskAction = defineAction({
  bound: ["taskId"],
  find: { taskId: recordIdSchema },
  missing: TASK_GONE,
  read: taskValuesFromFormData,
  input: taskInputSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (input, viewer, { taskId }): Promise<TaskFormState> => {
    const zone = env().SITE_TIMEZONE;
    const result = await updateTask(viewer, taskId, taskChangeFromInput(input, zone));
    if (!result.ok) return result;
    revalidatePath("/projects", "layout");
    redirect(`/projects/${result.data.projectId}#task-${taskId}`);
  },
});

/**
 * Removes a task from the board, once the organizer has ticked the confirmation. A task with
 * verified hours stays; otherwise anyone who had a place is told.
 */
export const removeTaskAction = defineAction({
  ...task,
  read: (form) => form.get("confirm"),
  input: removeTaskConfirmSchema,
  invalid: (error) => error.issues[0]?.message,
  run: async (_confirmed, viewer, { taskId }): Promise<TaskActionState> => {
    const result = await taskClaimsOnAppDb.remove({ taskId, actor: viewer });
    if (!result.ok) return fail(result.code === "full" ? "conflict" : result.code, result.message);
    revalidatePath("/projects", "layout");
    revalidatePath("/notifications");
    redirect(`/projects/${result.projectId}#tasks`);
  },
});
