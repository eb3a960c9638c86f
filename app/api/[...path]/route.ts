import { apiError } from "@/server/api/http";

/*
 * Any /api address that names no endpoint answers in the API's own JSON shape, so a
 * script that mistypes a path gets a 404 it can read rather than the site's HTML page.
 */
const notAnEndpoint = () => apiError("not_found", "There is no API endpoint at this address. docs/api.md lists them all.");

export const GET = notAnEndpoint;
export const POST = notAnEndpoint;
export const PUT = notAnEndpoint;
export const PATCH = notAnEndpoint;
export const DELETE = notAnEndpoint;
