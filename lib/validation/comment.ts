import { z } from "zod";
import { plainText } from "./text";

/** A comment's words: Markdown, 1 to 4,000 characters once trimmed. */
export const commentBodySchema = z
  .string({ error: "Write something to post." })
  .overwrite(plainText)
  .trim()
  .min(1, "Write something to post.")
  .max(4_000, "Keep a comment under 4,000 characters.");

export const commentBodyJsonSchema = z.object({ body: commentBodySchema });
