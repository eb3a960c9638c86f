import { leaveActivitySlot, takeActivitySlot } from "@/db/mutations/slots";
import { slotParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { slotAnswerJsonSchema, slotResponse } from "@/server/api/slot-json";

export const dynamic = "force-dynamic";

/** POST /api/activities/:id/slots/:slotId — takes a place in a time slot (or its waitlist when full). */
export const POST = apiRoute({
  summary: "Take a time slot",
  description: "A full slot puts the caller on that slot's own waitlist. Holding any slot makes the caller going to the activity. Taking a slot already held changes nothing (`changed: false`).",
  caller: "member",
  params: slotParams,
  limit: "rsvpMember",
  responses: { 200: slotAnswerJsonSchema },
  errors: [403, 404, 409],
  handler: async ({ caller, params }) => slotResponse(await takeActivitySlot({ activityId: params.id, slotId: params.slotId, userId: caller.id }), false),
});

/** DELETE /api/activities/:id/slots/:slotId — leaves a time slot; a freed place goes to the first waiting for it. */
export const DELETE = apiRoute({
  summary: "Leave a time slot",
  description: "A place this frees goes at once to the first person waiting for that slot. Leaving the last slot the caller holds withdraws them from the activity.",
  caller: "member",
  params: slotParams,
  limit: "rsvpMember",
  responses: { 200: slotAnswerJsonSchema },
  errors: [403, 404, 409],
  handler: async ({ caller, params }) => slotResponse(await leaveActivitySlot({ activityId: params.id, slotId: params.slotId, userId: caller.id }), true),
});
