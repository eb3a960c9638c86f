import { z } from "zod";
import { plainText } from "./text";

/** A question to a group's organizers, or a reply in its thread: 1 to 2,000 characters once trimmed. */
export const questionBodySchema = z
  .string({ error: "Write your question first." })
  .overwrite(plainText)
  .trim()
  .min(1, "Write your question first.")
  .max(2_000, "Keep a message under 2,000 characters.");

export const questionInputSchema = z.object({ body: questionBodySchema });

/** Gentle examples shown to a first-timer beside the form. */
export const QUESTION_EXAMPLES = ["Is it OK if I come on my own?", "Is there step-free access?", "What should I bring?"] as const;
