import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/** What a cover shows, in words, for people who cannot see it: required, one line. */
export const coverAltSchema = z
  .string({ error: () => say("validation.uploads.altRequired") })
  .overwrite((v) => plainText(v).replace(/\s+/g, " "))
  .trim()
  .min(3, words("validation.uploads.altRequired"))
  .max(200, words("validation.uploads.altLong"));
