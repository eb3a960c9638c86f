"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { GuestLinkState } from "../actions";

/**
 * One button (and, for a new first name, one field) that POSTs a guest's link token to a server
 * action. Opening a link only shows this form: a mail scanner that follows links changes nothing.
 */
export function GuestLinkForm({
  action,
  token,
  submit,
  testId,
  variant = "primary",
  nameField,
}: {
  action: (prev: GuestLinkState, data: FormData) => Promise<GuestLinkState>;
  token: string;
  submit: string;
  testId: string;
  variant?: "primary" | "secondary";
  nameField?: { defaultValue: string };
}) {
  const t = useTranslations("client-members.guest");
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.firstName : undefined;
  const outcome = state ? (
    <Alert tone={state.ok ? "success" : "error"} testId={`${testId}-outcome`}>
      {state.ok ? state.data.message : state.message}
    </Alert>
  ) : null;
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="token" value={token} />
      {nameField ? (
        <Field id={`${testId}-first-name`} label={t("firstName")} hint={t("firstNameHint")} error={error}>
          <Input id={`${testId}-first-name`} name="firstName" autoComplete="given-name" defaultValue={nameField.defaultValue} maxLength={40} required aria-invalid={Boolean(error)} aria-describedby={describedBy(`${testId}-first-name`, { hint: true, error })} />
        </Field>
      ) : null}
      <Button type="submit" variant={variant} disabled={pending} data-testid={`${testId}-submit`}>
        {submit}
      </Button>
      {outcome}
    </form>
  );
}
