"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { SlotsFormState } from "./slot-actions";

/** The organizer's time slots as lines of text; a refusal shows beside the field, with the lines as typed. */
export function SlotsEditor({ action, activityId, current }: { action: (prev: SlotsFormState, data: FormData) => Promise<SlotsFormState>; activityId: string; current: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("client-organize.slots");
  const error = state && !state.ok ? state.fieldErrors?.slots : undefined;
  const text = state && !state.ok && state.text !== undefined ? state.text : current;
  return (
    <form action={formAction} className="space-y-2" data-testid="slots-editor">
      <input type="hidden" name="activityId" value={activityId} />
      <Field
        id="slots"
        label={t("label")}
        hint={t("hint")}
        error={error}
      >
        <Textarea
          id="slots"
          name="slots"
          key={text}
          defaultValue={text}
          rows={6}
          maxLength={4000}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "slots-hint slots-error" : "slots-hint"}
          className="font-mono"
        />
      </Field>
      <Button type="submit" disabled={pending} data-testid="slots-save">{t("save")}</Button>
      {state ? (
        <Alert tone={state.ok ? "success" : "error"} testId="slots-outcome">
          {state.ok ? state.data.message : state.message}
        </Alert>
      ) : null}
    </form>
  );
}
