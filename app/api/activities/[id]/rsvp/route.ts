import { z } from "zod";
import { submitRsvp, withdrawRsvp } from "@/db/mutations/rsvps";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, readJson, tooMany } from "@/server/api/http";
import { memberLimitMessage } from "@/lib/rate-limits";
import { limitMember } from "@/db/mutations/rate-limits";
import { rsvpResponse } from "@/server/api/rsvp-json";
import { rsvpBodySchema } from "@/lib/validation/rsvp";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const NO_ACTIVITY = "There is no activity with that id.";
const SIGN_IN = "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.";

/** POST /api/activities/:id/rsvp {"status": "going" | "maybe" | "not_going", "goTogether"?, "offersToGreet"?} */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = rsvpBodySchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", SIGN_IN);
    if (!id.success) return apiError("not_found", NO_ACTIVITY);
    const limit = await limitMember("rsvpMember", caller.id);
    if (!limit.allowed) return tooMany(memberLimitMessage("rsvpMember", limit.retryAfterSeconds), limit.retryAfterSeconds);
    const result = await submitRsvp({ activityId: id.data, userId: caller.id, ...parsed.data });
    return rsvpResponse(id.data, result);
  });
}

/** DELETE /api/activities/:id/rsvp — withdraws the caller's RSVP; a freed place goes to the waitlist. */
export async function DELETE(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", SIGN_IN);
    if (!id.success) return apiError("not_found", NO_ACTIVITY);
    const limit = await limitMember("rsvpMember", caller.id);
    if (!limit.allowed) return tooMany(memberLimitMessage("rsvpMember", limit.retryAfterSeconds), limit.retryAfterSeconds);
    return rsvpResponse(id.data, await withdrawRsvp({ activityId: id.data, userId: caller.id }));
  });
}
