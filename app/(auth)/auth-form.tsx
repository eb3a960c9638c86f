"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { AuthFormState } from "./actions";

type Mode = "signin" | "signup";

/**
 * Sign-in and sign-up share one form. It posts to a server action, so it works without
 * JavaScript; with JavaScript the answer appears without a page load.
 */
export function AuthForm({ mode, action, callbackUrl }: { mode: Mode; action: (prev: AuthFormState, data: FormData) => Promise<AuthFormState>; callbackUrl: string }) {
  const t = useTranslations("client-members.auth");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const values = state?.values ?? {};
  const formError = state && !state.ok && !Object.keys(errors).length ? state.message : null;
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid={`${mode}-form`}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {formError ? <Alert tone="error" testId="form-error">{formError}</Alert> : null}
      {mode === "signup" ? (
        <Field id="name" label={t("name")} hint={t("nameHint")} error={errors.name}>
          <Input id="name" name="name" autoComplete="name" defaultValue={values.name} aria-invalid={Boolean(errors.name)} aria-describedby={describedBy("name", { hint: true, error: errors.name })} required maxLength={80} />
        </Field>
      ) : null}
      <Field id="email" label={t("email")} error={errors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={values.email} aria-invalid={Boolean(errors.email)} aria-describedby={describedBy("email", { error: errors.email })} required />
      </Field>
      <Field id="password" label={t("password")} hint={mode === "signup" ? t("passwordHint") : undefined} error={errors.password}>
        <Input id="password" name="password" type="password" autoComplete={mode === "signup" ? "new-password" : "current-password"} aria-invalid={Boolean(errors.password)} aria-describedby={describedBy("password", { hint: mode === "signup", error: errors.password })} required />
      </Field>
      <Button type="submit" disabled={pending} className="w-full" data-testid={`${mode}-submit`}>
        {mode === "signup" ? (pending ? t("creating") : t("create")) : pending ? t("signingIn") : t("signIn")}
      </Button>
      <p className="text-sm text-muted">
        {mode === "signup" ? (
          t.rich("haveAccount", { link: (chunks) => <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{chunks}</Link> })
        ) : (
          t.rich("newHere", { link: (chunks) => <Link className="underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{chunks}</Link> })
        )}
      </p>
    </form>
  );
}
