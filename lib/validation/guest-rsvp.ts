import { z } from "zod";
import { emailSchema } from "./auth";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/*
 * A visitor's RSVP without an account: a first name and an email, plus the two things that turn
 * away simple bots (a field people never see, left empty, and the moment the form was shown).
 */

export const guestFirstNameSchema = z
  .string({ error: () => say("validation.guest.firstNameRequired") })
  .overwrite(plainText)
  .transform((v) => v.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, words("validation.guest.firstNameRequired")).max(40, words("validation.guest.firstNameLong")));

export const guestRsvpFormSchema = z.object({
  firstName: guestFirstNameSchema,
  email: emailSchema,
  /** The hidden field: people leave it empty. */
  website: z.string().max(500).optional().default(""),
  /** The signed moment the form was shown (lib/guest-links.ts). */
  shownAt: z.string().max(200).optional().default(""),
});

export const guestRenameSchema = z.object({ firstName: guestFirstNameSchema });

/** A link's token as it comes from the URL or a form (its signature is checked later). */
export const guestTokenSchema = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
