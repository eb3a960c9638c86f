import { NextResponse } from "next/server";
import { z } from "zod";
import { addCheckIn } from "@/db/mutations/partners";
import { getPartnershipOfMember, listCheckIns } from "@/db/queries/partners";
import { instant } from "@/server/api/activity-json";
import { apiError } from "@/server/api/http";
import { actionResponse } from "@/server/api/organizing";
import { partnershipParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { energyLevels } from "@/lib/labels";
import { checkInInputSchema } from "@/lib/validation/connection";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/** GET /api/me/partners/:id/check-ins — the pair's check-ins, newest first (the pair only). */
export const GET = apiRoute({
  summary: "A partnership's check-ins",
  description: "Newest first; the pair only.",
  caller: "member",
  private: true,
  params: partnershipParams,
  responses: {
    200: z.object({
      checkIns: z.array(
        z.object({ id: z.uuid(), author: z.object({ id: z.uuid(), name: z.string() }), note: z.string(), mood: z.int().min(1).max(5), energy: z.enum(energyLevels), createdAt: instant }),
      ),
    }),
  },
  errors: [404],
  async handler({ caller, params }) {
    const p = await getPartnershipOfMember(params.id, caller.id);
    if (!p || !p.inviteeId) return apiError("not_found", say("errors.action.partnershipMissing"));
    const items = await listCheckIns(p.id, caller.id);
    return NextResponse.json({
      checkIns: items.map((c) => ({ id: c.id, author: { id: c.authorId, name: c.authorName }, note: c.note, mood: c.mood, energy: c.energy, createdAt: c.createdAt.toISOString() })),
    });
  },
});

/** POST /api/me/partners/:id/check-ins {"note", "mood": 1-5, "energy": "low" | "medium" | "high"} */
export const POST = apiRoute({
  summary: "Check in with a partner",
  description: "A short note with mood (1–5) and energy. Closed (409) while the partnership is paused.",
  caller: "member",
  private: true,
  params: partnershipParams,
  body: checkInInputSchema,
  responses: { 201: z.object({ checkIn: z.object({ id: z.uuid() }) }) },
  errors: [404, 409],
  handler: async ({ caller, params, body }) => actionResponse(await addCheckIn(caller.id, params.id, body), (d) => ({ checkIn: { id: d.id } }), 201),
});
