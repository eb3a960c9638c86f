"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

export type PasswordFormState = ActionResult<{ message: string }> | null;

export interface PasswordField {
  name: string;
  label: string;
  type: "email" | "password";
  autoComplete: string;
  hint?: string;
}

/**
 * The small forms of the password pages (forgot, reset, change) and account deletion: a few
 * fields, one button, the answer below. Posts to a server action, so it works without JavaScript.
 */
export function PasswordForm({ action, fields, submit, testId, hidden }: { action: (prev: PasswordFormState, data: FormData) => Promise<PasswordFormState>; fields: PasswordField[]; submit: string; testId: string; hidden?: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId}>
      {Object.entries(hidden ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {fields.map((f) => {
        const id = `${testId}-${f.name}`;
        return (
          <Field key={f.name} id={id} label={f.label} hint={f.hint} error={errors[f.name]}>
            <Input id={id} name={f.name} type={f.type} autoComplete={f.autoComplete} aria-invalid={Boolean(errors[f.name])} aria-describedby={describedBy(id, { hint: Boolean(f.hint), error: errors[f.name] })} required />
          </Field>
        );
      })}
      <Button type="submit" disabled={pending} data-testid={`${testId}-submit`}>{submit}</Button>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId={`${testId}-outcome`}>{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
