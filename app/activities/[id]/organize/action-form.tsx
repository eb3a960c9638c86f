"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { OrganizeActionState } from "./actions";

/**
 * A form posting to one organizer action. It works without JavaScript; with it, the
 * outcome shows beside the form without a page load.
 */
export function ActionForm({
  action,
  activityId,
  children,
  className,
  testId,
}: {
  action: (prev: OrganizeActionState, data: FormData) => Promise<OrganizeActionState>;
  activityId: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const fieldError = state && !state.ok ? Object.values(state.fieldErrors ?? {})[0] : undefined;
  return (
    <form action={formAction} className={className} data-testid={testId}>
      <input type="hidden" name="activityId" value={activityId} />
      {children}
      {state ? (
        <Alert tone={state.ok ? "success" : "error"} className="mt-2 basis-full" testId={testId ? `${testId}-outcome` : undefined}>
          {state.ok ? state.data.message : fieldError ?? state.message}
        </Alert>
      ) : null}
    </form>
  );
}
