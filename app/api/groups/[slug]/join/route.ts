import { joinGroup } from "@/db/mutations/groups";
import { getGroupRow } from "@/db/queries/organizer";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, noSuchGroup, unauthenticated } from "@/server/api/organizing";
import { joinGroupSchema } from "@/lib/validation/group";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * POST /api/groups/:slug/join — body { "acceptAgreements": true, "invite": "<code>" };
 * answers the membership status. A private group needs the code from its invite link;
 * without the right one the answer is the same 404 as for a slug that does not exist.
 */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = joinGroupSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const group = await getGroupRow({ slug: (await params).slug });
    if (!group) return noSuchGroup();
    const result = await joinGroup(caller, group.id, parsed.data.acceptAgreements, parsed.data.invite);
    if (!result.ok && result.code === "not_found") return noSuchGroup();
    return actionResponse(result, (d) => ({ membership: { group: group.slug, status: d.status } }));
  });
}
