import { z } from "zod";
import { changePartnership, changeRhythm } from "@/db/mutations/partners";
import { apiError, apiZodError, readJson } from "@/server/api/http";
import { forCaller } from "@/server/api/me";
import { actionResponse } from "@/server/api/organizing";
import { partnerChangeSchema, rhythmInputSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * PATCH /api/me/partners/:id — {"action": "accept" | "decline" | "pause" | "resume" | "end"}
 * or {"rhythm": "daily_message" | "weekly_meeting", "weeklyDay": 1-7}. Only the pair may.
 */
export async function PATCH(request: Request, { params }: Ctx) {
  return forCaller(request, async (caller) => {
    const id = z.uuid().safeParse((await params).id);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const value = body.value as Record<string, unknown> | null;
    if (value && typeof value === "object" && "rhythm" in value) {
      const parsed = rhythmInputSchema.safeParse(value);
      if (!parsed.success) return apiZodError("invalid_body", parsed.error);
      if (!id.success) return apiError("not_found", "We couldn't find that partnership.");
      return actionResponse(await changeRhythm(caller.id, id.data, parsed.data.rhythm, parsed.data.weeklyDay), (d) => ({ partnership: { id: id.data, ...d } }));
    }
    const parsed = partnerChangeSchema.safeParse(value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    if (!id.success) return apiError("not_found", "We couldn't find that partnership.");
    return actionResponse(await changePartnership(caller.id, id.data, parsed.data.action), (d) => ({ partnership: { id: id.data, status: d.status } }));
  });
}
