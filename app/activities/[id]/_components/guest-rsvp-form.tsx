"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { GuestRsvpState } from "../guest-actions";

/**
 * RSVP without an account: a first name and an email, posted to a server action, so it works
 * without JavaScript. The "website" field is for bots: people never see it (it is off-screen and
 * hidden from assistive technology) and leave it empty.
 */
export function GuestRsvpForm({ activityId, action, shownAt, full }: { activityId: string; action: (prev: GuestRsvpState, data: FormData) => Promise<GuestRsvpState>; shownAt: string; full: boolean }) {
  const t = useTranslations("client-visit.guest");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const values = state && !state.ok ? state.values : undefined;
  if (state?.ok) {
    return (
      <Alert tone="success" testId="guest-rsvp-outcome">
        {state.data.message}
      </Alert>
    );
  }
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="guest-rsvp-form">
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="shownAt" value={shownAt} />
      <Field id="guest-first-name" label={t("firstName")} hint={t("firstNameHint")} error={errors.firstName}>
        <Input id="guest-first-name" name="firstName" autoComplete="given-name" defaultValue={values?.firstName} required maxLength={40} aria-invalid={Boolean(errors.firstName)} aria-describedby={describedBy("guest-first-name", { hint: true, error: errors.firstName })} data-testid="guest-first-name" />
      </Field>
      <Field id="guest-email" label={t("email")} hint={t("emailHint")} error={errors.email}>
        <Input id="guest-email" name="email" type="email" autoComplete="email" defaultValue={values?.email} required aria-invalid={Boolean(errors.email)} aria-describedby={describedBy("guest-email", { hint: true, error: errors.email })} data-testid="guest-email" />
      </Field>
      <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: "1px", height: "1px", overflow: "hidden" }}>
        <label htmlFor="guest-website">{t("leaveEmpty")}</label>
        <input id="guest-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Button type="submit" disabled={pending} data-testid="guest-rsvp-submit">
        {full ? t("joinWaitlist") : t("rsvp")}
      </Button>
      {state && !state.ok ? (
        <Alert tone="error" testId="guest-rsvp-outcome">
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
