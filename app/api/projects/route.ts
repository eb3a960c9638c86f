import { NextResponse } from "next/server";
import { z } from "zod";
import { listProjects } from "@/db/queries/projects";
import { resolveApiViewerId } from "@/server/api/viewer";
import { apiZodError, guarded, searchParamsToObject } from "@/server/api/http";
import { projectJson } from "@/server/api/project-json";
import { projectStatuses } from "@/lib/validation/project";
import { plainText } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: z.string().overwrite(plainText).trim().max(100, "Keep q under 100 characters.").optional(),
  status: z
    .union([z.enum(projectStatuses), z.array(z.enum(projectStatuses))], { error: "Choose status from: planning, active, done." })
    .optional(),
});

/**
 * GET /api/projects — active projects (or ?status=planning,done…) of the groups the caller
 * may see, those that need people first. Private groups' projects only for their members.
 */
export async function GET(request: Request) {
  return guarded(async () => {
    const raw = searchParamsToObject(new URL(request.url).searchParams);
    if (typeof raw.status === "string" && raw.status.includes(",")) raw.status = raw.status.split(",");
    const parsed = querySchema.safeParse(raw);
    if (!parsed.success) return apiZodError("invalid_query", parsed.error);
    const statuses = parsed.data.status === undefined ? undefined : Array.isArray(parsed.data.status) ? parsed.data.status : [parsed.data.status];
    const projects = await listProjects({ viewerId: await resolveApiViewerId(request), q: parsed.data.q || undefined, statuses });
    return NextResponse.json({ projects: projects.map(projectJson) });
  });
}
