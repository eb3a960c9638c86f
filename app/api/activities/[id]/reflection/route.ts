import { z } from "zod";
import { saveReflection } from "@/db/mutations/reflections";
import { getReflectionOffer } from "@/db/queries/reflections";
import { apiError, apiZodError, readJson } from "@/server/api/http";
import { forCaller, privateJson } from "@/server/api/me";
import { reflectionInputSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const NOTHING = "Reflections are for activities you were marked as attending.";

/** GET /api/activities/:id/reflection — the caller's own reflection on it, if any. */
export async function GET(request: Request, { params }: Ctx) {
  return forCaller(request, async (caller) => {
    const id = z.uuid().safeParse((await params).id);
    const offer = id.success ? await getReflectionOffer(id.data, caller.id) : undefined;
    if (!offer) return apiError("not_found", NOTHING);
    return privateJson({ reflection: offer.mine, open: offer.open });
  });
}

/** POST /api/activities/:id/reflection {"feeling": "drained" | "ok" | "lifted", "note"?} — private to the caller. */
export async function POST(request: Request, { params }: Ctx) {
  return forCaller(request, async (caller) => {
    const id = z.uuid().safeParse((await params).id);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = reflectionInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    if (!id.success) return apiError("not_found", NOTHING);
    const result = await saveReflection({ userId: caller.id, activityId: id.data, ...parsed.data });
    if (!result.ok) return apiError(result.code, result.message);
    return privateJson({ reflection: result.reflection, milestonesReached: result.milestones });
  });
}
