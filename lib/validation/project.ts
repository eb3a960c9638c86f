import { z } from "zod";
import { energyLevels } from "@/lib/labels";
import { instantToLocal } from "./activity";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/*
 * One schema per form for projects and tasks, shared by the browser form, the server
 * action and the JSON API, like the activity editor's. Dates without a time of day are
 * plain calendar days ("2026-12-06"), so no time zone can shift them.
 */

export const projectStatuses = ["planning", "active", "done"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabel: Record<ProjectStatus, string> = {
  planning: "Planning",
  active: "Active",
  done: "Done",
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const flag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const text = (max: number, key: string) => z.string().overwrite(plainText).trim().max(max, words(key)).default("");

const day = (what: "start" | "end" | "due") =>
  z.preprocess(
    (v) => emptyToUndefined(typeof v === "string" ? plainText(v).trim() : v),
    z
      .string(words("validation.project.dayFormat", { what }))
      .regex(DAY, words("validation.project.dayFormat", { what }))
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), words("validation.project.dayNotReal", { what }))
      .refine((s) => Number(s.slice(0, 4)) >= 2000 && Number(s.slice(0, 4)) <= 2200, words("validation.project.dayYear", { what }))
      .optional(),
  );

const title = (what: "project" | "task") =>
  z
    .string(words("validation.project.titleRequired", { what }))
    .overwrite(plainText)
    .trim()
    .min(3, words("validation.project.titleShort", { what }))
    .max(120, words("validation.common.titleLong"));

export const projectInputSchema = z
  .object({
    title: title("project"),
    goal: text(300, "validation.project.goalLong"),
    description: text(10_000, "validation.common.descriptionLong"),
    status: z.enum(projectStatuses, { error: () => say("validation.project.status") }).default("active"),
    startsOn: day("start"),
    endsOn: day("end"),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: say("validation.project.endBeforeStart") });
  });

export type ProjectInput = z.output<typeof projectInputSchema>;
/** What the form holds, as typed. */
export type ProjectFormValues = z.input<typeof projectInputSchema>;

/** The API's PATCH: any subset of the fields. */
export const projectPatchSchema = z
  .object({
    title: title("project").optional(),
    goal: z.string().overwrite(plainText).trim().max(300, words("validation.project.goalLong")).optional(),
    description: z.string().overwrite(plainText).trim().max(10_000, words("validation.common.descriptionLong")).optional(),
    status: z.enum(projectStatuses, { error: () => say("validation.project.status") }).optional(),
    startsOn: z.union([z.null(), day("start")]).optional(),
    endsOn: z.union([z.null(), day("end")]).optional(),
  })
  .strict();

export function projectValuesFromFormData(data: FormData): { title: string; goal: string; description: string; status: ProjectStatus; startsOn: string; endsOn: string } {
  const s = (k: string) => {
    const v = data.get(k);
    return typeof v === "string" ? v : "";
  };
  return { title: s("title"), goal: s("goal"), description: s("description"), status: (s("status") || "active") as ProjectStatus, startsOn: s("startsOn"), endsOn: s("endsOn") };
}

export const newProjectValues = (): ProjectFormValues => ({ title: "", goal: "", description: "", status: "active", startsOn: "", endsOn: "" });

const hoursNumber = (what: "estimated" | "verified") =>
  z.preprocess(
    (v) => {
      const e = emptyToUndefined(typeof v === "string" ? v.trim() : v);
      return typeof e === "string" ? Number(e) : e;
    },
    z
      .number(words("validation.hours.number", { what }))
      .positive(words("validation.hours.positive", { what }))
      .max(1000, words("validation.hours.max", { what }))
      .refine((n) => Math.round(n * 100) === n * 100 || Math.abs(Math.round(n * 100) - n * 100) < 1e-6, words("validation.hours.decimals", { what }))
      .optional(),
  );

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const windowTime = (what: "start" | "end") =>
  z.preprocess(
    (v) => emptyToUndefined(typeof v === "string" ? plainText(v).trim() : v),
    z.string().regex(LOCAL_DATE_TIME, words("validation.project.windowFormat", { what })).optional(),
  );

const places = z.preprocess(
  (v) => {
    const e = emptyToUndefined(typeof v === "string" ? v.trim() : v);
    return typeof e === "string" ? Number(e) : e;
  },
  z.number({ error: () => say("validation.project.placesWhole") }).int(words("validation.project.placesWhole")).min(1, words("validation.project.placesMin")).max(500, words("validation.project.placesMax")),
);

export const taskInputSchema = z
  .object({
    title: title("task"),
    description: text(4_000, "validation.project.taskDescriptionLong"),
    placesNeeded: places,
    effort: z.enum(energyLevels, { error: () => say("validation.common.energy") }),
    fromHome: flag.default(false),
    estimatedHours: hoursNumber("estimated"),
    dueOn: day("due"),
    /** Local wall-clock times in the site's zone, or the zone the caller names. */
    windowStartLocal: windowTime("start"),
    windowEndLocal: windowTime("end"),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.windowStartLocal) !== Boolean(v.windowEndLocal)) {
      ctx.addIssue({ code: "custom", path: [v.windowStartLocal ? "windowEndLocal" : "windowStartLocal"], message: say("validation.project.windowBoth") });
    } else if (v.windowStartLocal && v.windowEndLocal && v.windowEndLocal <= v.windowStartLocal) {
      ctx.addIssue({ code: "custom", path: ["windowEndLocal"], message: say("validation.project.windowOrder") });
    }
  });

export type TaskInput = z.output<typeof taskInputSchema>;
export type TaskFormValues = { title: string; description: string; placesNeeded: string; effort: "low" | "medium" | "high"; fromHome: boolean; estimatedHours: string; dueOn: string; windowStartLocal: string; windowEndLocal: string };

export const newTaskValues = (): TaskFormValues => ({ title: "", description: "", placesNeeded: "1", effort: "medium", fromHome: false, estimatedHours: "", dueOn: "", windowStartLocal: "", windowEndLocal: "" });

export function taskValuesFromFormData(data: FormData): TaskFormValues {
  const s = (k: string) => {
    const v = data.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    title: s("title"),
    description: s("description"),
    placesNeeded: s("placesNeeded"),
    effort: (s("effort") || "medium") as TaskFormValues["effort"],
    fromHome: data.get("fromHome") === "on" || data.get("fromHome") === "true",
    estimatedHours: s("estimatedHours"),
    dueOn: s("dueOn"),
    windowStartLocal: s("windowStartLocal"),
    windowEndLocal: s("windowEndLocal"),
  };
}

/** The task editor's values for a stored task, its time window shown in `zone`. */
export function taskFormValuesOf(
  task: { title: string; description: string; placesNeeded: number; effort: TaskFormValues["effort"]; fromHome: boolean; estimatedHours: string | null; dueOn: string | null; windowStart: Date | null; windowEnd: Date | null },
  zone: string,
): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    placesNeeded: String(task.placesNeeded),
    effort: task.effort,
    fromHome: task.fromHome,
    estimatedHours: task.estimatedHours === null ? "" : String(Number(task.estimatedHours)),
    dueOn: task.dueOn ?? "",
    windowStartLocal: task.windowStart ? instantToLocal(task.windowStart, zone) : "",
    windowEndLocal: task.windowEnd ? instantToLocal(task.windowEnd, zone) : "",
  };
}

/** Removing a task asks for a ticked confirmation, so no stray click removes one. */
export const removeTaskConfirmSchema = z.literal("yes", { error: () => say("validation.project.confirmRemove") });

/** The API's PATCH for a task: any subset of the task's fields. */
export const taskPatchSchema = z
  .object({
    title: title("task").optional(),
    description: z.string().overwrite(plainText).trim().max(4_000, words("validation.project.taskDescriptionLong")).optional(),
    placesNeeded: places.optional(),
    effort: z.enum(energyLevels, { error: () => say("validation.common.energy") }).optional(),
    fromHome: z.boolean(words("validation.plain.fromHome")).optional(),
    estimatedHours: z.union([z.null(), hoursNumber("estimated")]).optional(),
    dueOn: z.union([z.null(), day("due")]).optional(),
  })
  .strict();
export type TaskPatch = z.output<typeof taskPatchSchema>;

/** Hours an organizer records on verifying; empty means the task's estimate. */
export const verifyHoursSchema = hoursNumber("verified");

export const verifyBodySchema = z.object({
  userId: z.uuid(words("validation.hours.userId")),
  hours: z.union([z.null(), hoursNumber("verified")]).optional(),
});

export const memberIdBodySchema = z.object({ userId: z.uuid(words("validation.hours.userId")) });

export const claimBodySchema = z.object({
  /** A signed-in member outside a public group joins it on claiming, having accepted its agreements. */
  acceptAgreements: z.boolean(words("validation.plain.acceptAgreements")).optional(),
  /** Organizers only: assign this member instead of claiming for yourself. */
  userId: z.uuid(words("validation.hours.userId")).optional(),
});

export const taskBoardFiltersSchema = z.object({
  open: z.preprocess((v) => v === "1" || v === "true", z.boolean()).catch(false),
  energy: z.enum(["low"]).optional().catch(undefined),
  home: z.preprocess((v) => v === "1" || v === "true", z.boolean()).catch(false),
});
export type TaskBoardFilters = z.output<typeof taskBoardFiltersSchema>;
