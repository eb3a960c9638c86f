"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Textarea } from "@/components/ui/field";
import type { AnnounceState } from "./announce-actions";

/** An announcement to every member of the group; what was typed stays when it is refused. */
export function AnnounceForm({ action }: { action: (prev: AnnounceState, data: FormData) => Promise<AnnounceState> }) {
  const t = useTranslations("client-groups.announce");
  const [state, formAction] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.message : undefined;
  const kept = (state as { values?: { message?: string } } | null)?.values?.message;
  return (
    <form action={formAction} className="space-y-2" data-testid="announce">
      <Field id="announcement" label={t("label")} hint={t("hint")} error={error}>
        <Textarea
          id="announcement"
          name="message"
          maxLength={2000}
          key={state && !state.ok ? `kept-${kept?.length ?? 0}` : "fresh"}
          defaultValue={state && !state.ok ? (kept ?? "") : ""}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy("announcement", { hint: true, error })}
          data-testid="announcement"
        />
      </Field>
      <Button type="submit">{t("send")}</Button>
      {state && (state.ok || !error) ? (
        <Alert tone={state.ok ? "success" : "error"} className="mt-2" testId="announce-outcome">
          {state.ok ? state.data.message : state.message}
        </Alert>
      ) : null}
    </form>
  );
}
