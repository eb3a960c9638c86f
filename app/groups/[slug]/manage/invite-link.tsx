"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { InviteActionState } from "./actions";

type Action = (prev: InviteActionState, data: FormData) => Promise<InviteActionState>;

/**
 * A private group's invite link, ready to copy, and the button that replaces it. The link
 * comes from the server on every render, so after a renewal it shows the new one.
 */
export function InviteLink({ link, action }: { link: string | null; action: Action }) {
  const t = useTranslations("client-groups.invite");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="space-y-3">
      {link ? (
        <Field id="invite-link" label={t("label")} hint={t("hint")}>
          <Input id="invite-link" readOnly value={link} aria-describedby="invite-link-hint" onFocus={(e) => e.currentTarget.select()} data-testid="invite-link" />
        </Field>
      ) : (
        <p className="text-sm text-muted">{t("none")}</p>
      )}
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        {link ? <span className="text-sm text-muted">{t("renewHint")}</span> : null}
        <Button type="submit" variant="secondary" disabled={pending} data-testid="renew-invite">
          {link ? t("renew") : t("make")}
        </Button>
      </form>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm" : "text-sm text-danger"} data-testid="invite-outcome">
          {state.ok ? state.data.message : state.message}
        </p>
      ) : null}
    </div>
  );
}
