"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TaskActionState } from "../actions";

/**
 * One button on the task board (claim, give back, mark done, verify…), posting to its
 * server action. It works without JavaScript; with it, the answer appears in place.
 */
export function TaskActionForm({
  action,
  fields,
  label,
  variant = "secondary",
  testId,
  children,
  className,
}: {
  action: (prev: TaskActionState, data: FormData) => Promise<TaskActionState>;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  testId: string;
  children?: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? "space-y-2"} data-testid={`${testId}-form`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending} data-testid={testId}>
        {label}
      </Button>
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
