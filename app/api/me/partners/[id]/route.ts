import { z } from "zod";
import { changePartnership, changeRhythm } from "@/db/mutations/partners";
import { oneOf } from "@/server/api/body";
import { actionResponse } from "@/server/api/organizing";
import { partnershipParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { partnerChangeSchema, rhythmInputSchema, rhythmSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

const bodySchema = oneOf([partnerChangeSchema, rhythmInputSchema], (value) => (value !== null && typeof value === "object" && "rhythm" in value ? rhythmInputSchema : partnerChangeSchema));

/**
 * PATCH /api/me/partners/:id — {"action": "accept" | "decline" | "pause" | "resume" | "end"}
 * or {"rhythm": "daily_message" | "weekly_meeting", "weeklyDay": 1-7}. Only the pair may.
 */
export const PATCH = apiRoute({
  summary: "Answer or change a partnership",
  description: "Accept, decline, pause, resume or end it (either side, at once, no reason asked), or agree a new rhythm. Only the pair may.",
  caller: "member",
  private: true,
  params: partnershipParams,
  body: bodySchema,
  responses: {
    200: z.object({
      partnership: z.union([
        z.object({ id: z.uuid(), status: z.string() }),
        z.object({ id: z.uuid(), rhythm: rhythmSchema, weeklyDay: z.int() }),
      ]),
    }),
  },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    if ("rhythm" in body) return actionResponse(await changeRhythm(caller.id, params.id, body.rhythm, body.weeklyDay), (d) => ({ partnership: { id: params.id, ...d } }));
    return actionResponse(await changePartnership(caller.id, params.id, body.action), (d) => ({ partnership: { id: params.id, status: d.status } }));
  },
});
