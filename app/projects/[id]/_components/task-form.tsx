"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { energyLabel, energyLevels } from "@/lib/labels";
import { newTaskValues } from "@/lib/validation/project";
import type { TaskFormState } from "../actions";

/**
 * Adds a task to the board. A plain form posting to a server action, so it works without
 * JavaScript; the server's field errors appear beside their fields and what was typed is kept.
 */
export function TaskForm({ action, zone }: { action: (prev: TaskFormState, data: FormData) => Promise<TaskFormState>; zone: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  // After a success the form starts empty again; after a refusal it keeps what was typed.
  const v = state && !state.ok && state.values ? state.values : newTaskValues();
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const a11y = (name: string, hint = false) => ({
    id: `task-${name}`,
    name,
    "aria-invalid": Boolean(err(name)),
    "aria-describedby": [hint ? `task-${name}-hint` : null, err(name) ? `task-${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  return (
    <form action={formAction} key={state?.ok ? JSON.stringify(state.data) : "task-form"} className="space-y-4" noValidate data-testid="task-form">
      {state && !state.ok ? <Alert tone="error" testId="task-form-error">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success" testId="task-form-ok">{state.message}</Alert> : null}
      <Field id="task-title" label="Task" error={err("title")}>
        <Input {...a11y("title")} defaultValue={v.title} maxLength={120} />
      </Field>
      <Field id="task-description" label="What it involves (optional)" error={err("description")}>
        <Textarea {...a11y("description")} defaultValue={v.description} rows={3} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="task-placesNeeded" label="People needed" error={err("placesNeeded")}>
          <Input {...a11y("placesNeeded")} inputMode="numeric" defaultValue={v.placesNeeded} />
        </Field>
        <Field id="task-effort" label="Effort" error={err("effort")}>
          <Select {...a11y("effort")} defaultValue={v.effort}>
            {energyLevels.map((e) => (
              <option key={e} value={e}>{energyLabel[e]}</option>
            ))}
          </Select>
        </Field>
        <Field id="task-estimatedHours" label="Estimated hours (optional)" error={err("estimatedHours")}>
          <Input {...a11y("estimatedHours")} inputMode="decimal" defaultValue={v.estimatedHours} />
        </Field>
      </div>
      <Checkbox name="fromHome" defaultChecked={v.fromHome} label="Can be done from home" data-testid="task-fromHome" />
      <Field id="task-dueOn" label="Due date (optional)" error={err("dueOn")}>
        <Input {...a11y("dueOn")} type="date" defaultValue={v.dueOn} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="task-windowStartLocal" label="Time window starts (optional)" hint={`In ${zone.replaceAll("_", " ")} time.`} error={err("windowStartLocal")}>
          <Input {...a11y("windowStartLocal", true)} type="datetime-local" defaultValue={v.windowStartLocal} />
        </Field>
        <Field id="task-windowEndLocal" label="Time window ends (optional)" error={err("windowEndLocal")}>
          <Input {...a11y("windowEndLocal")} type="datetime-local" defaultValue={v.windowEndLocal} />
        </Field>
      </div>
      <Button type="submit" disabled={pending} data-testid="task-form-submit">Add the task</Button>
    </form>
  );
}

/**
 * The "Add a task" panel. It opens by itself on an empty board, and stays as the organizer
 * left it while tasks are added (the page re-renders under it after every addition).
 */
export function AddTaskPanel({ initiallyOpen, children }: { initiallyOpen: boolean; children: React.ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="rounded-xl border border-line bg-surface p-4" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold" data-testid="add-task-toggle">Add a task</summary>
      <div className="mt-4">{children}</div>
    </details>
  );
}
