"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import type { PrivacyState } from "./actions";

export function PrivacyForm({ action, listedAsGoing }: { action: (prev: PrivacyState, data: FormData) => Promise<PrivacyState>; listedAsGoing: boolean }) {
  const t = useTranslations("client-members.account.privacy");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2" data-testid="privacy-form">
      <Checkbox name="listedAsGoing" defaultChecked={listedAsGoing} label={t("listed")} data-testid="listed-as-going" />
      <p className="text-sm text-muted">{t("explain")}</p>
      <Button type="submit" variant="secondary" disabled={pending} data-testid="privacy-save">{t("save")}</Button>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId="privacy-outcome">{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
