"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFieldFeedback } from "@/components/ui/use-field-feedback";
import type { ActionResult } from "@/lib/action-result";
import { groupInputSchema, type GroupFormValues, type GroupInput } from "@/lib/validation/group";

export type GroupFormState = (ActionResult<unknown> & { values?: Partial<GroupFormValues> }) | null;
type Values = GroupFormValues;
type Visibility = "public" | "private";

/**
 * The one group form, for starting a group and for its settings. It posts to a server
 * action, so it works without JavaScript; with JavaScript the same zod schema checks each
 * field first, and errors the server finds are put back beside their fields. What was
 * typed is kept.
 */
export function GroupForm({
  action,
  defaultValues,
  mode,
  visibilityChoices = ["public", "private"],
  visibilityHint,
}: {
  action: (prev: GroupFormState, data: FormData) => Promise<GroupFormState>;
  defaultValues: Values;
  mode: "create" | "edit";
  /** The visibilities this person may choose; in settings that depends on the group and their role. */
  visibilityChoices?: Visibility[];
  visibilityHint?: string;
}) {
  const t = useTranslations("client-groups.groupForm");
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const initial: Values = { ...defaultValues, ...state?.values };
  const form = useForm<Values, unknown, GroupInput>({ resolver: zodResolver(groupInputSchema), defaultValues: initial, mode: "onBlur" });
  const { err, a11y } = useFieldFeedback(form, state);
  // The values are rendered too, so the form is filled in before (or without) JavaScript.
  const register = (name: keyof Values) => ({ ...form.register(name), defaultValue: initial[name] ?? "" });


  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event);
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate data-testid="group-form">
      {state && !state.ok ? <Alert tone="error" testId="form-error">{state.message}</Alert> : null}
      <Field id="name" label={t("name")} error={err("name")}>
        <Input {...register("name")} {...a11y("name")} maxLength={80} required />
      </Field>
      <Field id="about" label={t("about")} hint={t("aboutHint")} error={err("about")}>
        <Textarea {...register("about")} {...a11y("about", true)} />
      </Field>
      <Field
        id="agreements"
        label={t("agreements")}
        hint={
          mode === "edit"
            ? t("agreementsHintEdit")
            : t("agreementsHint")
        }
        error={err("agreements")}
      >
        <Textarea {...register("agreements")} {...a11y("agreements", true)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="visibility" label={t("visibility")} hint={visibilityHint} error={err("visibility")}>
          <Select {...register("visibility")} {...a11y("visibility", Boolean(visibilityHint))}>
            {visibilityChoices.map((v) => (
              <option key={v} value={v}>{t(`visibilityChoice.${v}`)}</option>
            ))}
          </Select>
        </Field>
        <Field
          id="joinPolicy"
          label={t("joinPolicy")}
          hint={mode === "edit" ? t("joinPolicyHintEdit") : undefined}
          error={err("joinPolicy")}
        >
          <Select {...register("joinPolicy")} {...a11y("joinPolicy", mode === "edit")}>
            <option value="open">{t("joinOpen")}</option>
            <option value="approval">{t("joinApproval")}</option>
          </Select>
        </Field>
      </div>
      <Field id="guestRsvps" label={t("guests")} hint={t("guestsHint")} error={err("guestRsvps")}>
        <Select {...register("guestRsvps")} {...a11y("guestRsvps", true)} data-testid="group-guest-rsvps">
          <option value="on">{t("guestsOn")}</option>
          <option value="off">{t("guestsOff")}</option>
        </Select>
      </Field>
      <Field id="neighbourhood" label={t("neighbourhood")} error={err("neighbourhood")}>
        <Input {...register("neighbourhood")} {...a11y("neighbourhood")} maxLength={80} />
      </Field>
      {mode === "create" ? (
        <Button type="submit" disabled={pending} data-testid="create-group">{pending ? t("starting") : t("start")}</Button>
      ) : (
        <Button type="submit" disabled={pending} data-testid="save-group">{pending ? t("saving") : t("save")}</Button>
      )}
    </form>
  );
}
