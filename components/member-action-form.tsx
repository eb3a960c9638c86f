"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

type State = ActionResult<{ message: string }> | null;

/** One button that acts on one member (block, unblock), with its answer beside it. */
export function MemberActionForm({ action, memberId, label, testId, variant = "secondary" }: { action: (prev: State, data: FormData) => Promise<State>; memberId: string; label: string; testId: string; variant?: "secondary" | "ghost" }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="memberId" value={memberId} />
      <Button type="submit" variant={variant} disabled={pending} data-testid={testId}>{label}</Button>
      {state ? <Alert tone={state.ok ? "success" : "error"}>{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
