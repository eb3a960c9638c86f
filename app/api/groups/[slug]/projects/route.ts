import { createProject } from "@/db/mutations/projects";
import { resolveApiCaller } from "@/server/api/auth";
import { apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, groupVisibleToCaller, noSuchGroup, unauthenticated } from "@/server/api/organizing";
import { projectInputSchema } from "@/lib/validation/project";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/** POST /api/groups/:slug/projects — organizers of the group start a project (same fields as the form). */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = projectInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const visible = await groupVisibleToCaller((await params).slug, caller.id);
    if (!visible.ok) return visible.response;
    const result = await createProject(caller, visible.group.id, parsed.data);
    if (!result.ok && result.code === "not_found") return noSuchGroup();
    return actionResponse(result, (d) => ({ project: { id: d.id, url: `/projects/${d.id}` } }), 201);
  });
}
