"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Markdown } from "@/components/markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFieldFeedback } from "@/components/ui/use-field-feedback";
import type { ActionResult } from "@/lib/action-result";
import { projectInputSchema, projectStatuses, type ProjectFormValues, type ProjectInput } from "@/lib/validation/project";

export type ProjectFormState = (ActionResult<{ id: string }> & { values?: Partial<ProjectFormValues> }) | null;
type Values = ProjectFormValues;

/**
 * The one project editor, for starting, editing, completing and reopening a project. Like
 * the activity editor it posts to a server action, so it works without JavaScript; with
 * JavaScript the same zod schema checks each field first. What was typed is kept.
 */
export function ProjectForm({ action, defaultValues, mode }: { action: (prev: ProjectFormState, data: FormData) => Promise<ProjectFormState>; defaultValues: Values; mode: "create" | "edit" }) {
  const t = useTranslations("client-groups.projectForm");
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState(false);
  const initial: Values = { ...defaultValues, ...state?.values };
  const form = useForm<Values, unknown, ProjectInput>({ resolver: zodResolver(projectInputSchema), defaultValues: initial, mode: "onBlur" });
  const { watch } = form;
  const { err, a11y } = useFieldFeedback(form, state);
  // The value attributes are rendered too, so the form is filled in before (or without) JavaScript.
  const register = (name: keyof Values) => {
    const v = initial[name];
    return { ...form.register(name), defaultValue: v === undefined || v === null ? "" : String(v) };
  };
  const formError = state && !state.ok ? state.message : null;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event);
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" data-testid="project-form">
      {formError ? <Alert tone="error" testId="form-error">{formError}</Alert> : null}
      <Field id="title" label={t("title")} error={err("title")}>
        <Input {...register("title")} {...a11y("title")} maxLength={120} />
      </Field>
      <Field id="goal" label={t("goal")} hint={t("goalHint")} error={err("goal")}>
        <Input {...register("goal")} {...a11y("goal", true)} maxLength={300} />
      </Field>
      <div className="space-y-1">
        <div className="flex items-center justify-between">
          <label htmlFor="description" className="text-sm font-medium">{t("description")}</label>
          <button type="button" className="text-sm underline" onClick={() => setPreview((p) => !p)} aria-pressed={preview} data-testid="toggle-preview">
            {preview ? t("backToWriting") : t("preview")}
          </button>
        </div>
        <p id="description-hint" className="text-sm text-muted">{t("markdownHint")}</p>
        <Textarea {...register("description")} {...a11y("description", true)} rows={8} className={preview ? "hidden" : undefined} />
        {preview ? (
          <div className="min-h-28 rounded-lg border border-line p-3" data-testid="description-preview">
            <Markdown source={String(watch("description") ?? "") || `_${t("nothingYet")}_`} />
          </div>
        ) : null}
        {err("description") ? <p id="description-error" className="text-sm font-medium text-danger">{err("description")}</p> : null}
      </div>
      <Field id="status" label={t("status")} hint={t("statusHint")} error={err("status")}>
        <Select {...register("status")} {...a11y("status", true)}>
          {projectStatuses.map((s) => (
            <option key={s} value={s}>{t(`statuses.${s}`)}</option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="startsOn" label={t("startsOn")} error={err("startsOn")}>
          <Input type="date" {...register("startsOn")} {...a11y("startsOn")} />
        </Field>
        <Field id="endsOn" label={t("endsOn")} error={err("endsOn")}>
          <Input type="date" {...register("endsOn")} {...a11y("endsOn")} />
        </Field>
      </div>
      <Button type="submit" disabled={pending} data-testid="project-submit">
        {pending ? t("saving") : mode === "create" ? t("start") : t("save")}
      </Button>
    </form>
  );
}
