import { NextResponse } from "next/server";
import { z } from "zod";
import { DATABASE_AWAY, HUB_BUSY, isConnectionError, isPoolBusy, RETRY_AFTER_SECONDS } from "@/db/availability";
import { withoutWaiting } from "@/db/patience";
import { fieldErrorsOf } from "@/lib/action-result";
import { withoutQueryParameters } from "@/lib/logging";
import { SEND_JSON } from "@/lib/security/cross-site";
import "@/lib/validation/messages";
import { say } from "@/lib/i18n/said";

/*
 * JSON answers for the API. Errors always have the same shape:
 * { "error": { "code": "invalid_query", "message": "...", "fields": { "from": "..." } } }
 */
export type ApiErrorCode =
  | "invalid_query"
  | "invalid_body"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "closed"
  | "rate_limited"
  | "too_large"
  | "try_again"
  | "internal";

const errorCodes = ["invalid_query", "invalid_body", "unauthenticated", "forbidden", "not_found", "conflict", "closed", "rate_limited", "too_large", "try_again", "internal"] as const satisfies readonly ApiErrorCode[];

/** The one shape of every error answer, as the OpenAPI document states it. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe("Each wrong field or parameter, with what to change."),
  }),
});

const statusOf: Record<ApiErrorCode, number> = {
  invalid_query: 400,
  invalid_body: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 409,
  rate_limited: 429,
  too_large: 413,
  try_again: 503,
  internal: 500,
};

export function apiError(code: ApiErrorCode, message: string, fields?: Record<string, string>, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: statusOf[code], headers });
}

export function apiZodError(code: "invalid_query" | "invalid_body", error: z.ZodError) {
  // A body that is not an object at all (an array, null, a number) has no field to name.
  if (code === "invalid_body" && error.issues.some((i) => i.path.length === 0)) {
    return apiError(code, say("errors.api.bodyNotObject"));
  }
  const fields = fieldErrorsOf(error);
  const names = Object.keys(fields).join(", ");
  if (error.issues.every((i) => i.code === "custom" && i.params?.unknownParameter)) {
    return apiError(code, say("errors.api.unknownParameters", { count: error.issues.length, names }), fields);
  }
  return apiError(code, names ? say("errors.api.check", { names }) : say("errors.api.checkRequest"), fields);
}

/**
 * A first stage for a query that refuses parameters it does not know (a misspelt filter must
 * not silently match everything): `knownParameters(names, say).pipe(theQuerySchema)`. The
 * answer is "Unknown parameter: x." with `say(x)` for each.
 */
export function knownParameters(names: readonly string[], say: (name: string) => string) {
  return z.looseObject({}).superRefine((raw, ctx) => {
    for (const key of Object.keys(raw)) {
      if (!names.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: say(key), params: { unknownParameter: true } });
    }
  });
}

/** 429 with Retry-After and a sentence for a person: the answer to every rate limit. */
export function tooMany(message: string, retryAfterSeconds: number) {
  return apiError("rate_limited", message, undefined, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
}

/** Query-string parameters as an object; repeated keys become arrays. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The largest JSON body an endpoint reads unless it documents more. */
export const JSON_BODY_LIMIT = 64 * 1024;

export function tooLarge(limit: number) {
  return apiError("too_large", say("errors.api.tooLarge", { kilobytes: String(Math.floor(limit / 1024)) }));
}

/** 415: a body labelled as something other than JSON (the same words as proxy.ts's cookie rule). */
export function unsupportedMediaType() {
  return NextResponse.json({ error: { code: "invalid_body", message: SEND_JSON() } }, { status: 415 });
}

/**
 * Reads a body of at most `limit` bytes as text. A declared Content-Length over the limit is
 * refused before a byte is read, and a body without one (chunked) is refused as soon as it
 * passes the limit, so a huge body never sits in memory.
 */
export async function readCappedText(request: Request, limit = JSON_BODY_LIMIT): Promise<{ ok: true; text: string } | { ok: false; response: NextResponse }> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) return { ok: false, response: tooLarge(limit) };
  const bytes = await readCapped(request, limit);
  if (bytes === "too_large") return { ok: false, response: tooLarge(limit) };
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

/** A body's JSON (an empty body is `{}`); malformed JSON is the caller's mistake (400), not ours. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; response: NextResponse } {
  try {
    return { ok: true, value: text.trim() === "" ? {} : JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError("invalid_body", say("errors.api.invalidJson")) };
  }
}

export async function readCapped(request: Request, limit: number): Promise<Uint8Array | "too_large"> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Route handlers wrap their work with this. A database that could not be reached (or a
 * connection lost mid-request, after the retries reads get) is a 503 the caller can
 * retry at once, without waiting for the database to come back; so is a request that waited
 * its full turn for a connection on a very busy hub (the database is not away then, and the
 * message says so); any other unexpected failure is a plain 500 without internals.
 */
export async function guarded(work: () => Promise<Response>): Promise<Response> {
  try {
    return await withoutWaiting(work);
  } catch (error) {
    if (isConnectionError(error)) {
      console.warn("[api] database unavailable", withoutQueryParameters(error));
      return apiError("try_again", DATABASE_AWAY(), undefined, { "Retry-After": String(RETRY_AFTER_SECONDS) });
    }
    if (isPoolBusy(error)) {
      console.warn("[api] busy: no database connection came free in time");
      return apiError("try_again", HUB_BUSY(), undefined, { "Retry-After": String(RETRY_AFTER_SECONDS) });
    }
    console.error("[api] unexpected error", withoutQueryParameters(error));
    return apiError("internal", say("errors.api.internal"));
  }
}
