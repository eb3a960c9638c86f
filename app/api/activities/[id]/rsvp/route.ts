import { submitRsvp, withdrawRsvp } from "@/db/mutations/rsvps";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { rsvpAnswerJsonSchema, rsvpResponse } from "@/server/api/rsvp-json";
import { rsvpBodySchema } from "@/lib/validation/rsvp";

export const dynamic = "force-dynamic";

/** POST /api/activities/:id/rsvp {"status": "going" | "maybe" | "not_going", "goTogether"?, "offersToGreet"?} */
export const POST = apiRoute({
  summary: "RSVP to an activity",
  description: "A full activity puts the caller on its waitlist. Sending the same answer twice changes nothing (`changed: false`).",
  caller: "member",
  params: activityParams,
  body: rsvpBodySchema,
  limit: "rsvpMember",
  responses: { 200: rsvpAnswerJsonSchema },
  errors: [403, 404, 409],
  handler: async ({ caller, params, body }) => rsvpResponse(params.id, await submitRsvp({ activityId: params.id, userId: caller.id, ...body })),
});

/** DELETE /api/activities/:id/rsvp — withdraws the caller's RSVP; a freed place goes to the waitlist. */
export const DELETE = apiRoute({
  summary: "Withdraw an RSVP",
  description: "A place this frees goes at once to the first person on the waitlist.",
  caller: "member",
  params: activityParams,
  limit: "rsvpMember",
  responses: { 200: rsvpAnswerJsonSchema },
  errors: [403, 404, 409],
  handler: async ({ caller, params }) => rsvpResponse(params.id, await withdrawRsvp({ activityId: params.id, userId: caller.id })),
});
