import { z } from "zod";
import { acceptInviteLink } from "@/db/mutations/partners";
import { actionResponse } from "@/server/api/organizing";
import { apiRoute } from "@/server/api/route";
import { inviteCodeSchema } from "@/lib/validation/connection";
import { words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/** POST /api/me/partners/accept {"code": …} — accepts an invite link (the code after ?code=). */
export const POST = apiRoute({
  summary: "Accept a partner's invite link",
  description: "The code is the part of the invite link after `?code=`.",
  caller: "member",
  private: true,
  body: z.object({ code: inviteCodeSchema }, words("validation.rsvp.sendJsonObject")),
  responses: { 200: z.object({ partnership: z.object({ id: z.uuid(), status: z.literal("active"), partner: z.string().describe("The partner's name.") }) }) },
  errors: [404, 409],
  handler: async ({ caller, body }) =>
    actionResponse(await acceptInviteLink(caller.id, body.code), (d) => ({ partnership: { id: d.id, status: "active", partner: d.partnerName } })),
});
