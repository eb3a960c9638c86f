import { z } from "zod";
import { plainText } from "./text";

/*
 * Inputs of the growing-connection pieces (plan, reflections, check-in partners), shared by
 * the forms, the server actions and the JSON API.
 */

const kinds = ["volunteer", "walk", "hobby"] as const;
const energies = ["low", "medium", "high"] as const;
const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: "Times look like 09:30." });

const goal = (name: string, min: number) =>
  z.coerce.number({ error: `${name} must be a number.` }).int({ error: `${name} must be a whole number.` }).min(min, { error: `${name} can't be below ${min}.` }).max(14, { error: `${name} is at most 14 a week — a modest goal is the point.` });

export const freeTimeSchema = z
  .object({
    day: z.coerce.number().int().min(1, { error: "day is 1 (Monday) to 7 (Sunday)." }).max(7, { error: "day is 1 (Monday) to 7 (Sunday)." }),
    from: hhmm,
    to: hhmm,
  })
  .refine((f) => f.from < f.to, { error: "A free time must end after it starts.", path: ["to"] });

export const planInputSchema = z
  .object(
    {
      weeklyTotalGoal: goal("The weekly goal", 1),
      weeklyLowEnergyGoal: goal("The low-energy goal", 0).default(0),
      weeklySharedPurposeGoal: goal("The shared-purpose goal", 0).default(0),
      freeTimes: z.array(freeTimeSchema, { error: "freeTimes is a list of {day, from, to}." }).max(21, { error: "Up to 21 free times." }).default([]),
      usualEnergy: z.enum(energies, { error: "Choose energy from: low, medium, high (or leave it empty)." }).nullable().default(null),
      interestKinds: z.array(z.enum(kinds, { error: "Choose kinds from: volunteer, walk, hobby." })).max(3).default([]),
      interestGroupIds: z.array(z.uuid({ error: "Choose groups from the list." })).max(20, { error: "Up to 20 groups." }).default([]),
      interests: z
        .array(z.string().transform(plainText).pipe(z.string().trim().min(1).max(40, { error: "Keep each interest under 40 characters." })))
        .max(10, { error: "Up to 10 interests." })
        .default([]),
    },
    { error: "Send a JSON object." },
  )
  .refine((p) => p.weeklyLowEnergyGoal <= p.weeklyTotalGoal, { error: "The low-energy part can't be more than the whole weekly goal.", path: ["weeklyLowEnergyGoal"] })
  .refine((p) => p.weeklySharedPurposeGoal <= p.weeklyTotalGoal, { error: "The shared-purpose part can't be more than the whole weekly goal.", path: ["weeklySharedPurposeGoal"] });

export type PlanInput = z.infer<typeof planInputSchema>;

/** The plan form's parts of the day, as checkbox values "2-morning" (ISO weekday and part). */
export const DAY_PARTS = { morning: ["06:00", "12:00"], afternoon: ["12:00", "17:00"], evening: ["17:00", "23:00"] } as const;
export type DayPart = keyof typeof DAY_PARTS;

/** Ticked day-parts to free windows, joining neighbours so a 11:00–13:00 walk fits "morning and afternoon". */
export function freeTimesFromParts(values: string[]): { day: number; from: string; to: string }[] {
  const out: { day: number; from: string; to: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    for (const part of Object.keys(DAY_PARTS) as DayPart[]) {
      if (!values.includes(`${day}-${part}`)) continue;
      const [from, to] = DAY_PARTS[part];
      const last = out.at(-1);
      if (last && last.day === day && last.to === from) last.to = to;
      else out.push({ day, from, to });
    }
  }
  return out;
}

/** Which day-part boxes a stored plan ticks. */
export function partsFromFreeTimes(freeTimes: { day: number; from: string; to: string }[]): Set<string> {
  const ticked = new Set<string>();
  for (const f of freeTimes) {
    for (const [part, [from, to]] of Object.entries(DAY_PARTS)) if (f.from <= from && f.to >= to) ticked.add(`${f.day}-${part}`);
  }
  return ticked;
}

/** The plan form's fields, read into the shape the API takes. */
export function planFormToInput(form: FormData): unknown {
  const usual = form.get("usualEnergy");
  return {
    weeklyTotalGoal: form.get("weeklyTotalGoal"),
    weeklyLowEnergyGoal: form.get("weeklyLowEnergyGoal") ?? 0,
    weeklySharedPurposeGoal: form.get("weeklySharedPurposeGoal") ?? 0,
    freeTimes: freeTimesFromParts(form.getAll("free").map(String)),
    usualEnergy: usual === null || usual === "" ? null : usual,
    interestKinds: form.getAll("interestKinds").map(String),
    interestGroupIds: form.getAll("interestGroupIds").map(String),
    interests: String(form.get("interests") ?? "")
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean),
  };
}

export const feelingSchema = z.enum(["drained", "ok", "lifted"], { error: 'Choose how it left you: "drained", "ok" or "lifted".' });

export const reflectionInputSchema = z.object(
  {
    feeling: feelingSchema,
    note: z
      .string({ error: "note must be text." })
      .transform(plainText)
      .pipe(z.string().trim().max(1000, { error: "Keep the note under 1000 characters." }))
      .optional()
      .default(""),
  },
  { error: "Send a JSON object." },
);

export const rhythmSchema = z.enum(["daily_message", "weekly_meeting"], { error: 'Choose a rhythm: "daily_message" or "weekly_meeting".' });
export const weekdaySchema = z.coerce.number({ error: "weeklyDay is 1 (Monday) to 7 (Sunday)." }).int().min(1, { error: "weeklyDay is 1 (Monday) to 7 (Sunday)." }).max(7, { error: "weeklyDay is 1 (Monday) to 7 (Sunday)." });

export const rhythmInputSchema = z.object({ rhythm: rhythmSchema, weeklyDay: weekdaySchema.optional().default(1) }, { error: "Send a JSON object." });

export const partnerInviteSchema = z.object(
  {
    /** Someone met at a shared activity; without it, an invite link is made. */
    userId: z.uuid({ error: "userId must be the id of someone you've met at an activity." }).optional(),
    rhythm: rhythmSchema.optional().default("weekly_meeting"),
    weeklyDay: weekdaySchema.optional().default(1),
  },
  { error: "Send a JSON object." },
);

export const checkInInputSchema = z.object(
  {
    note: z
      .string({ error: "Write a short note." })
      .transform(plainText)
      .pipe(z.string().trim().min(1, { error: "Write a line or two — that's plenty." }).max(1000, { error: "Keep the note under 1000 characters." })),
    mood: z.coerce.number({ error: "mood is 1 to 5." }).int({ error: "mood is 1 to 5." }).min(1, { error: "mood is 1 to 5." }).max(5, { error: "mood is 1 to 5." }),
    energy: z.enum(energies, { error: "Choose energy from: low, medium, high." }),
  },
  { error: "Send a JSON object." },
);

export const partnerChangeSchema = z.object(
  { action: z.enum(["accept", "decline", "pause", "resume", "end"], { error: 'action is one of "accept", "decline", "pause", "resume", "end".' }) },
  { error: "Send a JSON object." },
);

export const inviteCodeSchema = z.string({ error: "That invite link isn't complete." }).regex(/^[A-Za-z0-9_-]{20,64}$/, { error: "That invite link isn't complete." });
