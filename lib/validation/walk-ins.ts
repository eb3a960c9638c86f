import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/*
 * Walk-ins (someone who turned up without an RSVP, recorded by an organizer) and messages to a
 * chosen list: the forms, the server actions and the mutations share these.
 */

export const walkInFirstNameSchema = z
  .string({ error: () => say("validation.walkIns.firstNameRequired") })
  .overwrite(plainText)
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, words("validation.walkIns.firstNameRequired")).max(40, words("validation.walkIns.firstNameLong")));

export const walkInNameFormSchema = z.object({ firstName: walkInFirstNameSchema });

export const walkInMemberFormSchema = z.object({ userId: z.uuid({ error: () => say("validation.walkIns.chooseMember") }) });

/** Removing a walk-in recorded by mistake: a member's (`userId`) or a first name's (`walkInId`). */
export const removeWalkInFormSchema = z
  .object({
    userId: z.uuid({ error: () => say("validation.walkIns.chooseWalkIn") }).optional(),
    walkInId: z.uuid({ error: () => say("validation.walkIns.chooseWalkIn") }).optional(),
  })
  .refine((v) => Boolean(v.userId) !== Boolean(v.walkInId), { error: () => say("validation.walkIns.chooseOne"), path: ["walkInId"] });

/** The organizer view's "Find a member" search (a GET form, so it works without JavaScript). */
export const walkInSearchSchema = z
  .string()
  .overwrite(plainText)
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(2).max(60));

/** Who an organizer's message about an activity goes to. */
export const activityAudiences = ["going", "maybe", "waitlist", "walk_ins", "group"] as const;
export type ActivityAudience = (typeof activityAudiences)[number];

const messageText = z
  .string({ error: () => say("validation.walkIns.messageRequired") })
  .overwrite(plainText)
  .trim()
  .min(1, words("validation.walkIns.messageRequired"))
  .max(2000, words("validation.walkIns.messageLong"));

export const messageListFormSchema = z.object({
  audience: z.enum(activityAudiences, { error: () => say("validation.walkIns.audience") }),
  message: messageText,
});

export const announcementFormSchema = z.object({ message: messageText });
