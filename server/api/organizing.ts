import "server-only";
import { NextResponse } from "next/server";
import { canSeeGroup } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import type { Group } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { say } from "@/lib/i18n/said";
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

/** The same 404 for a slug that does not exist and for a private group the caller is outside. */
export const noSuchGroup = () => apiError("not_found", say("errors.api.noGroup"));

/** The group a slug names, when the caller may see it; otherwise the answer to send. */
export async function groupVisibleToCaller(slug: string, callerId: string): Promise<{ ok: true; group: Group } | { ok: false; response: Response }> {
  const group = await getGroupRow({ slug });
  if (!group || !(await canSeeGroup(group.id, callerId))) return { ok: false, response: noSuchGroup() };
  return { ok: true, group };
}
