import { createInviteLink, invitePerson } from "@/db/mutations/partners";
import { listPartnerships } from "@/db/queries/partners";
import { apiZodError, readJson } from "@/server/api/http";
import { forCaller, privateJson } from "@/server/api/me";
import { actionResponse } from "@/server/api/organizing";
import { siteOrigin } from "@/server/request-origin";
import { partnerInviteSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

/** GET /api/me/partners — the caller's check-in partnerships and invites. */
export async function GET(request: Request) {
  return forCaller(request, async (caller) => {
    const items = await listPartnerships(caller.id);
    return privateJson({
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
  });
}

/**
 * POST /api/me/partners — invite someone met at a shared activity ({"userId": …}), or make
 * an invite link (no userId); "rhythm" and "weeklyDay" are optional.
 */
export async function POST(request: Request) {
  return forCaller(request, async (caller) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = partnerInviteSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const { userId, rhythm, weeklyDay } = parsed.data;
    if (userId) return actionResponse(await invitePerson(caller.id, userId, rhythm, weeklyDay), (d) => ({ partnership: { id: d.id, status: "invited" } }), 201);
    const link = await createInviteLink(caller.id, rhythm, weeklyDay);
    return privateJson({ partnership: { id: link.id, status: "invited" }, inviteUrl: `${siteOrigin(request.headers)}/me/partners/join?code=${link.code}`, code: link.code }, 201);
  });
}
