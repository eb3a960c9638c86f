import { NextResponse } from "next/server";
import { z } from "zod";
import { saveReflection } from "@/db/mutations/reflections";
import { getReflectionOffer } from "@/db/queries/reflections";
import { apiError } from "@/server/api/http";
import { reflectionParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { feelingSchema, reflectionInputSchema } from "@/lib/validation/connection";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const reflection = z.object({ feeling: feelingSchema, note: z.string() });

/** GET /api/activities/:id/reflection — the caller's own reflection on it, if any. */
export const GET = apiRoute({
  summary: "My reflection on an activity",
  caller: "member",
  private: true,
  params: reflectionParams,
  responses: { 200: z.object({ reflection: reflection.nullable(), open: z.boolean().describe("Whether it can still be given or changed (a week after the activity ends).") }) },
  errors: [404],
  async handler({ caller, params }) {
    const offer = await getReflectionOffer(params.id, caller.id);
    if (!offer) return apiError("not_found", say("errors.api.reflectionsAttended"));
    return NextResponse.json({ reflection: offer.mine, open: offer.open });
  },
});

/** POST /api/activities/:id/reflection {"feeling": "drained" | "ok" | "lifted", "note"?} — private to the caller. */
export const POST = apiRoute({
  summary: "Reflect on an activity",
  description: "How it left the caller, for an activity they were marked as attending, up to a week after it ended. Nobody else sees it.",
  caller: "member",
  private: true,
  params: reflectionParams,
  body: reflectionInputSchema,
  responses: { 200: z.object({ reflection: reflection.extend({ activityId: z.uuid() }), milestonesReached: z.array(z.string()) }) },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const result = await saveReflection({ userId: caller.id, activityId: params.id, ...body });
    if (!result.ok) return apiError(result.code, result.message);
    return NextResponse.json({ reflection: result.reflection, milestonesReached: result.milestones });
  },
});
