import { apiError } from "@/server/api/http";
import { NOT_AN_ENDPOINT } from "@/server/api/route";

/*
 * Any /api address that names no endpoint answers in the API's own JSON shape, so a
 * script that mistypes a path gets a 404 it can read rather than the site's HTML page.
 * It is no operation, so it is the one handler under app/api that is not an `apiRoute`:
 * it takes nothing, reads nothing, and answers at once (the OpenAPI document says so in
 * its description).
 */
const notAnEndpoint = () => apiError("not_found", NOT_AN_ENDPOINT);

export const GET = notAnEndpoint;
export const POST = notAnEndpoint;
export const PUT = notAnEndpoint;
export const PATCH = notAnEndpoint;
export const DELETE = notAnEndpoint;
