import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { RsvpResult } from "@/db/mutations/rsvps";
import { apiError } from "@/server/api/http";
import { rsvpStateMessage } from "@/lib/validation/rsvp";

export const rsvpAnswerJsonSchema = z.object({
  rsvp: z.object({
    status: z.enum(["going", "waitlisted", "maybe", "not_going"]),
    position: z.int().optional().describe("On the waitlist: 1 is next in line."),
  }),
  activity: z.object({ id: z.uuid(), capacity: z.int().nullable(), goingCount: z.int(), spotsLeft: z.int().nullable(), waitlistLength: z.int() }),
  changed: z.boolean().describe("False when the same answer was already recorded."),
  message: z.string(),
});

/**
 * The answer to every RSVP call: the member's resulting state, the activity's numbers
 * after the change, whether anything changed, and a sentence to show a person.
 */
export function rsvpResponse(activityId: string, result: RsvpResult): Response {
  if (!result.ok) {
    if (result.code === "not_found") return apiError("not_found", result.message);
    if (result.code === "forbidden") return apiError("forbidden", result.message);
    if (result.code === "try_again") return apiError("try_again", result.message, undefined, { "Retry-After": "1" });
    return apiError("closed", result.message);
  }
  const { capacity, goingCount, waitlistCount } = result.activity;
  return NextResponse.json<z.output<typeof rsvpAnswerJsonSchema>>({
    rsvp: result.state.position ? { status: result.state.status, position: result.state.position } : { status: result.state.status },
    activity: {
      id: activityId,
      capacity,
      goingCount,
      spotsLeft: capacity === null ? null : Math.max(0, capacity - goingCount),
      waitlistLength: waitlistCount,
    },
    changed: result.changed,
    message: rsvpStateMessage(result.state, result.changed),
  });
}
