import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-result";

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
  | "try_again"
  | "internal";

const statusOf: Record<ApiErrorCode, number> = {
  invalid_query: 400,
  invalid_body: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 409,
  rate_limited: 429,
  try_again: 503,
  internal: 500,
};

export function apiError(code: ApiErrorCode, message: string, fields?: Record<string, string>, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: statusOf[code], headers });
}

export function apiZodError(code: "invalid_query" | "invalid_body", error: z.ZodError) {
  // A body that is not an object at all (an array, null, a number) has no field to name.
  if (code === "invalid_body" && error.issues.some((i) => i.path.length === 0)) {
    return apiError(code, 'The body must be a JSON object, like {"status": "going"}.');
  }
  const fields = fieldErrorsOf(error);
  const names = Object.keys(fields).join(", ");
  return apiError(code, `Please check ${names || "the request"}.`, fields);
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

/** Reads a JSON body; malformed JSON is the caller's mistake (400), not ours. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  try {
    const text = await request.text();
    return { ok: true, value: text.trim() === "" ? {} : JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError("invalid_body", "The request body must be valid JSON.") };
  }
}

/** Route handlers wrap their work with this so an unexpected failure is a plain 500 without internals. */
export async function guarded(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    console.error("[api] unexpected error", error);
    return apiError("internal", "Something went wrong on our side. Please try again.");
  }
}
