"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EmailPrefsState } from "./actions";

/** One checkbox per kind of email; in-app notices are always on. */
export function EmailPreferencesForm({
  action,
  kinds,
}: {
  action: (prev: EmailPrefsState, data: FormData) => Promise<EmailPrefsState>;
  kinds: { type: string; label: string; enabled: boolean }[];
}) {
  const t = useTranslations("client-members.account.email");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3" data-testid="email-preferences">
      <fieldset className="space-y-2">
        <legend className="text-sm text-muted">{t("legend")}</legend>
        {kinds.map((k) => (
          <label key={k.type} className="flex items-start gap-2" htmlFor={`email-${k.type}`}>
            <input id={`email-${k.type}`} type="checkbox" name="email" value={k.type} defaultChecked={k.enabled} className="mt-1 h-4 w-4" data-testid={`email-pref-${k.type}`} />
            <span>{k.label}</span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending} data-testid="save-email-preferences">{t("save")}</Button>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId="email-preferences-result">{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
