"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StandingActionState } from "./standing-place-actions";

/** The buttons for one's standing place; each is a submit with its intent, so no JavaScript is needed. */
export function StandingPlaceForm({
  action,
  standing,
  canSkip,
}: {
  action: (prev: StandingActionState, data: FormData) => Promise<StandingActionState>;
  standing: "active" | "paused" | "none";
  canSkip: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("client-visit.standing");
  const button = (intent: string, label: string, variant: "primary" | "secondary" = "secondary") => (
    <Button type="submit" name="intent" value={intent} variant={variant} disabled={pending} data-testid={`standing-${intent}`}>
      {label}
    </Button>
  );
  return (
    <form action={formAction} className="space-y-2">
      {standing === "active" ? <p className="text-sm font-medium" data-testid="standing-status">{t("active")}</p> : null}
      {standing === "paused" ? <p className="text-sm font-medium" data-testid="standing-status">{t("paused")}</p> : null}
      <div className="flex flex-wrap gap-2">
        {standing === "none" ? button("hold", t("hold"), "primary") : null}
        {canSkip ? button("skip", t("skip"), "primary") : null}
        {standing === "active" ? button("pause", t("pause")) : null}
        {standing === "paused" ? button("resume", t("resume"), "primary") : null}
        {standing !== "none" ? button("release", t("release")) : null}
      </div>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId="standing-outcome">{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
