import "server-only";
import { NextResponse } from "next/server";
import type { ActionResult } from "@/lib/action-result";
import { apiError, type ApiErrorCode } from "./http";

/*
 * The organizing endpoints call the same mutations as the server actions; this turns
 * their closed set of failure codes into the API's error shape and status codes.
 */

type FailureCode = Extract<ActionResult, { ok: false }>["code"];

const codeFor: Record<FailureCode, ApiErrorCode> = {
  invalid_input: "invalid_body",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  closed: "closed",
  rate_limited: "rate_limited",
  try_again: "try_again",
};

/** A mutation's result as a response: `ok` builds the success body, failures become errors. */
export function actionResponse<T>(result: ActionResult<T>, ok: (data: T) => unknown, status = 200): Response {
  if (!result.ok) return apiError(codeFor[result.code], result.message, result.fieldErrors);
  return NextResponse.json(ok(result.data), { status });
}

export const unauthenticated = () => apiError("unauthenticated", "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
