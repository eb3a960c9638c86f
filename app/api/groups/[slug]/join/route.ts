import { z } from "zod";
import { joinGroup } from "@/db/mutations/groups";
import { getGroupRow } from "@/db/queries/organizer";
import { actionResponse, noSuchGroup } from "@/server/api/organizing";
import { groupParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { joinGroupSchema } from "@/lib/validation/group";

export const dynamic = "force-dynamic";

/**
 * POST /api/groups/:slug/join — body { "acceptAgreements": true, "invite": "<code>" };
 * answers the membership status. A private group needs the code from its invite link;
 * without the right one the answer is the same 404 as for a slug that does not exist.
 */
export const POST = apiRoute({
  summary: "Join a group",
  description:
    'Accepting its agreements. `status` is "pending" for a group that approves new members. A private group needs the code from its invite link; without the right one the answer is the same 404 as for a slug that does not exist.',
  caller: "member",
  params: groupParams,
  body: joinGroupSchema,
  responses: { 200: z.object({ membership: z.object({ group: z.string(), status: z.enum(["active", "pending"]) }) }) },
  errors: [403, 404, 409],
  async handler({ caller, params, body }) {
    const group = await getGroupRow({ slug: params.slug });
    if (!group) return noSuchGroup();
    const result = await joinGroup(caller, group.id, body.acceptAgreements, body.invite);
    if (!result.ok && result.code === "not_found") return noSuchGroup();
    return actionResponse(result, (d) => ({ membership: { group: group.slug, status: d.status } }));
  },
});
