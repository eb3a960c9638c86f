"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormState } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { DECISION_NOTE_MAX, type Outcome } from "@/lib/validation/report";

type Act = (prev: FormState, data: FormData) => Promise<FormState>;

/** What a moderator decides about one reported thing, with a short note kept on the record. */
export function DecisionForm({ action, reportId, choices }: { action: Act; reportId: string; choices: { outcome: Outcome; label: string }[] }) {
  const t = useTranslations("client-groups.decision");
  const noteId = `decision-note-${reportId}`;
  return (
    <ActionForm action={action} className="space-y-3" testId="decision-form" fieldLabels={{ outcome: t("decision"), note: t("note") }}>
      <input type="hidden" name="reportId" value={reportId} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("question")}</legend>
        {choices.map((c) => (
          <label key={c.outcome} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="outcome" value={c.outcome} required className="h-5 w-5 accent-[var(--color-brand)]" data-testid={`outcome-${c.outcome}`} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={noteId} className="block text-sm font-medium">{t("why")}</label>
        <p id={`${noteId}-hint`} className="text-sm text-muted">{t("whyHint")}</p>
        <Textarea id={noteId} name="note" required maxLength={DECISION_NOTE_MAX} aria-describedby={`${noteId}-hint`} className="min-h-20" data-testid="decision-note" />
      </div>
      <Button type="submit" variant="secondary" data-testid="decide">{t("decide")}</Button>
    </ActionForm>
  );
}

/** Shows hidden content again. */
export function RestoreForm({ action, reportId, label }: { action: Act; reportId: string; label: string }) {
  const t = useTranslations("client-groups.decision");
  return (
    <ActionForm action={action} testId="restore-form">
      <input type="hidden" name="reportId" value={reportId} />
      <Button type="submit" variant="ghost" aria-label={label} data-testid="restore">{t("restore")}</Button>
    </ActionForm>
  );
}
