"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

export type StillComingFormState = ActionResult<{ message: string }> | null;

/**
 * "Yes, I'm coming" and "Free my place" as buttons that POST (from the reminder's link page, or
 * from the in-app reminder). Without JavaScript it is a plain form; with it, the outcome shows here.
 */
export function StillComingForm({
  action,
  hidden,
  purposes,
  testId,
}: {
  action: (prev: StillComingFormState, data: FormData) => Promise<StillComingFormState>;
  hidden: Record<string, string>;
  purposes: ("coming" | "free")[];
  testId: string;
}) {
  const t = useTranslations("client-members.stillComing");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2" data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap gap-2">
        {purposes.includes("coming") ? (
          <Button type="submit" name="purpose" value="coming" disabled={pending} data-testid={`${testId}-coming`}>
            {t("coming")}
          </Button>
        ) : null}
        {purposes.includes("free") ? (
          <Button type="submit" name="purpose" value="free" variant="secondary" disabled={pending} data-testid={`${testId}-free`}>
            {t("free")}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {state ? (
          <Alert tone={state.ok ? "success" : "error"} testId={`${testId}-outcome`}>
            {state.ok ? state.data.message : state.message}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
