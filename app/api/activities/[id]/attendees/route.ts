import { NextResponse } from "next/server";
import { z } from "zod";
import { listGuestRoster } from "@/db/queries/guest-rsvps";
import { getActivityAccess, listRoster } from "@/db/queries/rsvps";
import { instant } from "@/server/api/activity-json";
import { apiError } from "@/server/api/http";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const attendee = z.object({
  name: z.string().describe("A member's name, or a guest's first name."),
  guest: z.boolean().describe("True for someone who RSVPed without an account, by first name and email."),
  userId: z.uuid().optional().describe("Members only."),
  status: z.enum(["going", "waitlisted", "maybe", "not_going"]),
  position: z.int().optional().describe("Place on the waitlist (members and guests wait in one line)."),
  confirmed: z.boolean().describe("A guest's place is only held until they confirm it from the emailed link; members are always confirmed."),
  respondedAt: instant,
});

/** GET /api/activities/:id/attendees — everyone who answered, for the group's organizers only. */
export const GET = apiRoute({
  summary: "Who's coming (organizers)",
  description: "Every RSVP of the activity, members and guests (marked `guest: true`), for organizers of its group. Guests' emails are not included (they are in the attendee CSV).",
  caller: "member",
  params: activityParams,
  responses: { 200: z.object({ attendees: z.array(attendee) }) },
  errors: [403, 404],
  async handler({ caller, params }) {
    const access = await getActivityAccess(params.id, caller.id);
    if (!access) return apiError("not_found", say("errors.api.noActivity"));
    if (!access.isOrganizer) return apiError("forbidden", say("errors.routes.activities.organizersSeeComing"));
    const [members, guests] = await Promise.all([listRoster(params.id), listGuestRoster(params.id)]);
    return NextResponse.json({
      attendees: [
        ...members.map((m) => ({ name: m.name, guest: false, userId: m.userId, status: m.status, ...(m.position ? { position: m.position } : {}), confirmed: true, respondedAt: m.respondedAt.toISOString() })),
        ...guests.map((g) => ({ name: g.firstName, guest: true, status: g.status, ...(g.position ? { position: g.position } : {}), confirmed: g.confirmed, respondedAt: g.respondedAt.toISOString() })),
      ],
    });
  },
});
