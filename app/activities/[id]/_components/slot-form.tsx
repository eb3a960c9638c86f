"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SlotActionState } from "./slot-actions";

/** One slot's button: take it (or join its line) or leave it. A plain form, so it works without JavaScript. */
export function SlotForm({
  action,
  activityId,
  slotId,
  label,
  leaving,
  full,
}: {
  action: (prev: SlotActionState, data: FormData) => Promise<SlotActionState>;
  activityId: string;
  slotId: string;
  label: string;
  leaving: boolean;
  full: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("client-visit.slot");
  const text = leaving ? t("leave") : full ? t("joinWaitlist") : t("take");
  return (
    <form action={formAction} className="space-y-2" data-testid={`slot-form-${slotId}`}>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="slotId" value={slotId} />
      <Button type="submit" variant={leaving ? "secondary" : "primary"} disabled={pending} aria-label={t("label", { text, slot: label })} data-testid={leaving ? "slot-leave" : "slot-take"}>
        {text}
      </Button>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId="slot-outcome">{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
