import "server-only";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { NextResponse } from "next/server";
import { errorJsonSchema, operationObject } from "./openapi";
import type { OperationSpec } from "./route";

/*
 * With API_RESPONSE_CHECK=on (the test suites set it; a real site never does), every answer
 * an API operation gives is checked against what the OpenAPI document says that operation
 * answers with that status. An answer the document does not describe is logged loudly and
 * replaced by a 500, so the test that received it fails and says where to look.
 */

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

type Expected = { contentType?: string; validate?: ValidateFunction } | "undocumented";
const compiled = new WeakMap<OperationSpec, Map<string, Expected>>();

function expected(op: OperationSpec, method: string, status: number): Expected {
  let byStatus = compiled.get(op);
  if (!byStatus) compiled.set(op, (byStatus = new Map()));
  const key = `${method} ${status}`;
  const known = byStatus.get(key);
  if (known) return known;
  const responses = operationObject(op, method).responses as Record<string, { $ref?: string; content?: Record<string, { schema?: object }> }>;
  const entry = responses[String(status)];
  let found: Expected = "undocumented";
  if (entry?.$ref) found = { contentType: "application/json", validate: ajv.compile(errorJsonSchema) };
  else if (entry) {
    const [contentType, media] = Object.entries(entry.content ?? {})[0] ?? [];
    found = { contentType, validate: contentType === "application/json" && media?.schema ? ajv.compile(media.schema) : undefined };
  }
  byStatus.set(key, found);
  return found;
}

function mismatch(request: Request, status: number, problem: string): Response {
  const { pathname } = new URL(request.url);
  console.error(`[api] ANSWER DOES NOT MATCH THE OPENAPI DOCUMENT: ${request.method} ${pathname} answered ${status}: ${problem}`);
  return NextResponse.json(
    { error: { code: "internal", message: `The answer (${status}) did not match the API's own description: ${problem}`.slice(0, 2000) } },
    { status: 500 },
  );
}

/** The response as it was when it matches the document; otherwise a 500 saying how it differs. */
export async function checkedResponse(op: OperationSpec, request: Request, response: Response): Promise<Response> {
  if (request.method === "HEAD") return response;
  const method = request.method;
  const want = expected(op, method, response.status);
  if (want === "undocumented") return mismatch(request, response.status, "this status is not in the document for this operation");
  const type = response.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (want.contentType && type !== want.contentType) return mismatch(request, response.status, `content type ${type ?? "(none)"}, documented ${want.contentType}`);
  if (!want.validate) return response;
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return mismatch(request, response.status, "the body is not JSON");
  }
  if (!want.validate(body)) return mismatch(request, response.status, `${ajv.errorsText(want.validate.errors, { dataVar: "body" })} in ${text.slice(0, 500)}`);
  return response;
}
