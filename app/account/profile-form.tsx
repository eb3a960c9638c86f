"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Textarea } from "@/components/ui/field";
import type { ProfileState } from "./actions";

export interface ProfileValues {
  name: string;
  bio: string;
  neighbourhood: string;
}

/**
 * The name others see, a few words about yourself and your neighbourhood. Posts to a server
 * action (so it works without JavaScript), which checks it with the shared zod schema; what
 * was typed comes back with any error, so nothing is lost.
 */
export function ProfileForm({ action, saved }: { action: (prev: ProfileState, data: FormData) => Promise<ProfileState>; saved: ProfileValues }) {
  const t = useTranslations("client-members.account.profile");
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? saved;
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const a11y = (id: string, name: keyof ProfileValues, hint: boolean) => ({
    id,
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": describedBy(id, { hint, error: errors[name] }),
  });
  return (
    <form key={JSON.stringify(values)} action={formAction} className="space-y-3" noValidate data-testid="profile-form">
      <Field id="profile-name" label={t("name")} hint={t("nameHint")} error={errors.name}>
        <Input {...a11y("profile-name", "name", true)} defaultValue={values.name} autoComplete="name" maxLength={80} required />
      </Field>
      <Field id="profile-bio" label={t("bio")} hint={t("bioHint")} error={errors.bio}>
        <Textarea {...a11y("profile-bio", "bio", true)} defaultValue={values.bio} maxLength={500} rows={3} />
      </Field>
      <Field id="profile-neighbourhood" label={t("neighbourhood")} hint={t("neighbourhoodHint")} error={errors.neighbourhood}>
        <Input {...a11y("profile-neighbourhood", "neighbourhood", true)} defaultValue={values.neighbourhood} maxLength={80} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending} data-testid="profile-save">{t("save")}</Button>
      {state ? <Alert tone={state.ok ? "success" : "error"} testId="profile-outcome">{state.ok ? state.data.message : state.message}</Alert> : null}
    </form>
  );
}
