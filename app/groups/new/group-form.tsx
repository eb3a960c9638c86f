"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import type { GroupFormState } from "./actions";

/** Starting a group: a plain form posting to a server action, so it works without JavaScript. */
export function GroupForm({ action }: { action: (prev: GroupFormState, data: FormData) => Promise<GroupFormState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const v = state?.values ?? {};
  const a11y = (id: string, hint = false) => ({ id, name: id, "aria-invalid": Boolean(errors[id]), "aria-describedby": describedBy(id, { hint, error: errors[id] }) });
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="group-form">
      {state && !state.ok ? <Alert tone="error" testId="form-error">{state.message}</Alert> : null}
      <Field id="name" label="Group name" error={errors.name}>
        <Input {...a11y("name")} defaultValue={v.name} maxLength={80} required />
      </Field>
      <Field id="about" label="About the group" hint="What you do together and who it's for. Markdown works." error={errors.about}>
        <Textarea {...a11y("about", true)} defaultValue={v.about} />
      </Field>
      <Field id="agreements" label="Agreements" hint="Shown to everyone who joins; they tick to accept them. For example: listening over fixing; what is said here stays here." error={errors.agreements}>
        <Textarea {...a11y("agreements", true)} defaultValue={v.agreements} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="visibility" label="Who can see it" error={errors.visibility}>
          <Select {...a11y("visibility")} defaultValue={v.visibility || "public"}>
            <option value="public">Public: anyone can find it</option>
            <option value="private">Private: only members see its activities and members</option>
          </Select>
        </Field>
        <Field id="joinPolicy" label="Joining" error={errors.joinPolicy}>
          <Select {...a11y("joinPolicy")} defaultValue={v.joinPolicy || "open"}>
            <option value="open">Open: anyone can join</option>
            <option value="approval">Approval: organizers approve each request</option>
          </Select>
        </Field>
      </div>
      <Field id="neighbourhood" label="Neighbourhood (optional)" error={errors.neighbourhood}>
        <Input {...a11y("neighbourhood")} defaultValue={v.neighbourhood} maxLength={80} />
      </Field>
      <Button type="submit" disabled={pending} data-testid="create-group">{pending ? "Starting…" : "Start the group"}</Button>
    </form>
  );
}
