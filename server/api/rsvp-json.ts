import "server-only";
import { NextResponse } from "next/server";
import type { RsvpResult } from "@/db/mutations/rsvps";
import { apiError } from "@/server/api/http";
import { rsvpStateMessage } from "@/lib/validation/rsvp";

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
  return NextResponse.json({
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
