"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { MAX_ANSWER, MAX_CHOICE, MAX_PROMPT, MAX_QUESTIONS, QUESTION_KINDS, type RsvpQuestion } from "@/lib/rsvp-question-shape";
import type { QuestionsFormState } from "./question-actions";

/**
 * The questions an activity asks on RSVP, as a fixed set of slots (a slot with no question is
 * unused), so it works without JavaScript. Each error shows beside its own field.
 */
export function RsvpQuestionsForm({
  action,
  activityId,
  questions,
}: {
  action: (prev: QuestionsFormState, data: FormData) => Promise<QuestionsFormState>;
  activityId: string;
  questions: RsvpQuestion[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("client-organize.questions");
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  // After a refusal the form shows what was typed; otherwise the questions as saved.
  const slots = state && !state.ok && state.values ? state.values : questions.map((q) => ({ ...q, choices: q.choices.join("\n") }));
  return (
    <form action={formAction} className="space-y-4" data-testid="rsvp-questions-form" noValidate>
      <input type="hidden" name="activityId" value={activityId} />
      {/* Each slot is keyed by what it shows, so a kept value after a refusal is its default again (a select's default is only read when it mounts). */}
      {Array.from({ length: MAX_QUESTIONS }, (_, i) => {
        const q = slots[i] && (slots[i].prompt || slots[i].id) ? slots[i] : undefined;
        const id = `q${i}`;
        return (
          <fieldset key={`${id}:${JSON.stringify(q ?? null)}`} className="space-y-2 rounded-lg border border-line p-3" data-testid={`rsvp-question-${i}`}>
            <legend className="px-1 text-sm font-semibold">{q ? t("number", { number: i + 1 }) : t("numberOptional", { number: i + 1 })}</legend>
            <input type="hidden" name={`${id}.id`} value={q?.id ?? ""} />
            <Field id={`${id}-prompt`} label={t("question")} hint={i === 0 ? t("questionHint", { max: MAX_PROMPT }) : undefined} error={errors[`${id}.prompt`]}>
              <Input id={`${id}-prompt`} name={`${id}.prompt`} defaultValue={q?.prompt ?? ""} maxLength={MAX_PROMPT} aria-invalid={Boolean(errors[`${id}.prompt`])} aria-describedby={describedBy(`${id}-prompt`, { hint: i === 0, error: errors[`${id}.prompt`] })} />
            </Field>
            <Field id={`${id}-kind`} label={t("answer")} error={errors[`${id}.kind`]}>
              <Select id={`${id}-kind`} name={`${id}.kind`} defaultValue={q?.kind ?? "text"}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k} value={k}>{t(`kind.${k}`)}</option>
                ))}
              </Select>
            </Field>
            <Field id={`${id}-choices`} label={t("choices")} error={errors[`${id}.choices`]}>
              <Textarea id={`${id}-choices`} name={`${id}.choices`} defaultValue={q?.choices ?? ""} className="min-h-20" maxLength={MAX_CHOICE * 10} aria-invalid={Boolean(errors[`${id}.choices`])} aria-describedby={describedBy(`${id}-choices`, { error: errors[`${id}.choices`] })} />
            </Field>
            <Checkbox name={`${id}.required`} defaultChecked={q?.required ?? false} label={t("required")} />
          </fieldset>
        );
      })}
      <p className="text-sm text-muted">{t("privacy", { max: MAX_ANSWER })}</p>
      <Button type="submit" disabled={pending} data-testid="rsvp-questions-save">{t("save")}</Button>
      {state ? (
        <Alert tone={state.ok ? "success" : "error"} testId="rsvp-questions-outcome">
          {state.ok ? state.data.message : errors._ ?? state.message}
        </Alert>
      ) : null}
    </form>
  );
}
