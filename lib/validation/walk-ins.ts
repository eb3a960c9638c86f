import { z } from "zod";
import { plainText } from "./text";

/*
 * Walk-ins (someone who turned up without an RSVP, recorded by an organizer) and messages to a
 * chosen list: the forms, the server actions and the mutations share these.
 */

export const walkInFirstNameSchema = z
  .string({ error: "Enter their first name." })
  .overwrite(plainText)
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "Enter their first name.").max(40, "Keep the first name under 40 characters."));

export const walkInNameFormSchema = z.object({ firstName: walkInFirstNameSchema });

export const walkInMemberFormSchema = z.object({ userId: z.uuid({ error: "Choose a member from the search." }) });

/** Removing a walk-in recorded by mistake: a member's (`userId`) or a first name's (`walkInId`). */
export const removeWalkInFormSchema = z
  .object({
    userId: z.uuid({ error: "Choose a walk-in." }).optional(),
    walkInId: z.uuid({ error: "Choose a walk-in." }).optional(),
  })
  .refine((v) => Boolean(v.userId) !== Boolean(v.walkInId), { message: "Choose one walk-in to remove.", path: ["walkInId"] });

/** The organizer view's "Find a member" search (a GET form, so it works without JavaScript). */
export const walkInSearchSchema = z
  .string()
  .overwrite(plainText)
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(2).max(60));

/** Who an organizer's message about an activity goes to. */
export const activityAudiences = ["going", "maybe", "waitlist", "walk_ins", "group"] as const;
export type ActivityAudience = (typeof activityAudiences)[number];

export const audienceLabel: Record<ActivityAudience, string> = {
  going: "Everyone going",
  maybe: "Everyone trying to come (maybe)",
  waitlist: "Everyone on the waitlist",
  walk_ins: "Members who walked in",
  group: "Every member of the group",
};

const messageText = z
  .string({ error: "Write a message." })
  .overwrite(plainText)
  .trim()
  .min(1, "Write a message.")
  .max(2000, "Keep the message under 2000 characters.");

export const messageListFormSchema = z.object({
  audience: z.enum(activityAudiences, { error: "Choose who the message is for." }),
  message: messageText,
});

export const announcementFormSchema = z.object({ message: messageText });
