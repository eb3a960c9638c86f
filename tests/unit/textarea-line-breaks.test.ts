import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { profileSchema } from "@/lib/validation/account";
import { commentBodySchema } from "@/lib/validation/comment";
import { checkInInputSchema, reflectionInputSchema } from "@/lib/validation/connection";
import { groupInputSchema } from "@/lib/validation/group";
import { reportInputSchema } from "@/lib/validation/report";
import { messageListFormSchema } from "@/lib/validation/walk-ins";

/*
 * A textarea counts a line break as one character against its maxLength; the browser then
 * posts it as CR LF. The server keeps line breaks as "\n", so a note that fits the field is
 * never refused as too long, and nothing stores a stray "\r".
 */

/** Text that fills a limit exactly as a textarea counts it, with CR LF line breaks as posted. */
function postedAtTheLimit(max: number): { posted: string; kept: string } {
  const line = "a".repeat(49);
  const lines: string[] = [];
  let length = 0;
  while (length + line.length + 1 <= max) {
    lines.push(line);
    length += line.length + 1;
  }
  const kept = lines.join("\n") + "b".repeat(max - (length - 1));
  expect(kept.length).toBe(max);
  return { posted: kept.replace(/\n/g, "\r\n"), kept };
}

const fields: [string, number, (text: string) => z.ZodSafeParseResult<unknown>, (data: never) => string][] = [
  ["a report's note", 1000, (t) => reportInputSchema.safeParse({ targetType: "comment", targetId: "7b0c5a52-2a41-4a5e-9f67-0d6b0f5f7a10", reason: "spam", note: t }), (d: { note: string }) => d.note],
  ["a member's bio", 500, (t) => profileSchema.safeParse({ name: "Sam", bio: t, neighbourhood: "" }), (d: { bio: string }) => d.bio],
  ["a reflection's note", 1000, (t) => reflectionInputSchema.safeParse({ feeling: "ok", note: t }), (d: { note: string }) => d.note],
  ["a check-in's note", 1000, (t) => checkInInputSchema.safeParse({ note: t, mood: 3, energy: "low" }), (d: { note: string }) => d.note],
  ["a comment", 4000, (t) => commentBodySchema.safeParse(t), (d: string) => d],
  ["an organizer's message to a list", 2000, (t) => messageListFormSchema.safeParse({ audience: "going", message: t }), (d: { message: string }) => d.message],
  ["a group's agreements", 3000, (t) => groupInputSchema.safeParse({ name: "Walkers", about: "", agreements: t, visibility: "public", joinPolicy: "open", neighbourhood: "" }), (d: { agreements: string }) => d.agreements],
];

describe("a textarea filled to its limit with line breaks is accepted", () => {
  for (const [what, max, parse, pick] of fields) {
    it(`${what}: ${max} characters as the field counts them, posted with CR LF, is kept with "\\n"`, () => {
      const { posted, kept } = postedAtTheLimit(max);
      expect(posted.length).toBeGreaterThan(max);
      const result = parse(posted);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      expect(pick(result.data as never)).toBe(kept);
      // One character more is still refused.
      expect(parse(`${posted}c`).success).toBe(false);
    });
  }
});
