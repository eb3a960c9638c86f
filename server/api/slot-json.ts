import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { SlotResult } from "@/db/mutations/slots";
import type { PageSlot } from "@/db/queries/slots";
import { slotResultMessage } from "@/lib/validation/slots";
import { instant } from "./activity-json";
import { apiError } from "./http";

export const slotJsonSchema = z.object({
  id: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  capacity: z.int().nullable().describe("Null for no limit."),
  goingCount: z.int(),
  waitlistLength: z.int(),
  spotsLeft: z.int().nullable().describe("Null when the slot has no limit; 0 when full or when people are waiting."),
  mine: z.enum(["going", "waitlisted"]).nullable().describe("The caller's own place in this slot (always null without a caller)."),
  position: z.int().optional().describe("The caller's place in the slot's line: 1 is next."),
});

/** A time slot as the API writes it. */
export function slotToJson(s: PageSlot): z.output<typeof slotJsonSchema> {
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    goingCount: s.goingCount,
    waitlistLength: s.waitlistCount,
    spotsLeft: s.capacity === null ? null : s.waitlistCount > 0 ? 0 : Math.max(0, s.capacity - s.goingCount),
    mine: s.mine,
    ...(s.position ? { position: s.position } : {}),
  };
}

export const slotAnswerJsonSchema = z.object({
  slot: z.object({
    id: z.uuid(),
    status: z.enum(["going", "waitlisted", "none"]).describe('"none" after leaving it.'),
    position: z.int().optional().describe("In the slot's line: 1 is next."),
    capacity: z.int().nullable(),
    goingCount: z.int(),
    waitlistLength: z.int(),
  }),
  going: z.boolean().describe("Whether the caller is now going to the activity (holds a place in at least one slot)."),
  changed: z.boolean().describe("False when nothing changed (the slot was already taken, or not held)."),
  message: z.string(),
});

/** The answer to taking or leaving a slot, or the error for why not. */
export function slotResponse(result: SlotResult, leaving: boolean): Response {
  if (!result.ok) {
    if (result.code === "not_found") return apiError("not_found", result.message);
    if (result.code === "forbidden") return apiError("forbidden", result.message);
    if (result.code === "try_again") return apiError("try_again", result.message, undefined, { "Retry-After": "1" });
    return apiError("closed", result.message);
  }
  return NextResponse.json<z.output<typeof slotAnswerJsonSchema>>({
    slot: {
      id: result.state.slotId,
      status: result.state.status,
      ...(result.state.position ? { position: result.state.position } : {}),
      capacity: result.slot.capacity,
      goingCount: result.slot.goingCount,
      waitlistLength: result.slot.waitlistCount,
    },
    going: result.activityGoing,
    changed: result.changed,
    message: slotResultMessage(result.state, result.changed, leaving, result.activityGoing),
  });
}
