import type { z } from "zod";
import "@/lib/validation/messages";
import { say } from "@/lib/i18n/said";

/*
 * What a server action returns. Expected failures are a closed set of codes with
 * field errors to show beside the fields; unexpected ones are thrown to error.tsx.
 */
export type ActionCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "closed"
  | "rate_limited"
  | "try_again";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ActionCode; message: string; fieldErrors?: Record<string, string> };

/** First message per field, keyed by the dotted path, from a zod error. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    // Array indexes are dropped: "energy", not "energy.0", names what the person typed.
    const key = issue.path.filter((p) => typeof p !== "number").join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

export function invalid(error: z.ZodError, message?: string): ActionResult<never> {
  return { ok: false, code: "invalid_input", message: message ?? say("errors.action.checkFields"), fieldErrors: fieldErrorsOf(error) };
}

export function fail(code: ActionCode, message: string): ActionResult<never> {
  return { ok: false, code, message };
}

/** What an action answers when it was posted something other than its form. */
export const formUnreadable = () => say("errors.action.formUnreadable");

/**
 * A server action is a public endpoint: anyone holding its id can post it any arguments,
 * not only the FormData its form sends. The action wrapper (server/action.ts) checks with this
 * before an action reads anything, and answers `unreadableForm()` (its usual "check the form"
 * result) otherwise.
 */
export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== "undefined" && value instanceof FormData;
}

export function unreadableForm(): ActionResult<never> {
  return { ok: false, code: "invalid_input", message: formUnreadable() };
}
