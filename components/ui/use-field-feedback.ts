"use client";

import { useEffect, useState } from "react";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { describedBy } from "./field";

/**
 * Field errors for a form that posts to a server action and is also checked in the browser.
 * Before hydration (or with no JavaScript) the server's field errors are shown as sent;
 * afterwards they live in react-hook-form, which clears each one as it is corrected.
 * `a11y` gives a field its id and ties its hint and error to it for screen readers.
 */
export function useFieldFeedback<Values extends FieldValues>(form: UseFormReturn<Values, unknown, unknown>, state: ActionResult<unknown> | null) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const { formState, setError } = form;

  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) {
      for (const [name, message] of Object.entries(state.fieldErrors)) setError(name as FieldPath<Values>, { type: "server", message });
    }
  }, [state, setError]);

  const err = (name: keyof Values & string): string | undefined => {
    if (!hydrated) return state && !state.ok ? state.fieldErrors?.[name] : undefined;
    const message = (formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    return typeof message === "string" ? message : undefined;
  };
  const a11y = (name: keyof Values & string, hint = false) => ({ id: name, "aria-invalid": Boolean(err(name)), "aria-describedby": describedBy(name, { hint, error: err(name) }) });
  return { err, a11y };
}
