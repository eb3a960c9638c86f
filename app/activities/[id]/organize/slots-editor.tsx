"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { SlotsFormState } from "./slot-actions";

/** The organizer's time slots as lines of text; a refusal shows beside the field, with the lines as typed. */
export function SlotsEditor({ action, activityId, current }: { action: (prev: SlotsFormState, data: FormData) => Promise<SlotsFormState>; activityId: string; current: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.slots : undefined;
  const text = state && !state.ok && state.text !== undefined ? state.text : current;
  return (
    <form action={formAction} className="space-y-2" data-testid="slots-editor">
      <input type="hidden" name="activityId" value={activityId} />
      <Field
        id="slots"
        label="Time slots"
        hint="One slot a line: its start and end, then its number of places (leave the number out for no limit), like “09:00-11:00 5”. Times are on the activity's day, in its time zone; start a line with a date (2027-05-02 09:00-11:00 4) for another day. Leave it empty for no slots."
        error={error}
      >
        <Textarea
          id="slots"
          name="slots"
          key={text}
          defaultValue={text}
          rows={6}
          maxLength={4000}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "slots-hint slots-error" : "slots-hint"}
          className="font-mono"
        />
      </Field>
      <Button type="submit" disabled={pending} data-testid="slots-save">Save time slots</Button>
      {state ? (
        <Alert tone={state.ok ? "success" : "error"} testId="slots-outcome">
          {state.ok ? state.data.message : state.message}
        </Alert>
      ) : null}
    </form>
  );
}
