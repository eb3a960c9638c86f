import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/** A comment's words: Markdown, 1 to 4,000 characters once trimmed. */
export const commentBodySchema = z
  .string({ error: () => say("validation.comment.required") })
  .overwrite(plainText)
  .trim()
  .min(1, words("validation.comment.required"))
  .max(4_000, words("validation.comment.long"));

export const commentBodyJsonSchema = z.object({ body: commentBodySchema });
