import { z } from "zod";
import { signUpSchema } from "./auth";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/* Schemas of the account page: the profile, and deleting the account. Shared by forms, actions and tests. */

export const profileSchema = z.object({
  name: signUpSchema.shape.name,
  bio: z
    .string({ error: () => say("validation.account.bioType") })
    .overwrite(plainText).trim()
    .max(500, words("validation.account.bioLong"))
    .default(""),
  neighbourhood: z
    .string({ error: () => say("validation.account.neighbourhoodType") })
    .overwrite(plainText).trim()
    .max(80, words("validation.common.neighbourhoodLong"))
    .default(""),
});

export type ProfileInput = z.output<typeof profileSchema>;

export const deleteAccountSchema = z.object({
  password: z.string({ error: () => say("errors.action.enterPasswordToConfirm") }).min(1, words("errors.action.enterPasswordToConfirm")).max(200, words("validation.auth.passwordTooLong")),
});
