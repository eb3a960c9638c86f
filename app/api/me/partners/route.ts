import { NextResponse } from "next/server";
import { z } from "zod";
import { createInviteLink, invitePerson } from "@/db/mutations/partners";
import { listPartnerships } from "@/db/queries/partners";
import { instant } from "@/server/api/activity-json";
import { actionResponse } from "@/server/api/organizing";
import { apiRoute } from "@/server/api/route";
import { siteOrigin } from "@/server/request-origin";
import { partnerInviteSchema, rhythmSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

/** GET /api/me/partners — the caller's check-in partnerships and invites. */
export const GET = apiRoute({
  summary: "My check-in partnerships",
  description: "Partnerships and open invites, with whether a check-in is due.",
  caller: "member",
  private: true,
  responses: {
    200: z.object({
      partnerships: z.array(
        z.object({
          id: z.uuid(),
          status: z.enum(["invited", "active", "paused", "ended", "declined"]),
          partner: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("Null for an invite link nobody has opened yet."),
          invitedByMe: z.boolean(),
          rhythm: rhythmSchema,
          weeklyDay: z.int(),
          timezone: z.string(),
          checkInDue: z.boolean(),
          lastCheckInAt: instant.nullable(),
        }),
      ),
    }),
  },
  async handler({ caller }) {
    const items = await listPartnerships(caller.id);
    return NextResponse.json({
      partnerships: items
        .filter((p) => p.status !== "ended" || p.acceptedAt)
        .map((p) => ({
          id: p.id,
          status: p.status,
          partner: p.partner,
          invitedByMe: p.iInvited,
          rhythm: p.rhythm,
          weeklyDay: p.weeklyDay,
          timezone: p.timezone,
          checkInDue: p.due,
          lastCheckInAt: p.lastCheckInAt?.toISOString() ?? null,
        })),
    });
  },
});

/**
 * POST /api/me/partners — invite someone met at a shared activity ({"userId": …}), or make
 * an invite link (no userId); "rhythm" and "weeklyDay" are optional.
 */
export const POST = apiRoute({
  summary: "Invite a check-in partner",
  description: "Someone met at a shared activity (`userId`; 404 for anyone else), or, without a userId, an invite link to share.",
  caller: "member",
  private: true,
  body: partnerInviteSchema,
  responses: {
    201: z.union([
      z.object({ partnership: z.object({ id: z.uuid(), status: z.literal("invited") }) }),
      z.object({ partnership: z.object({ id: z.uuid(), status: z.literal("invited") }), inviteUrl: z.string(), code: z.string() }),
    ]),
  },
  errors: [404, 409],
  async handler({ request, caller, body }) {
    const { userId, rhythm, weeklyDay } = body;
    if (userId) return actionResponse(await invitePerson(caller.id, userId, rhythm, weeklyDay), (d) => ({ partnership: { id: d.id, status: "invited" } }), 201);
    const link = await createInviteLink(caller.id, rhythm, weeklyDay);
    return NextResponse.json({ partnership: { id: link.id, status: "invited" }, inviteUrl: `${siteOrigin(request.headers)}/me/partners/join?code=${link.code}`, code: link.code }, { status: 201 });
  },
});
