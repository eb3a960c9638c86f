import { z } from "zod";
import { signUpSchema } from "./auth";
import { plainText } from "./text";

/* Schemas of the account page: the profile, and deleting the account. Shared by forms, actions and tests. */

export const profileSchema = z.object({
  name: signUpSchema.shape.name,
  bio: z
    .string({ error: "Write a few words about yourself, or leave it empty." })
    .overwrite(plainText).trim()
    .max(500, "Keep what you write about yourself under 500 characters.")
    .default(""),
  neighbourhood: z
    .string({ error: "Name your neighbourhood, or leave it empty." })
    .overwrite(plainText).trim()
    .max(80, "Keep the neighbourhood under 80 characters.")
    .default(""),
});

export type ProfileInput = z.output<typeof profileSchema>;

export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password to confirm." }).min(1, "Enter your password to confirm.").max(200, "That password is too long."),
});
