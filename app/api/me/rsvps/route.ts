import { NextResponse } from "next/server";
import { z } from "zod";
import { listMyRsvps } from "@/db/queries/rsvps";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, searchParamsToObject } from "@/server/api/http";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  past: z.enum(["true", "false"], { error: 'past must be "true" or "false".' }).optional(),
});

/** GET /api/me/rsvps[?past=true] — the caller's RSVPs, upcoming ones unless past=true. */
export async function GET(request: Request) {
  return guarded(async () => {
    const query = querySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
    if (!query.success) return apiZodError("invalid_query", query.error);
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.");
    const items = await listMyRsvps(caller.id, { includePast: query.data.past === "true" });
    return NextResponse.json({
      rsvps: items.map((r) => ({
        activity: { id: r.activityId, title: r.title, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), timezone: r.timezone, status: r.activityStatus },
        rsvp: r.position ? { status: r.status, position: r.position } : { status: r.status },
        goTogether: r.goTogether,
        offersToGreet: r.offersToGreet,
      })),
    });
  });
}
