import { z } from "zod";
import { updateGroup } from "@/db/mutations/groups";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, groupVisibleToCaller, unauthenticated } from "@/server/api/organizing";
import { groupInputSchema, groupToFormValues } from "@/lib/validation/group";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

const patchBodySchema = z.record(z.string(), z.unknown(), { error: "The body must be a JSON object of the fields to change." });

/**
 * PATCH /api/groups/:slug — change some of a group's settings (same names and rules as the
 * form): name, about, agreements, neighbourhood, joinPolicy, and visibility (public to
 * private, by the owner only). Organizers of the group only; the slug never changes.
 * A private group is 404 to anyone outside it.
 */
export async function PATCH(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const found = await groupVisibleToCaller((await params).slug, caller.id);
    if (!found.ok) return found.response;
    const { group } = found;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const fields = patchBodySchema.safeParse(body.value);
    if (!fields.success) return apiZodError("invalid_body", fields.error);
    const parsed = groupInputSchema.safeParse({ ...groupToFormValues(group), ...fields.data });
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await updateGroup(caller, group.id, parsed.data);
    return actionResponse(result, (settings) => ({ group: settings }));
  });
}
