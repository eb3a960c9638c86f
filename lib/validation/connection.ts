import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/*
 * Inputs of the growing-connection pieces (plan, reflections, check-in partners), shared by
 * the forms, the server actions and the JSON API.
 */

const kinds = ["volunteer", "walk", "hobby"] as const;
const energies = ["low", "medium", "high"] as const;
const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, words("validation.connection.timesLookLike"));

const goal = (goal: "weekly" | "lowEnergy" | "sharedPurpose", min: number) =>
  z.coerce.number(words("validation.goal.number", { goal })).int(words("validation.goal.whole", { goal })).min(min, words("validation.goal.min", { goal, min })).max(14, words("validation.goal.max", { goal }));

export const freeTimeSchema = z
  .object({
    day: z.coerce.number().int().min(1, words("validation.connection.dayMondaySunday")).max(7, words("validation.connection.dayMondaySunday")),
    from: hhmm,
    to: hhmm,
  })
  .refine((f) => f.from < f.to, { error: () => say("validation.connection.freeTimeMustEnd"), path: ["to"] });

export const planInputSchema = z
  .object(
    {
      weeklyTotalGoal: goal("weekly", 1),
      weeklyLowEnergyGoal: goal("lowEnergy", 0).default(0),
      weeklySharedPurposeGoal: goal("sharedPurpose", 0).default(0),
      freeTimes: z.array(freeTimeSchema, words("validation.connection.freetimesListDayFrom")).max(21, words("validation.connection.upFreeTimes")).default([]),
      usualEnergy: z.enum(energies, words("validation.connection.chooseEnergyFromLow")).nullable().default(null),
      interestKinds: z.array(z.enum(kinds, words("validation.connection.chooseKindsFromVolunteer"))).max(3).default([]),
      interestGroupIds: z.array(z.uuid(words("validation.connection.chooseGroupsFromList"))).max(20, words("validation.connection.upGroups")).default([]),
      interests: z
        .array(z.string().transform(plainText).pipe(z.string().trim().min(1).max(40, words("validation.connection.keepEachInterestUnder"))))
        .max(10, words("validation.connection.upInterests"))
        .default([]),
    },
    words("validation.rsvp.sendJsonObject"),
  )
  .refine((p) => p.weeklyLowEnergyGoal <= p.weeklyTotalGoal, { error: () => say("validation.connection.lowEnergyPartCant"), path: ["weeklyLowEnergyGoal"] })
  .refine((p) => p.weeklySharedPurposeGoal <= p.weeklyTotalGoal, { error: () => say("validation.connection.sharedPurposePartCant"), path: ["weeklySharedPurposeGoal"] });

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

export const feelingSchema = z.enum(["drained", "ok", "lifted"], words("validation.goal.feeling"));

export const reflectionInputSchema = z.object(
  {
    feeling: feelingSchema,
    note: z
      .string(words("validation.connection.noteMustText"))
      .transform(plainText)
      .pipe(z.string().trim().max(1000, words("validation.connection.keepNoteUnderCharacters")))
      .optional()
      .default(""),
  },
  words("validation.rsvp.sendJsonObject"),
);

export const rhythmSchema = z.enum(["daily_message", "weekly_meeting"], words("validation.goal.rhythm"));
export const weekdaySchema = z.coerce.number(words("validation.connection.weeklydayMondaySunday")).int().min(1, words("validation.connection.weeklydayMondaySunday")).max(7, words("validation.connection.weeklydayMondaySunday"));

export const rhythmInputSchema = z.object({ rhythm: rhythmSchema, weeklyDay: weekdaySchema.optional().default(1) }, words("validation.rsvp.sendJsonObject"));

export const partnerInviteSchema = z.object(
  {
    /** Someone met at a shared activity; without it, an invite link is made. */
    userId: z.uuid(words("validation.connection.useridMustIdSomeone")).optional(),
    rhythm: rhythmSchema.optional().default("weekly_meeting"),
    weeklyDay: weekdaySchema.optional().default(1),
  },
  words("validation.rsvp.sendJsonObject"),
);

export const checkInInputSchema = z.object(
  {
    note: z
      .string(words("validation.connection.writeShortNote"))
      .transform(plainText)
      .pipe(z.string().trim().min(1, words("validation.connection.writeLineTwoThats")).max(1000, words("validation.connection.keepNoteUnderCharacters"))),
    mood: z.coerce.number(words("validation.connection.mood")).int(words("validation.connection.mood")).min(1, words("validation.connection.mood")).max(5, words("validation.connection.mood")),
    energy: z.enum(energies, words("validation.connection.chooseEnergyFromLow2")),
  },
  words("validation.rsvp.sendJsonObject"),
);

export const partnerChangeSchema = z.object(
  { action: z.enum(["accept", "decline", "pause", "resume", "end"], words("validation.plain.partnerAction")) },
  words("validation.rsvp.sendJsonObject"),
);

export const inviteCodeSchema = z.string(words("validation.connection.inviteLinkIsntComplete")).regex(/^[A-Za-z0-9_-]{20,64}$/, words("validation.connection.inviteLinkIsntComplete"));
