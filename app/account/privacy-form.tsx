"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import type { PrivacyState } from "./actions";

export function PrivacyForm({ action, listedAsGoing }: { action: (prev: PrivacyState, data: FormData) => Promise<PrivacyState>; listedAsGoing: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2" data-testid="privacy-form">
      <Checkbox name="listedAsGoing" defaultChecked={listedAsGoing} label="Show my name on who's-going lists" data-testid="listed-as-going" />
      <p className="text-sm text-muted">
        Off by default. When on, other signed-in members see your name on activities you&apos;re going to. Organizers of the group always see who&apos;s coming; visitors only see numbers.
      </p>
      <Button type="submit" variant="secondary" disabled={pending} data-testid="privacy-save">Save privacy choice</Button>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId="privacy-outcome">{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
