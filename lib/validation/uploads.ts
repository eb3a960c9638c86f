import { z } from "zod";
import { plainText } from "./text";

/** What a cover shows, in words, for people who cannot see it: required, one line. */
export const coverAltSchema = z
  .string({ error: "Describe the picture in a few words, for people who cannot see it." })
  .overwrite((v) => plainText(v).replace(/\s+/g, " "))
  .trim()
  .min(3, "Describe the picture in a few words, for people who cannot see it.")
  .max(200, "Keep the description under 200 characters.");
