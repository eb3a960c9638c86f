import { DateTime } from "luxon";
import { z } from "zod";
import { plainText } from "./text";
import { canonicalZone, formatDay, formatTime, zoneAbbreviation, isValidTimeZone, parseWallClock, resolveWallClock, type ResolvedWallClock } from "@/lib/dates";
import { energyLevels, kinds, talkLevels } from "@/lib/labels";
import { placeChoiceSchema } from "./place-choice";
import { say, sayIn, spokenLocale, words } from "@/lib/i18n/said";
import type { UiLocale } from "@/lib/i18n/locales";

/** The longest an activity may last. Listings rely on it: anything not yet ended began at most this long ago. */
export const LONGEST_ACTIVITY_MS = 14 * 86_400_000;

/*
 * One schema for the activity editor in the browser, the server action and the JSON API.
 * Times are typed as local wall-clock date-times ("2026-11-28T10:00") plus an IANA zone,
 * because that is how organizers think of them; `toActivityFacts` turns them into instants.
 */

export const repeatOptions = ["none", "weekly", "biweekly", "monthly_nth_weekday"] as const;
export type Repeat = (typeof repeatOptions)[number];

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Checkboxes arrive as "on" from a plain form post, as booleans from the form and the API. */
const flag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => {
    const e = emptyToUndefined(typeof v === "string" ? v.trim() : v);
    return typeof e === "string" ? Number(e) : e;
  }, schema.optional());

/** Which of the activity's times a message names (the catalog words each: validation.activity.when). */
type WhichTime = "start" | "end" | "cutoff";

const localDateTime = (what: WhichTime) =>
  z
    .string(words("validation.activity.dateTimeRequired", { what }))
    .overwrite(plainText).trim()
    .min(1, words("validation.activity.dateTimeRequired", { what }))
    .regex(LOCAL_DATE_TIME, words("validation.activity.dateTimeFormat", { what }))
    .refine((s) => {
      const year = Number(s.slice(0, 4));
      return year >= 2000 && year <= 2200;
    }, words("validation.activity.yearRange", { what }));

const trimmed = (max: number, key: string) => z.string().overwrite(plainText).trim().max(max, words(key)).default("");

/** Said when the host named is not one of the group's organizers. */
export const HOST_CHOICE = () => say("validation.activity.hostChoice");

export const activityInputSchema = z
  .object({
    kind: z.enum(kinds, { error: () => say("validation.activity.kind") }),
    title: z
      .string({ error: () => say("validation.activity.titleRequired") })
      .overwrite(plainText).trim()
      .min(3, words("validation.activity.titleShort"))
      .max(120, words("validation.common.titleLong")),
    description: trimmed(10_000, "validation.common.descriptionLong"),
    startsLocal: localDateTime("start"),
    endsLocal: localDateTime("end"),
    timezone: z
      .string({ error: () => say("validation.activity.timezoneRequired") })
      .refine((z) => isValidTimeZone(z), words("validation.activity.timezoneList")),
    placeName: trimmed(200, "validation.activity.placeNameLong"),
    address: trimmed(300, "validation.activity.addressLong"),
    neighbourhood: trimmed(80, "validation.common.neighbourhoodLong"),
    /** A place picked from the group's or the hub's places; its stored name, address and point are used. */
    place: placeChoiceSchema,
    latitude: optionalNumber(z.number({ error: () => say("validation.activity.latitudeNumber") }).min(-90, words("validation.activity.latitudeRange")).max(90, words("validation.activity.latitudeRange"))),
    longitude: optionalNumber(
      z.number({ error: () => say("validation.activity.longitudeNumber") }).min(-180, words("validation.activity.longitudeRange")).max(180, words("validation.activity.longitudeRange")),
    ),
    onlineUrl: z.preprocess(
      (v) => emptyToUndefined(typeof v === "string" ? plainText(v).trim() : v),
      z
        .url({ protocol: /^https?$/, error: () => say("validation.activity.onlineUrl") })
        .max(500, words("validation.activity.linkLong"))
        .optional(),
    ),
    capacity: optionalNumber(
      z.number({ error: () => say("validation.activity.capacityWhole") }).int(words("validation.activity.capacityWhole")).min(1, words("validation.activity.capacityMin")).max(10_000, words("validation.activity.capacityMax")),
    ),
    rsvpCutoffLocal: z.preprocess(emptyToUndefined, localDateTime("cutoff").optional()),
    energyLevel: z.enum(energyLevels, { error: () => say("validation.common.energy") }),
    talkLevel: z.enum(talkLevels, { error: () => say("validation.activity.talk") }),
    lateArrivalOk: flag,
    stepFree: flag,
    seatingAvailable: flag,
    quietSpace: flag,
    substanceFree: flag,
    firstTimerFriendly: flag,
    repeat: z.preprocess(emptyToUndefined, z.enum(repeatOptions, { error: () => say("validation.activity.repeat") }).default("none")),
    /** The group project this activity is a work day of, if any (one of the same group's projects). */
    projectId: z.preprocess(emptyToUndefined, z.uuid({ error: () => say("validation.activity.project") }).optional()),
    /** The organizer named as host; left out, a new activity is hosted by its creator and an edit keeps its host. */
    hostId: z.preprocess(emptyToUndefined, z.uuid({ error: HOST_CHOICE }).optional()),
  })
  .superRefine((v, ctx) => {
    if (!isValidTimeZone(v.timezone)) return;
    const start = resolveLocal(v.startsLocal, v.timezone);
    const end = resolveLocal(v.endsLocal, v.timezone);
    if (!start) ctx.addIssue({ code: "custom", path: ["startsLocal"], message: say("validation.activity.startMissing") });
    if (!end) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: say("validation.activity.endMissing") });
    // A wall-clock time the clocks skip (the hour they go forward) is refused, never moved.
    const checked: [keyof typeof v & string, ResolvedWallClock | undefined][] = [["startsLocal", start], ["endsLocal", end]];
    for (const [field, at] of checked) {
      if (at?.status === "skipped") {
        ctx.addIssue({ code: "custom", path: [field], message: say("validation.activity.clocksForward", { zone: v.timezone, time: String(v[field]).slice(11, 16) }) });
      }
    }
    // Only compare times that exist: a skipped start would otherwise add a second, misleading error.
    if (start && end && start.status !== "skipped" && end.status !== "skipped") {
      const length = end.instant.getTime() - start.instant.getTime();
      if (length <= 0) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: say("validation.activity.endAfterStart") });
      else if (length > LONGEST_ACTIVITY_MS) ctx.addIssue({ code: "custom", path: ["endsLocal"], message: say("validation.activity.tooLong") });
    }
    const startsAt = start && start.status !== "skipped" ? start.instant : undefined;
    if (v.rsvpCutoffLocal && startsAt) {
      const cutoff = resolveLocal(v.rsvpCutoffLocal, v.timezone);
      if (!cutoff) ctx.addIssue({ code: "custom", path: ["rsvpCutoffLocal"], message: say("validation.activity.cutoffMissing") });
      else if (cutoff.instant > startsAt) ctx.addIssue({ code: "custom", path: ["rsvpCutoffLocal"], message: say("validation.activity.cutoffBeforeStart") });
    }
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: say("validation.activity.bothCoordinates") });
    }
    if (!v.place && !v.placeName && !v.address && !v.onlineUrl) {
      ctx.addIssue({ code: "custom", path: ["placeName"], message: say("validation.activity.where") });
    }
  });

/** What the form holds (strings and checkboxes) and what the schema gives back. */
export type ActivityFormValues = z.input<typeof activityInputSchema>;

export type ActivityInput = z.output<typeof activityInputSchema>;

export const editScopeSchema = z.enum(["this", "following"], words("validation.activity.editScope")).default("this");
export type EditScope = z.infer<typeof editScopeSchema>;

function resolveLocal(local: string, zone: string): ResolvedWallClock | undefined {
  const wall = parseWallClock(local);
  return wall ? resolveWallClock(wall, zone) : undefined;
}

/**
 * Local wall-clock time in `zone` to an instant, by RFC 5545's rules: a time that happens
 * twice (the clocks go back) is the first of the two; one the clocks skip moves forward by
 * the gap (the form refuses those before they get here).
 */
export function localToInstant(local: string, zone: string): Date {
  const resolved = resolveLocal(local, zone);
  if (!resolved) throw new RangeError(`Not a local date and time: ${local}`);
  return resolved.instant;
}

/**
 * What the organizer should know about the times they typed: a start or end that happens
 * twice because the clocks go back, and which of the two it is. Empty when nothing is unusual.
 */
export function clockChangeNotes(values: Pick<ActivityFormValues, "startsLocal" | "endsLocal" | "timezone">, locale: UiLocale = spokenLocale()): string[] {
  const { timezone } = values;
  if (typeof timezone !== "string" || !isValidTimeZone(timezone)) return [];
  const notes: string[] = [];
  for (const [what, local] of [["start", values.startsLocal], ["end", values.endsLocal]] as const) {
    const resolved = typeof local === "string" ? resolveLocal(local, timezone) : undefined;
    if (resolved?.status !== "ambiguous") continue;
    notes.push(
      sayIn(locale, "validation.clocks.goBack", { timezone, time: local.slice(11, 16), day: formatDay(resolved.instant, timezone, locale), what, first: formatTime(resolved.instant, timezone, locale), zone: zoneAbbreviation(resolved.instant, timezone) }),
    );
  }
  return notes;
}

/** An instant as the "YYYY-MM-DDTHH:mm" a datetime-local input shows, in `zone`. */
export function instantToLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The stored columns for a validated input (everything but group, series and counters). */
export function toActivityFacts(input: ActivityInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    startsAt: localToInstant(input.startsLocal, input.timezone),
    endsAt: localToInstant(input.endsLocal, input.timezone),
    timezone: input.timezone,
    placeName: input.placeName,
    address: input.address,
    neighbourhood: input.neighbourhood || null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    onlineUrl: input.onlineUrl ?? null,
    capacity: input.capacity ?? null,
    rsvpCutoff: input.rsvpCutoffLocal ? localToInstant(input.rsvpCutoffLocal, input.timezone) : null,
    energyLevel: input.energyLevel,
    talkLevel: input.talkLevel,
    lateArrivalOk: input.lateArrivalOk,
    stepFree: input.stepFree,
    seatingAvailable: input.seatingAvailable,
    quietSpace: input.quietSpace,
    substanceFree: input.substanceFree,
    firstTimerFriendly: input.firstTimerFriendly,
    projectId: input.projectId ?? null,
  };
}

export type ActivityFacts = ReturnType<typeof toActivityFacts>;

type StoredActivity = ActivityFacts & { seriesId?: string | null };

/** The form's values for an existing activity, so edits start from what is stored. */
export function activityToFormValues(a: StoredActivity, repeat: Repeat = "none"): ActivityFormValues {
  return {
    kind: a.kind,
    title: a.title,
    description: a.description,
    startsLocal: instantToLocal(a.startsAt, a.timezone),
    endsLocal: instantToLocal(a.endsAt, a.timezone),
    timezone: a.timezone,
    placeName: a.placeName,
    address: a.address,
    neighbourhood: a.neighbourhood ?? "",
    place: "",
    latitude: a.latitude ?? "",
    longitude: a.longitude ?? "",
    onlineUrl: a.onlineUrl ?? "",
    capacity: a.capacity ?? "",
    rsvpCutoffLocal: a.rsvpCutoff ? instantToLocal(a.rsvpCutoff, a.timezone) : "",
    energyLevel: a.energyLevel,
    talkLevel: a.talkLevel,
    lateArrivalOk: a.lateArrivalOk,
    stepFree: a.stepFree,
    seatingAvailable: a.seatingAvailable,
    quietSpace: a.quietSpace,
    substanceFree: a.substanceFree,
    firstTimerFriendly: a.firstTimerFriendly,
    repeat,
    projectId: a.projectId ?? "",
  };
}

/**
 * The form filled in with a copy of an activity one week later (same local times in its
 * zone), as a single activity. Nothing is saved until the organizer submits it.
 */
export function copyActivityValues(a: StoredActivity): ActivityFormValues {
  const weekLater = (d: Date) => DateTime.fromJSDate(d, { zone: a.timezone }).plus({ weeks: 1 }).toJSDate();
  return activityToFormValues({ ...a, startsAt: weekLater(a.startsAt), endsAt: weekLater(a.endsAt), rsvpCutoff: a.rsvpCutoff ? weekLater(a.rsvpCutoff) : null });
}

/** Field names in the order the form shows them; used to read a plain form post. */
export const activityFieldNames = Object.keys(activityInputSchema.shape) as (keyof ActivityFormValues)[];

const FLAGS = new Set<string>(["lateArrivalOk", "stepFree", "seatingAvailable", "quietSpace", "substanceFree", "firstTimerFriendly"]);

/** A plain form post as the form's values: checkboxes become booleans, the rest stays text. */
export function activityValuesFromFormData(data: FormData): ActivityFormValues {
  const out: Record<string, unknown> = {};
  for (const name of activityFieldNames) {
    const v = data.get(name);
    out[name] = FLAGS.has(name) ? v === "on" || v === "true" : typeof v === "string" ? v.slice(0, 10_000) : undefined;
  }
  return out as ActivityFormValues;
}

/** The IANA zones the editor offers, computed on the server so the list never differs on hydration. */
export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  // Offered under their current names (Asia/Kolkata, not Asia/Calcutta).
  const canonical = [...new Set(zones.map(canonicalZone))].sort();
  return canonical.includes("UTC") ? canonical : [...canonical, "UTC"];
}

/** Whether the start typed in the form is already past: the organizer is asked to confirm. */
export function startsInThePast(values: Pick<ActivityFormValues, "startsLocal" | "timezone">, now = new Date()): boolean {
  if (typeof values.timezone !== "string" || !isValidTimeZone(values.timezone) || typeof values.startsLocal !== "string") return false;
  const resolved = resolveLocal(values.startsLocal, values.timezone);
  return resolved !== undefined && resolved.instant <= now;
}

/**
 * A fresh activity: tomorrow 10:00–12:00 in the zone where the group meets (the site's zone,
 * never the browser's, which on a server-like machine is UTC), of the kind the group
 * usually posts, with gentle defaults.
 */
export function newActivityValues(zone: string, now = new Date(), kind: ActivityFormValues["kind"] = "walk"): ActivityFormValues {
  const day = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).toFormat("yyyy-MM-dd");
  return {
    kind,
    title: "",
    description: "",
    startsLocal: `${day}T10:00`,
    endsLocal: `${day}T12:00`,
    timezone: zone,
    placeName: "",
    address: "",
    neighbourhood: "",
    place: "",
    latitude: "",
    longitude: "",
    onlineUrl: "",
    capacity: "",
    rsvpCutoffLocal: "",
    energyLevel: "low",
    talkLevel: "some_chat",
    lateArrivalOk: true,
    stepFree: false,
    seatingAvailable: false,
    quietSpace: false,
    substanceFree: false,
    firstTimerFriendly: false,
    repeat: "none",
  };
}
