import { NextResponse } from "next/server";
import { z } from "zod";
import { updateActivity } from "@/db/mutations/activities";
import { getActivityForViewer } from "@/db/queries/activities";
import { canSeeGroup } from "@/db/queries/memberships";
import { getActivityForEditing } from "@/db/queries/organizer";
import { activityDetailJsonSchema, activityDetailToJson } from "@/server/api/activity-json";
import { apiError, apiZodError } from "@/server/api/http";
import { actionResponse } from "@/server/api/organizing";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { activityVisibleTo, noSuchActivity } from "@/server/api/viewer";
import { listSlotsForViewer } from "@/db/queries/slots";
import { slotJsonSchema, slotToJson } from "@/server/api/slot-json";
import { activityInputSchema, activityToFormValues, editScopeSchema } from "@/lib/validation/activity";
import { say, words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/** GET /api/activities/:id — 404 for an unknown id and for one the caller may not see. */
export const GET = apiRoute({
  summary: "One activity",
  description: "With its Markdown description and its time slots (empty when it has none; each with the caller's own place). The online meeting link is there only for a caller going or organizing.",
  caller: "optional",
  params: activityParams,
  responses: { 200: z.object({ activity: activityDetailJsonSchema.extend({ slots: z.array(slotJsonSchema).describe("Its time slots, soonest first: take or leave one with /api/activities/{id}/slots/{slotId}.") }) }) },
  async handler({ caller, params }) {
    const found = await activityVisibleTo(params.id, caller?.id ?? null);
    if (!found.ok) return found.response;
    const slots = await listSlotsForViewer(params.id, caller?.id ?? null);
    return NextResponse.json({ activity: { ...activityDetailToJson(found.activity), slots: slots.map(slotToJson) } });
  },
});

const patchBodySchema = z
  .record(z.string(), z.unknown(), words("errors.routes.common.fieldsToChange"))
  .describe('The fields to change, named and checked as when creating one (POST /api/groups/{slug}/activities), and `scope`: "this" (default) or "following".');

/**
 * PATCH /api/activities/:id — change some fields (same names and rules as creating);
 * `scope: "following"` applies the change to this and every later occurrence of a series.
 */
export const PATCH = apiRoute({
  summary: "Change an activity",
  description: 'Organizers only. Send the fields that change; `"scope": "following"` changes this and every later occurrence of its series. How often it repeats cannot change.',
  caller: "member",
  params: activityParams,
  body: patchBodySchema,
  responses: { 200: z.object({ changed: z.int().describe("How many occurrences changed."), activity: activityDetailJsonSchema.nullable() }) },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const existing = await getActivityForEditing(params.id);
    if (!existing || !(await canSeeGroup(existing.groupId, caller.id))) return noSuchActivity();
    const { scope: rawScope, repeat, ...changes } = body;
    if (repeat !== undefined && repeat !== "none") {
      return apiError("invalid_body", say("errors.api.check", { names: "repeat" }), { repeat: say("errors.routes.activities.repeatFixed") });
    }
    const scope = editScopeSchema.safeParse(rawScope);
    if (!scope.success) return apiZodError("invalid_body", new z.ZodError(scope.error.issues.map((i) => ({ ...i, path: ["scope"] }))));
    const parsed = activityInputSchema.safeParse({ ...activityToFormValues(existing), ...changes, repeat: "none" });
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await updateActivity(caller, params.id, parsed.data, scope.data);
    if (!result.ok) return actionResponse(result, () => null);
    const activity = await getActivityForViewer(params.id, caller.id);
    return NextResponse.json({ changed: result.data.changed, activity: activity ? activityDetailToJson(activity) : null });
  },
});
