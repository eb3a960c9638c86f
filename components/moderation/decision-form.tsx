"use client";

import { ActionForm, type FormState } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { DECISION_NOTE_MAX, type Outcome } from "@/lib/validation/report";

type Act = (prev: FormState, data: FormData) => Promise<FormState>;

/** What a moderator decides about one reported thing, with a short note kept on the record. */
export function DecisionForm({ action, reportId, choices }: { action: Act; reportId: string; choices: { outcome: Outcome; label: string }[] }) {
  const noteId = `decision-note-${reportId}`;
  return (
    <ActionForm action={action} className="space-y-3" testId="decision-form" fieldLabels={{ outcome: "Decision", note: "Note" }}>
      <input type="hidden" name="reportId" value={reportId} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">What should happen?</legend>
        {choices.map((c) => (
          <label key={c.outcome} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="outcome" value={c.outcome} required className="h-5 w-5 accent-[var(--color-brand)]" data-testid={`outcome-${c.outcome}`} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={noteId} className="block text-sm font-medium">Why (kept with the decision)</label>
        <p id={`${noteId}-hint`} className="text-sm text-muted">A member whose content is hidden, or who is removed or banned, reads this note. Never name who reported.</p>
        <Textarea id={noteId} name="note" required maxLength={DECISION_NOTE_MAX} aria-describedby={`${noteId}-hint`} className="min-h-20" data-testid="decision-note" />
      </div>
      <Button type="submit" variant="secondary" data-testid="decide">Decide</Button>
    </ActionForm>
  );
}

/** Shows hidden content again. */
export function RestoreForm({ action, reportId, label }: { action: Act; reportId: string; label: string }) {
  return (
    <ActionForm action={action} testId="restore-form">
      <input type="hidden" name="reportId" value={reportId} />
      <Button type="submit" variant="ghost" aria-label={label} data-testid="restore">Show again</Button>
    </ActionForm>
  );
}
