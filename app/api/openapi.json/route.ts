import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/openapi.json — the OpenAPI 3.1 document of this API, made from the route
 * definitions themselves (server/api/openapi.ts). The list of routes is read when asked,
 * since it includes this one.
 */
export const GET = apiRoute({
  summary: "This API, as an OpenAPI 3.1 document",
  description: "Made from the same definitions the handlers check requests with. /api/docs shows it as a page.",
  caller: "none",
  responses: { 200: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }) },
  async handler() {
    const { apiDocument } = await import("../operations");
    return NextResponse.json(apiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
  },
});
