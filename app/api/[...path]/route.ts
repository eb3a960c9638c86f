import { apiError } from "@/server/api/http";
import { notAnEndpoint as notAnEndpointMessage } from "@/server/api/route";
import { apiLocale, speaking } from "@/server/speaking";

/*
 * Any /api address that names no endpoint answers in the API's own JSON shape, so a
 * script that mistypes a path gets a 404 it can read rather than the site's HTML page.
 * It is no operation, so it is the one handler under app/api that is not an `apiRoute`:
 * it takes nothing, reads nothing, and answers at once (the OpenAPI document says so in
 * its description).
 */
const notAnEndpoint = (request: Request) => speaking(apiLocale(request), async () => apiError("not_found", notAnEndpointMessage()));

export const GET = notAnEndpoint;
export const POST = notAnEndpoint;
export const PUT = notAnEndpoint;
export const PATCH = notAnEndpoint;
export const DELETE = notAnEndpoint;
