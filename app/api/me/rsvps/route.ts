import { NextResponse } from "next/server";
import { z } from "zod";
import { listMyRsvps } from "@/db/queries/rsvps";
import { instant } from "@/server/api/activity-json";
import { apiRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

/** GET /api/me/rsvps[?past=true] — the caller's RSVPs, upcoming ones unless past=true. */
export const GET = apiRoute({
  summary: "My RSVPs",
  description: "To activities that haven't ended, or all of them with `past=true`.",
  caller: "member",
  query: z.object({ past: z.enum(["true", "false"], { error: 'past must be "true" or "false".' }).optional() }),
  responses: {
    200: z.object({
      rsvps: z.array(
        z.object({
          activity: z.object({ id: z.uuid(), title: z.string(), startsAt: instant, endsAt: instant, timezone: z.string(), status: z.enum(["scheduled", "cancelled"]) }),
          rsvp: z.object({ status: z.enum(["going", "waitlisted", "maybe", "not_going"]), position: z.int().optional() }),
          goTogether: z.boolean(),
          offersToGreet: z.boolean(),
        }),
      ),
    }),
  },
  async handler({ caller, query }) {
    const items = await listMyRsvps(caller.id, { includePast: query.past === "true" });
    return NextResponse.json({
      rsvps: items.map((r) => ({
        activity: { id: r.activityId, title: r.title, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), timezone: r.timezone, status: r.activityStatus },
        rsvp: r.position ? { status: r.status, position: r.position } : { status: r.status },
        goTogether: r.goTogether,
        offersToGreet: r.offersToGreet,
      })),
    });
  },
});
