import "server-only";
import { NextResponse } from "next/server";
import { getMemberZone } from "@/db/queries/connection-facts";
import { resolveApiCaller, type ApiCaller } from "./auth";
import { apiError, guarded } from "./http";

/*
 * The caller's own growing-connection data. Every answer (errors too) says it is private
 * and never to be stored, so no shared cache or proxy keeps one member's plan, check-ins or
 * reflections for anyone else.
 */

export const PRIVATE_NO_STORE = "private, no-store";

function privately(response: Response): Response {
  response.headers.set("Cache-Control", PRIVATE_NO_STORE);
  response.headers.set("Vary", "Authorization, Cookie");
  return response;
}

export function privateJson(body: unknown, status = 200): Response {
  return NextResponse.json(body, { status });
}

/** Runs `work` for the signed-in caller (session or token), with their zone; 401 otherwise. */
export function forCaller(request: Request, work: (caller: ApiCaller & { zone: string }) => Promise<Response>): Promise<Response> {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return privately(apiError("unauthenticated", "Sign in, or send a personal access token as 'Authorization: Bearer <token>'."));
    const zone = await getMemberZone(caller.id);
    return privately(await work({ ...caller, zone }));
  }).then(privately);
}
