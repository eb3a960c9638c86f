import { apiRoute } from "@/server/api/route";
import { referencePage } from "@/server/api/reference-page";

export const dynamic = "force-dynamic";

/**
 * GET /api/docs — the API's reference as a page: every operation with its parameters, body,
 * answers and an example, rendered from the OpenAPI document on the server. No script and
 * nothing from another site (docs/api.md says why).
 */
export const GET = apiRoute({
  summary: "This API's reference, as a page",
  caller: "none",
  responses: { 200: { description: "An HTML page.", contentType: "text/html" } },
  async handler() {
    const { apiDocument } = await import("../operations");
    return new Response(referencePage(apiDocument() as Parameters<typeof referencePage>[0]), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" },
    });
  },
});
