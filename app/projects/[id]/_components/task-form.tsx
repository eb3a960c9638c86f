"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFieldFeedback } from "@/components/ui/use-field-feedback";
import { energyLevels } from "@/lib/labels";
import { taskInputSchema, type TaskFormValues, type TaskInput } from "@/lib/validation/project";
import type { TaskFormState } from "../actions";

type Action = (prev: TaskFormState, data: FormData) => Promise<TaskFormState>;

// The schema reads numbers and flags from text as forms send them, so it accepts more than
// the form's values (all text); it checks exactly those values here.
const resolver = zodResolver(taskInputSchema) as Resolver<TaskFormValues, unknown, TaskInput>;

/**
 * The one task editor, for adding a task to the board and for changing one. It posts to a
 * server action, so it works without JavaScript; with JavaScript the same zod schema checks
 * each field first, and errors the server finds (such as fewer places than people who have
 * claimed) are put back beside their fields. What was typed is kept on a refusal.
 */
export function TaskForm({ action, zone, defaultValues, mode }: { action: Action; zone: string; defaultValues: TaskFormValues; mode: "create" | "edit" }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="space-y-4">
      {state && !state.ok ? <Alert tone="error" testId="task-form-error">{state.message}</Alert> : null}
      {state?.ok && state.message ? <Alert tone="success" testId="task-form-ok">{state.message}</Alert> : null}
      {/* After a task is added the fields start afresh: a new key gives a new, empty form. */}
      <TaskFields key={state?.ok ? state.data.id : "task-form"} state={state} formAction={formAction} pending={pending} zone={zone} defaultValues={defaultValues} mode={mode} />
    </div>
  );
}

function TaskFields({
  state,
  formAction,
  pending,
  zone,
  defaultValues,
  mode,
}: {
  state: TaskFormState;
  formAction: (data: FormData) => void;
  pending: boolean;
  zone: string;
  defaultValues: TaskFormValues;
  mode: "create" | "edit";
}) {
  const t = useTranslations("client-groups.taskForm");
  const formRef = useRef<HTMLFormElement>(null);
  const initial: TaskFormValues = state && !state.ok && state.values ? state.values : defaultValues;
  const form = useForm<TaskFormValues, unknown, TaskInput>({ resolver, defaultValues: initial, mode: "onBlur" });
  const { err } = useFieldFeedback(form, state);
  // The value attributes are rendered too, so the form is filled in before (or without) JavaScript.
  const field = (name: keyof TaskFormValues, hint = false) => {
    const id = `task-${name}`;
    const v = initial[name];
    const value = typeof v === "boolean" ? { defaultChecked: v } : { defaultValue: v ?? "" };
    return { ...form.register(name), ...value, id, "aria-invalid": Boolean(err(name)), "aria-describedby": describedBy(id, { hint, error: err(name) }) };
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event);
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate data-testid="task-form">
      <Field id="task-title" label={t("title")} error={err("title")}>
        <Input {...field("title")} maxLength={120} />
      </Field>
      <Field id="task-description" label={t("description")} error={err("description")}>
        <Textarea {...field("description")} rows={3} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="task-placesNeeded" label={t("placesNeeded")} error={err("placesNeeded")}>
          <Input {...field("placesNeeded")} inputMode="numeric" />
        </Field>
        <Field id="task-effort" label={t("effort")} error={err("effort")}>
          <Select {...field("effort")}>
            {energyLevels.map((e) => (
              <option key={e} value={e}>{t(`energy.${e}`)}</option>
            ))}
          </Select>
        </Field>
        <Field id="task-estimatedHours" label={t("estimatedHours")} error={err("estimatedHours")}>
          <Input {...field("estimatedHours")} inputMode="decimal" />
        </Field>
      </div>
      <Checkbox {...field("fromHome")} label={t("fromHome")} data-testid="task-fromHome" />
      <Field id="task-dueOn" label={t("dueOn")} error={err("dueOn")}>
        <Input {...field("dueOn")} type="date" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="task-windowStartLocal" label={t("windowStart")} hint={t("zoneHint", { zone: zone.replaceAll("_", " ") })} error={err("windowStartLocal")}>
          <Input {...field("windowStartLocal", true)} type="datetime-local" />
        </Field>
        <Field id="task-windowEndLocal" label={t("windowEnd")} error={err("windowEndLocal")}>
          <Input {...field("windowEndLocal")} type="datetime-local" />
        </Field>
      </div>
      <Button type="submit" disabled={pending} data-testid="task-form-submit">
        {pending ? t("saving") : mode === "create" ? t("add") : t("save")}
      </Button>
    </form>
  );
}

/**
 * The "Add a task" panel. It opens by itself on an empty board, and stays as the organizer
 * left it while tasks are added (the page re-renders under it after every addition).
 */
export function AddTaskPanel({ initiallyOpen, children }: { initiallyOpen: boolean; children: React.ReactNode }) {
  const t = useTranslations("client-groups.taskForm");
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="rounded-xl border border-line bg-surface p-4" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold" data-testid="add-task-toggle">{t("addPanel")}</summary>
      <div className="mt-4">{children}</div>
    </details>
  );
}
