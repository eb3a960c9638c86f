import { NextResponse } from "next/server";
import { z } from "zod";
import { getActivityForViewer } from "@/db/queries/activities";
import { activityDetailToJson } from "@/server/api/activity-json";
import { apiError, guarded } from "@/server/api/http";
import { activityVisibleToCaller } from "@/server/api/viewer";
import { updateActivity } from "@/db/mutations/activities";
import { canSeeGroup } from "@/db/queries/memberships";
import { getActivityForEditing } from "@/db/queries/organizer";
import { resolveApiCaller } from "@/server/api/auth";
import { readJson, apiZodError } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";
import { activityInputSchema, activityToFormValues, editScopeSchema } from "@/lib/validation/activity";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/activities/:id — 404 for an unknown id and for one the caller may not see. */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await activityVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    return NextResponse.json({ activity: activityDetailToJson(found.activity) });
  });
}

const patchBodySchema = z.record(z.string(), z.unknown(), { error: "The body must be a JSON object of the fields to change." });

/**
 * PATCH /api/activities/:id — change some fields (same names and rules as creating);
 * `scope: "following"` applies the change to this and every later occurrence of a series.
 */
export async function PATCH(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return apiError("not_found", "There is no activity with that id.");
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const existing = await getActivityForEditing(id.data);
    if (!existing || !(await canSeeGroup(existing.groupId, caller.id))) return apiError("not_found", "There is no activity with that id.");
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const fields = patchBodySchema.safeParse(body.value);
    if (!fields.success) return apiZodError("invalid_body", fields.error);
    const { scope: rawScope, repeat, ...changes } = fields.data;
    if (repeat !== undefined && repeat !== "none") {
      return apiError("invalid_body", "Please check repeat.", {
        repeat: "How often an activity repeats is set when it is created. To change it, cancel this and the following occurrences and start a new series.",
      });
    }
    const scope = editScopeSchema.safeParse(rawScope);
    if (!scope.success) return apiZodError("invalid_body", new z.ZodError(scope.error.issues.map((i) => ({ ...i, path: ["scope"] }))));
    const parsed = activityInputSchema.safeParse({ ...activityToFormValues(existing), ...changes, repeat: "none" });
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await updateActivity(caller, id.data, parsed.data, scope.data);
    if (!result.ok) return actionResponse(result, () => null);
    const activity = await getActivityForViewer(id.data, caller.id);
    return NextResponse.json({ changed: result.data.changed, activity: activity ? activityDetailToJson(activity) : null });
  });
}
