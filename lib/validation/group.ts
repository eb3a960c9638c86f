import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/* Schemas for starting and running a group, shared by its forms, server actions and the API. */

export const groupInputSchema = z.object({
  name: z
    .string({ error: () => say("validation.group.nameRequired") })
    .overwrite(plainText).trim()
    .min(3, words("validation.group.nameShort"))
    .max(80, words("validation.group.nameLong")),
  about: z.string().overwrite(plainText).trim().max(5000, words("validation.group.aboutLong")).default(""),
  agreements: z
    .string()
    .overwrite(plainText).trim()
    .max(3000, words("validation.group.agreementsLong"))
    .default("")
    .describe("Shown to everyone who joins; they accept it before becoming a member."),
  visibility: z.enum(["public", "private"], { error: () => say("validation.group.visibility") }).default("public"),
  joinPolicy: z.enum(["open", "approval"], { error: () => say("validation.group.joinPolicy") }).default("open"),
  neighbourhood: z.string().overwrite(plainText).trim().max(80, words("validation.common.neighbourhoodLong")).default(""),
  guestRsvps: z
    .enum(["on", "off"], { error: () => say("validation.group.guestRsvps") })
    .default("on")
    .describe('"on": visitors may RSVP to a public group\'s activities with a first name and an email. Private groups never take guests.'),
});

export type GroupInput = z.output<typeof groupInputSchema>;
export type GroupFormValues = z.input<typeof groupInputSchema>;

const groupFieldNames = ["name", "about", "agreements", "visibility", "joinPolicy", "neighbourhood", "guestRsvps"] as const;

/** The group form's fields as posted; anything too long is cut so a huge post cannot be echoed back whole. */
export function groupValuesFromFormData(data: FormData): GroupFormValues {
  const out: Record<string, string> = {};
  for (const name of groupFieldNames) out[name] = String(data.get(name) ?? "").slice(0, 6000);
  // A form without the field (an older page) keeps the default.
  if (!out.guestRsvps) delete out.guestRsvps;
  return out as GroupFormValues;
}

/** A stored group as the form and the API's PATCH start from. */
export function groupToFormValues(g: { name: string; about: string; agreements: string; visibility: "public" | "private"; joinPolicy: "open" | "approval"; neighbourhood: string | null; guestRsvps?: boolean }): GroupFormValues {
  return { name: g.name, about: g.about, agreements: g.agreements, visibility: g.visibility, joinPolicy: g.joinPolicy, neighbourhood: g.neighbourhood ?? "", guestRsvps: g.guestRsvps === false ? "off" : "on" };
}

/*
 * Making a private group public would show its members and everything said in it to
 * anyone, people who joined on the understanding it was private.
 */
export const STAYS_PRIVATE = () => say("validation.group.staysPrivate");
export const ONLY_OWNER_MAKES_PRIVATE = () => say("validation.group.onlyOwnerPrivate");

/** What every way of joining answers for a group that is missing or not to be shown. */
export const GROUP_NOT_FOUND = () => say("errors.action.groupNotFound");

/** The code from a private group's invite link; public groups need none. */
export const inviteCodeSchema = z.string({ error: () => say("validation.group.inviteText") }).overwrite(plainText).trim().max(100, words("validation.group.inviteLong")).optional();

/**
 * Joining needs the agreements accepted; the checkbox posts "on", the API sends true.
 * A private group also needs the code from its invite link.
 */
export const joinGroupSchema = z.object({
  acceptAgreements: z.preprocess(
    (v) => v === true || v === "on" || v === "true",
    z.literal(true, { error: () => say("validation.group.acceptAgreements") }),
  ),
  invite: inviteCodeSchema,
});

/**
 * The values a page binds into its group actions. They come back from the browser and can
 * be altered, so they are checked before anything reaches a query.
 */
export const boundGroupSchema = z.object({
  groupId: z.uuid(),
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/),
});

/** The shape of every group slug. */
export const GROUP_SLUG = /^[a-z0-9-]{1,64}$/;

/**
 * Whether a value has the shape every group slug has. A slug read from a URL path comes
 * decoded and can hold anything (a NUL, which PostgreSQL refuses to read); one that could
 * not be a slug names no group and never reaches a query.
 */
export function isGroupSlug(value: unknown): value is string {
  return typeof value === "string" && GROUP_SLUG.test(value);
}

export const memberChangeSchema = z.object({
  userId: z.uuid({ error: () => say("validation.group.chooseMember") }),
  change: z.enum(["promote", "demote", "remove", "ban", "approve", "decline"], { error: () => say("validation.group.chooseChange") }),
  /** Why a member is banned; kept for the group's organizers. */
  reason: z.preprocess((v) => (v === null || v === "" ? undefined : v), z.string().overwrite(plainText).trim().max(500, words("validation.group.reasonLong")).optional()),
});

export type MemberChange = z.infer<typeof memberChangeSchema>["change"];

/** Handing a group over to one of its organizers; the owner ticks a box to confirm. */
export const handOverSchema = z.object({
  userId: z.uuid({ error: () => say("validation.group.chooseOrganizer") }),
  confirm: z.preprocess(
    (v) => v === true || v === "on" || v === "true",
    z.literal(true, { error: () => say("validation.group.confirmHandOver") }),
  ),
});

/** A URL-safe slug from a group name, e.g. "Riverside Walkers!" -> "riverside-walkers". */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return base || "group";
}
