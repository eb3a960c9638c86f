"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { TokenState } from "./actions";

/** Creates a token and shows it once. */
export function CreateTokenForm({ action }: { action: (prev: TokenState, data: FormData) => Promise<TokenState> }) {
  const t = useTranslations("client-members.account.tokens");
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.name ?? state.message : undefined;
  return (
    <form action={formAction} className="space-y-2" data-testid="create-token-form">
      <Field id="token-name" label={t("name")} hint={t("nameHint")} error={error}>
        <Input id="token-name" name="name" maxLength={60} required aria-invalid={Boolean(error)} aria-describedby={describedBy("token-name", { hint: true, error })} />
      </Field>
      <Button type="submit" disabled={pending} data-testid="create-token">{t("create")}</Button>
      {state?.ok ? (
        <Alert tone="success" testId="token-created" title={state.data.message}>
          <code className="block break-all rounded bg-brand-soft p-2 font-mono" data-testid="new-token">{state.data.token}</code>
        </Alert>
      ) : null}
    </form>
  );
}

/** Revokes one token. */
export function RevokeTokenForm({ action, tokenId, name }: { action: (prev: TokenState, data: FormData) => Promise<TokenState>; tokenId: string; name: string }) {
  const t = useTranslations("client-members.account.tokens");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={t("revokeNamed", { name })} data-testid="revoke-token">{t("revoke")}</Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
