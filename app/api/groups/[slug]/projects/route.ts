import { z } from "zod";
import { createProject } from "@/db/mutations/projects";
import { actionResponse, groupVisibleToCaller, noSuchGroup } from "@/server/api/organizing";
import { groupParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { projectInputSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

/** POST /api/groups/:slug/projects — organizers of the group start a project (same fields as the form). */
export const POST = apiRoute({
  summary: "Start a project",
  description: "Organizers of the group; the same fields as the form.",
  caller: "member",
  params: groupParams,
  body: projectInputSchema,
  responses: { 201: z.object({ project: z.object({ id: z.uuid(), url: z.string() }) }) },
  errors: [404, 409],
  async handler({ caller, params, body }) {
    const visible = await groupVisibleToCaller(params.slug, caller.id);
    if (!visible.ok) return visible.response;
    const result = await createProject(caller, visible.group.id, body);
    if (!result.ok && result.code === "not_found") return noSuchGroup();
    return actionResponse(result, (d) => ({ project: { id: d.id, url: `/projects/${d.id}` } }), 201);
  },
});
