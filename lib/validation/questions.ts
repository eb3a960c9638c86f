import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/** A question to a group's organizers, or a reply in its thread: 1 to 2,000 characters once trimmed. */
export const questionBodySchema = z
  .string({ error: () => say("validation.questions.required") })
  .overwrite(plainText)
  .trim()
  .min(1, words("validation.questions.required"))
  .max(2_000, words("validation.questions.long"));

export const questionInputSchema = z.object({ body: questionBodySchema });
