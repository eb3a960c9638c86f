import { z } from "zod";
import { addCheckIn } from "@/db/mutations/partners";
import { getPartnershipOfMember, listCheckIns } from "@/db/queries/partners";
import { apiError, apiZodError, readJson } from "@/server/api/http";
import { forCaller, privateJson } from "@/server/api/me";
import { actionResponse } from "@/server/api/organizing";
import { checkInInputSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const NONE = "We couldn't find that partnership.";

/** GET /api/me/partners/:id/check-ins — the pair's check-ins, newest first (the pair only). */
export async function GET(request: Request, { params }: Ctx) {
  return forCaller(request, async (caller) => {
    const id = z.uuid().safeParse((await params).id);
    const p = id.success ? await getPartnershipOfMember(id.data, caller.id) : undefined;
    if (!p || !p.inviteeId) return apiError("not_found", NONE);
    const items = await listCheckIns(p.id, caller.id);
    return privateJson({
      checkIns: items.map((c) => ({ id: c.id, author: { id: c.authorId, name: c.authorName }, note: c.note, mood: c.mood, energy: c.energy, createdAt: c.createdAt.toISOString() })),
    });
  });
}

/** POST /api/me/partners/:id/check-ins {"note", "mood": 1-5, "energy": "low" | "medium" | "high"} */
export async function POST(request: Request, { params }: Ctx) {
  return forCaller(request, async (caller) => {
    const id = z.uuid().safeParse((await params).id);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = checkInInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    if (!id.success) return apiError("not_found", NONE);
    return actionResponse(await addCheckIn(caller.id, id.data, parsed.data), (d) => ({ checkIn: { id: d.id } }), 201);
  });
}
