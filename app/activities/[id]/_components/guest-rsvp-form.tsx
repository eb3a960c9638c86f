"use client";

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
      <Field id="guest-first-name" label="Your first name" hint="Only the organizers see it." error={errors.firstName}>
        <Input id="guest-first-name" name="firstName" autoComplete="given-name" defaultValue={values?.firstName} required maxLength={40} aria-invalid={Boolean(errors.firstName)} aria-describedby={describedBy("guest-first-name", { hint: true, error: errors.firstName })} data-testid="guest-first-name" />
      </Field>
      <Field id="guest-email" label="Your email" hint="For the link that confirms your place, and news about this activity only." error={errors.email}>
        <Input id="guest-email" name="email" type="email" autoComplete="email" defaultValue={values?.email} required aria-invalid={Boolean(errors.email)} aria-describedby={describedBy("guest-email", { hint: true, error: errors.email })} data-testid="guest-email" />
      </Field>
      <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: "1px", height: "1px", overflow: "hidden" }}>
        <label htmlFor="guest-website">Leave this empty</label>
        <input id="guest-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Button type="submit" disabled={pending} data-testid="guest-rsvp-submit">
        {full ? "Join the waitlist as a guest" : "RSVP as a guest"}
      </Button>
      {state && !state.ok ? (
        <Alert tone="error" testId="guest-rsvp-outcome">
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
