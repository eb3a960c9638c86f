"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Alert } from "./ui/alert";

export type FormState = ActionResult<{ message: string; link?: string }> | null;

/**
 * A form posting to a server action that answers with a typed result. It works without
 * JavaScript (the page comes back with the answer); with it, the answer appears in place.
 * Field errors are listed under the message, each naming its field's label.
 */
export function ActionForm({
  action,
  children,
  className,
  testId,
  fieldLabels = {},
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  testId?: string;
  fieldLabels?: Record<string, string>;
}) {
  const t = useTranslations("client-members.ui");
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className} data-testid={testId}>
      {children}
      <div aria-live="polite" className="mt-2 empty:hidden">
        {state ? (
          <Alert tone={state.ok ? "success" : "error"} testId={testId ? `${testId}-outcome` : undefined}>
            <p>{state.ok ? state.data.message : state.message}</p>
            {state.ok && state.data.link ? (
              <p className="mt-1 break-all">
                <span className="font-medium">{t("yourLink")} </span>
                <code data-testid="invite-link">{state.data.link}</code>
              </p>
            ) : null}
            {!state.ok && state.fieldErrors ? (
              <ul className="mt-1 list-disc pl-5">
                {Object.entries(state.fieldErrors).map(([field, message]) => (
                  <li key={field}>
                    {fieldLabels[field] ? `${fieldLabels[field]}: ` : ""}
                    {message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
