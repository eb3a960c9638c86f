import { NextResponse } from "next/server";
import { z } from "zod";
import { listProjects } from "@/db/queries/projects";
import { projectJson, projectJsonSchema } from "@/server/api/project-json";
import { apiRoute } from "@/server/api/route";
import { projectStatuses } from "@/lib/validation/project";
import { plainText } from "@/lib/validation/text";
import { words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: z.string().overwrite(plainText).trim().max(100, words("errors.routes.projects.searchLong")).optional().describe("Words to find in titles and goals."),
  status: z
    .preprocess(
      (v) => (typeof v === "string" && v.includes(",") ? v.split(",") : v),
      z.union([z.enum(projectStatuses), z.array(z.enum(projectStatuses))], words("errors.routes.projects.statusChoice")),
    )
    .optional()
    .describe("Repeat it or separate with commas; active when left out."),
});

/**
 * GET /api/projects — active projects (or ?status=planning,done…) of the groups the caller
 * may see, those that need people first. Private groups' projects only for their members.
 */
export const GET = apiRoute({
  summary: "Find projects",
  description: "Active projects (or those of the statuses asked for) of the groups the caller may see, those that need people first.",
  caller: "optional",
  query: querySchema,
  responses: { 200: z.object({ projects: z.array(projectJsonSchema) }) },
  async handler({ caller, query }) {
    const statuses = query.status === undefined ? undefined : Array.isArray(query.status) ? query.status : [query.status];
    const projects = await listProjects({ viewerId: caller?.id ?? null, q: query.q || undefined, statuses });
    return NextResponse.json({ projects: projects.map(projectJson) });
  },
});
