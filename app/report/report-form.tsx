"use client";

import { useTranslations } from "next-intl";
import { ActionForm, type FormState } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { REPORT_NOTE_MAX, REPORT_REASONS, type ReportTargetType } from "@/lib/validation/report";

/** The reason, from a short list, and an optional note. */
export function ReportForm({ action, targetType, targetId }: { action: (prev: FormState, data: FormData) => Promise<FormState>; targetType: ReportTargetType; targetId: string }) {
  const t = useTranslations("client-groups.report");
  return (
    <ActionForm action={action} className="space-y-4" testId="report-form" fieldLabels={{ reason: t("reason"), note: t("note") }}>
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("question")}</legend>
        {Object.keys(REPORT_REASONS).map((key) => (
          <label key={key} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="reason" value={key} required className="h-5 w-5 accent-[var(--color-brand)]" data-testid={`reason-${key}`} />
            <span>{t(`reasons.${key}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="report-note" className="block text-sm font-medium">{t("noteLabel")}</label>
        <p id="report-note-hint" className="text-sm text-muted">{t("noteHint", { max: REPORT_NOTE_MAX })}</p>
        <Textarea id="report-note" name="note" maxLength={REPORT_NOTE_MAX} aria-describedby="report-note-hint" data-testid="report-note" />
      </div>
      <Button type="submit" data-testid="report-send">{t("send")}</Button>
    </ActionForm>
  );
}
