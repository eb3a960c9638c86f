import { z } from "zod";
import { updateGroup } from "@/db/mutations/groups";
import { apiZodError } from "@/server/api/http";
import { actionResponse, groupVisibleToCaller } from "@/server/api/organizing";
import { groupParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { groupInputSchema, groupToFormValues } from "@/lib/validation/group";
import { words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const patchBodySchema = z
  .record(z.string(), z.unknown(), words("errors.routes.common.fieldsToChange"))
  .describe("Any of name, about, agreements, neighbourhood, joinPolicy, visibility and guestRsvps (\"on\" or \"off\"), with the form's rules.");

/**
 * PATCH /api/groups/:slug — change some of a group's settings (same names and rules as the
 * form): name, about, agreements, neighbourhood, joinPolicy, and visibility (public to
 * private, by the owner only). Organizers of the group only; the slug never changes.
 * A private group is 404 to anyone outside it.
 */
export const PATCH = apiRoute({
  summary: "Change a group's settings",
  description:
    'Organizers of the group; send only what changes. The slug stays. `"visibility": "private"` is the owner\'s (403 for organizers) and gives the group an invite code; a private group is never made public (409).',
  caller: "member",
  params: groupParams,
  body: patchBodySchema,
  responses: {
    200: z.object({
      group: z.object({
        slug: z.string(),
        name: z.string(),
        about: z.string(),
        agreements: z.string(),
        visibility: z.enum(["public", "private"]),
        joinPolicy: z.enum(["open", "approval"]),
        neighbourhood: z.string().nullable(),
        guestRsvps: z.boolean().describe("Whether visitors may RSVP to its activities as guests (first name and email); send \"on\" or \"off\" to change it. Private groups never take guests."),
      }),
    }),
  },
  errors: [403, 404, 409],
  async handler({ caller, params, body }) {
    const found = await groupVisibleToCaller(params.slug, caller.id);
    if (!found.ok) return found.response;
    const { group } = found;
    const parsed = groupInputSchema.safeParse({ ...groupToFormValues(group), ...body });
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const result = await updateGroup(caller, group.id, parsed.data);
    return actionResponse(result, (settings) => ({ group: settings }));
  },
});
