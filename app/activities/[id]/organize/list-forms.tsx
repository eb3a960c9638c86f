"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { activityAudiences, type ActivityAudience } from "@/lib/validation/walk-ins";
import type { OrganizeActionState } from "./actions";

type Action = (prev: OrganizeActionState, data: FormData) => Promise<OrganizeActionState>;

/** What was typed, sent back with a refusal, so a bad message or name is not lost. */
const kept = (state: OrganizeActionState, name: string): string | undefined => {
  const values = (state as { values?: Record<string, unknown> } | null)?.values;
  return typeof values?.[name] === "string" ? (values[name] as string) : undefined;
};

function Outcome({ state, testId }: { state: OrganizeActionState; testId: string }) {
  if (!state) return null;
  return (
    <Alert tone={state.ok ? "success" : "error"} className="mt-2" testId={`${testId}-outcome`}>
      {state.ok ? state.data.message : state.message}
    </Alert>
  );
}

/** Someone without an account who turned up: a first name is all that is kept. */
export function WalkInNameForm({ action, activityId }: { action: Action; activityId: string }) {
  const [state, formAction] = useActionState(action, null);
  const t = useTranslations("client-organize.lists");
  const error = state && !state.ok ? state.fieldErrors?.firstName : undefined;
  return (
    <form action={formAction} className="space-y-2" data-testid="walk-in-name">
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="walk-in-first-name" label={t("firstName")} hint={t("firstNameHint")} error={error}>
        <div className="flex flex-wrap gap-2">
          <Input
            id="walk-in-first-name"
            name="firstName"
            maxLength={40}
            className="max-w-xs"
            autoComplete="off"
            key={state && !state.ok ? `kept-${kept(state, "firstName")}` : "fresh"}
            defaultValue={state && !state.ok ? kept(state, "firstName") : ""}
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy("walk-in-first-name", { hint: true, error })}
            data-testid="walk-in-first-name"
          />
          <Button type="submit" variant="secondary">{t("recordWalkIn")}</Button>
        </div>
      </Field>
      {state && (state.ok || !error) ? <Outcome state={state} testId="walk-in-name" /> : null}
    </form>
  );
}

/** A message to one list of the activity, or to every member of its group. */
export function MessageListForm({ action, activityId, counts }: { action: Action; activityId: string; counts: Record<ActivityAudience, number | null> }) {
  const [state, formAction] = useActionState(action, null);
  const t = useTranslations("client-organize.lists");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const refusedKey = state && !state.ok ? `kept-${kept(state, "message")?.length ?? 0}-${kept(state, "audience")}` : "fresh";
  return (
    <form action={formAction} className="space-y-3" data-testid="message-list">
      <input type="hidden" name="activityId" value={activityId} />
      <Field id="message-audience" label={t("sendTo")} error={errors.audience}>
        <Select id="message-audience" name="audience" key={`a-${refusedKey}`} defaultValue={kept(state, "audience") ?? "going"} aria-invalid={Boolean(errors.audience)} aria-describedby={describedBy("message-audience", { error: errors.audience })} data-testid="message-audience">
          {activityAudiences.map((a) => (
            <option key={a} value={a}>
              {counts[a] === null ? t(`audience.${a}`) : t("audienceWithCount", { audience: t(`audience.${a}`), count: counts[a] })}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="message-list-text" label={t("message")} hint={t("messageHint")} error={errors.message}>
        <Textarea
          id="message-list-text"
          name="message"
          maxLength={2000}
          key={`m-${refusedKey}`}
          defaultValue={kept(state, "message") ?? ""}
          aria-invalid={Boolean(errors.message)}
          aria-describedby={describedBy("message-list-text", { hint: true, error: errors.message })}
          data-testid="message-list-text"
        />
      </Field>
      <Button type="submit">{t("send")}</Button>
      {state && (state.ok || Object.keys(errors).length === 0) ? <Outcome state={state} testId="message-list" /> : null}
    </form>
  );
}
