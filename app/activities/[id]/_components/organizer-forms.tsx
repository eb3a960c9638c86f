"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import type { OrganizerActionState } from "../edit/actions";

type Action = (prev: OrganizerActionState, data: FormData) => Promise<OrganizerActionState>;

function Outcome({ state }: { state: OrganizerActionState }) {
  if (!state) return null;
  return state.ok ? <Alert tone="success" testId="organizer-outcome">{state.data.message}</Alert> : <Alert tone="error" testId="organizer-outcome">{state.message}</Alert>;
}

/**
 * Cancelling asks for a ticked confirmation in the same form, so it works without
 * JavaScript and cannot happen by a single stray click.
 */
export function CancelActivityForm({ action, inSeries }: { action: Action; inSeries: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("client-visit.cancel");
  return (
    <details className="rounded-lg border border-line p-3">
      <summary className="cursor-pointer font-medium" data-testid="cancel-toggle">{inSeries ? t("toggleSeries") : t("toggle")}</summary>
      <form action={formAction} className="mt-3 space-y-2">
        {inSeries ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("what")}</legend>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="scope" value="this" defaultChecked className="h-5 w-5" /> {t("this")}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="scope" value="following" className="h-5 w-5" /> {t("following")}
            </label>
          </fieldset>
        ) : (
          <input type="hidden" name="scope" value="this" />
        )}
        <Checkbox name="confirm" value="yes" label={t("confirm")} data-testid="cancel-confirm" />
        <Button type="submit" variant="danger" disabled={pending} data-testid="cancel-activity">{pending ? t("cancelling") : t("submit")}</Button>
        <Outcome state={state} />
      </form>
    </details>
  );
}
