"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Markdown } from "@/components/markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MembershipActionState } from "../join/actions";

type Action = (prev: MembershipActionState, data: FormData) => Promise<MembershipActionState>;

function Outcome({ state }: { state: MembershipActionState }) {
  if (!state) return null;
  return <Alert tone={state.ok ? "success" : "error"} testId="membership-outcome">{state.ok ? state.data.message : state.fieldErrors?.acceptAgreements ?? state.message}</Alert>;
}

/**
 * The agreements, an "I accept" box that must be ticked, and the join button. Where the page
 * already shows the agreements (`agreementsShownAt`, an anchor), the form points to them
 * instead of repeating them.
 */
export function JoinGroupForm({ action, agreements, needsApproval, agreementsShownAt }: { action: Action; agreements: string; needsApproval: boolean; agreementsShownAt?: string }) {
  const t = useTranslations("client-groups.join");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <Outcome state={state} />;
  const error = state && !state.ok ? state.fieldErrors?.acceptAgreements : undefined;
  return (
    <form action={formAction} className="space-y-3" data-testid="join-form">
      {agreementsShownAt ? (
        <p className="text-sm">
          {t.rich("pointToAgreements", { link: (chunks) => <a className="underline" href={agreementsShownAt}>{chunks}</a> })}
        </p>
      ) : (
        <section aria-labelledby="agreements-heading" className="rounded-lg border border-line p-3">
          <h3 id="agreements-heading" className="font-semibold">{t("ourAgreements")}</h3>
          {agreements ? <Markdown source={agreements} /> : <p className="text-sm text-muted">{t("defaultAgreements")}</p>}
        </section>
      )}
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="acceptAgreements" required className="h-5 w-5" aria-invalid={Boolean(error)} aria-describedby={error ? "accept-error" : undefined} data-testid="accept-agreements" />
        <span>{t("accept")}</span>
      </label>
      {error ? <p id="accept-error" className="text-sm font-medium text-danger">{error}</p> : null}
      <Button type="submit" disabled={pending} data-testid="join-group">{needsApproval ? t("askToJoin") : t("joinGroup")}</Button>
      {state && !state.ok && !error ? <Outcome state={state} /> : null}
    </form>
  );
}

export function LeaveGroupForm({ action, label }: { action: Action; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <Outcome state={state} />;
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" variant="secondary" disabled={pending} data-testid="leave-group">{label}</Button>
      <Outcome state={state} />
    </form>
  );
}
