import { z } from "zod";
import { acceptInviteLink } from "@/db/mutations/partners";
import { apiZodError, readJson } from "@/server/api/http";
import { forCaller } from "@/server/api/me";
import { actionResponse } from "@/server/api/organizing";
import { inviteCodeSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ code: inviteCodeSchema }, { error: "Send a JSON object." });

/** POST /api/me/partners/accept {"code": …} — accepts an invite link (the code after ?code=). */
export async function POST(request: Request) {
  return forCaller(request, async (caller) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = bodySchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    return actionResponse(await acceptInviteLink(caller.id, parsed.data.code), (d) => ({ partnership: { id: d.id, status: "active", partner: d.partnerName } }));
  });
}
