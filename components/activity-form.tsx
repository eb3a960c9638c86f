"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Markdown } from "@/components/markdown";
import { PlacePicker, type PlacePickerData } from "@/components/place-picker/place-picker";
import { ActivityHostField } from "./activity-host-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { useFieldFeedback } from "@/components/ui/use-field-feedback";
import type { ActionResult } from "@/lib/action-result";
import type { UiLocale } from "@/lib/i18n/locales";
import type { MapTiles } from "@/lib/map-tiles";
import { energyLevels, kinds, talkLevels } from "@/lib/labels";
import { activityInputSchema, clockChangeNotes, repeatOptions, startsInThePast, type ActivityFormValues, type ActivityInput } from "@/lib/validation/activity";

export type ActivityFormState = (ActionResult<{ id: string }> & { values?: Partial<ActivityFormValues> }) | null;
type Values = ActivityFormValues;

/**
 * The one activity editor, for creating and editing. It posts to a server action, so it
 * works without JavaScript; with JavaScript the same zod schema checks each field first,
 * and errors the server finds are put back beside their fields. What was typed is kept.
 */
export function ActivityForm({
  action,
  defaultValues,
  zones,
  mode,
  inSeries = false,
  projects = [],
  places = { offered: [], found: null, search: "" },
  tiles = null,
  hosts = [],
}: {
  action: (prev: ActivityFormState, data: FormData) => Promise<ActivityFormState>;
  defaultValues: Values;
  zones: string[];
  mode: "create" | "edit";
  inSeries?: boolean;
  /** The group's projects this activity may be a work day of. */
  projects?: { id: string; title: string }[];
  /** The places the picker offers (the group's and the hub's), and a search's results. */
  places?: PlacePickerData;
  /** Map tiles for dropping a pin, or null when maps are off. */
  tiles?: MapTiles | null;
  /** The group's organizers, one of whom hosts it. */
  hosts?: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("client-organize.activityForm");
  const label = useTranslations("labels");
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState(false);
  const initial: Values = { ...defaultValues, ...state?.values };
  const form = useForm<Values, unknown, ActivityInput>({
    resolver: zodResolver(activityInputSchema),
    defaultValues: initial,
    mode: "onBlur",
  });
  const { watch } = form;
  const { err, a11y } = useFieldFeedback(form, state);
  // The value attributes are rendered too, so the form is filled in before (or without) JavaScript.
  const register = (name: keyof Values) => {
    const v = initial[name];
    return typeof v === "boolean" ? { ...form.register(name), defaultChecked: v } : { ...form.register(name), defaultValue: v === undefined || v === null ? "" : String(v) };
  };

  const formError = state && !state.ok ? state.message : null;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event);
  };

  const when = { startsLocal: watch("startsLocal"), endsLocal: watch("endsLocal"), timezone: watch("timezone") };
  // What the organizer should know about the times typed: a time that happens twice, and a start already past.
  // In the page's own language, the same on the server and in the browser.
  const notes = clockChangeNotes(when, locale as UiLocale);
  const startedAlready = mode === "create" && (startsInThePast(when) || Boolean(state && !state.ok && state.fieldErrors?.startedOk));

  const zoneList = zones.includes(String(watch("timezone"))) ? zones : [String(watch("timezone")), ...zones];

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" data-testid="activity-form">
      {formError ? <Alert tone="error" testId="form-error">{formError}</Alert> : null}

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("what")}</legend>
        <Field id="kind" label={t("kind")} error={err("kind")}>
          <Select {...register("kind")} {...a11y("kind")}>
            {kinds.map((k) => (
              <option key={k} value={k}>{label(`kind.${k}`)}</option>
            ))}
          </Select>
        </Field>
        <Field id="title" label={t("title")} error={err("title")}>
          <Input {...register("title")} {...a11y("title")} maxLength={120} />
        </Field>
        {projects.length ? (
          <Field id="projectId" label={t("project")} hint={t("projectHint")} error={err("projectId")}>
            <Select {...register("projectId")} {...a11y("projectId", true)} data-testid="activity-project">
              <option value="">{t("noProject")}</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>{p.title}</option>
              ))}
            </Select>
          </Field>
        ) : null}
        <ActivityHostField hosts={hosts} control={{ ...register("hostId"), ...a11y("hostId", true) }} error={err("hostId")} />
        <div className="space-y-1">
          <div className="flex items-center justify-between">
            <label htmlFor="description" className="text-sm font-medium">{t("description")}</label>
            <button type="button" className="text-sm underline" onClick={() => setPreview((p) => !p)} aria-pressed={preview} data-testid="toggle-preview">
              {preview ? t("backToWriting") : t("preview")}
            </button>
          </div>
          <p id="description-hint" className="text-sm text-muted">{t("descriptionHint")}</p>
          <Textarea {...register("description")} {...a11y("description", true)} rows={8} className={preview ? "hidden" : undefined} />
          {preview ? (
            <div className="min-h-28 rounded-lg border border-line p-3" data-testid="description-preview">
              <Markdown source={String(watch("description") ?? "") || `_${t("nothingWritten")}_`} />
            </div>
          ) : null}
          {err("description") ? <p id="description-error" className="text-sm font-medium text-danger">{err("description")}</p> : null}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("when")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="startsLocal" label={t("starts")} error={err("startsLocal")}>
            <Input type="datetime-local" {...register("startsLocal")} {...a11y("startsLocal")} />
          </Field>
          <Field id="endsLocal" label={t("ends")} error={err("endsLocal")}>
            <Input type="datetime-local" {...register("endsLocal")} {...a11y("endsLocal")} />
          </Field>
        </div>
        {notes.map((note) => (
          <p key={note} className="rounded-lg border-l-4 border-line bg-surface p-3 text-sm" data-testid="clock-change-note">
            {note}
          </p>
        ))}
        {startedAlready ? (
          <div className="rounded-lg border-l-4 border-danger bg-danger-soft p-3 text-sm" data-testid="started-warning">
            <p id="startedOk-hint">{t("startedAlready")}</p>
            <Checkbox label={t("postAnyway")} name="startedOk" aria-describedby="startedOk-hint" data-testid="started-ok" />
          </div>
        ) : null}
        <Field id="timezone" label={t("timezone")} hint={t("timezoneHint")} error={err("timezone")}>
          <Select {...register("timezone")} {...a11y("timezone", true)}>
            {zoneList.map((z) => (
              <option key={z} value={z}>{t("zone", { zone: z.replaceAll("_", " ") })}</option>
            ))}
          </Select>
        </Field>
        <Field id="rsvpCutoffLocal" label={t("rsvpCutoff")} hint={t("rsvpCutoffHint")} error={err("rsvpCutoffLocal")}>
          <Input type="datetime-local" {...register("rsvpCutoffLocal")} {...a11y("rsvpCutoffLocal", true)} />
        </Field>
        {mode === "create" ? (
          <Field id="repeat" label={t("repeats")} error={err("repeat")}>
            <Select {...register("repeat")} {...a11y("repeat")}>
              {repeatOptions.map((r) => (
                <option key={r} value={r}>{t(`repeat.${r}`)}</option>
              ))}
            </Select>
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("where")}</legend>
        <PlacePicker form={form} field={register} err={err} a11y={a11y} places={places} tiles={tiles} />
        <Field id="onlineUrl" label={t("onlineUrl")} error={err("onlineUrl")}>
          <Input type="url" {...register("onlineUrl")} {...a11y("onlineUrl")} placeholder={t("onlineUrlPlaceholder")} />
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("asks")}</legend>
        <Field id="capacity" label={t("capacity")} hint={t("capacityHint")} error={err("capacity")}>
          <Input type="number" min={1} inputMode="numeric" {...register("capacity")} {...a11y("capacity", true)} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="energyLevel" label={t("energy")} error={err("energyLevel")}>
            <Select {...register("energyLevel")} {...a11y("energyLevel")}>
              {energyLevels.map((l) => (
                <option key={l} value={l}>{label(`energy.${l}`)}</option>
              ))}
            </Select>
          </Field>
          <Field id="talkLevel" label={t("talk")} error={err("talkLevel")}>
            <Select {...register("talkLevel")} {...a11y("talkLevel")}>
              {talkLevels.map((l) => (
                <option key={l} value={l}>{label(`talk.${l}`)}</option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="grid gap-1 sm:grid-cols-2">
          <Checkbox label={label("accessibility.step_free")} {...register("stepFree")} />
          <Checkbox label={label("accessibility.seating")} {...register("seatingAvailable")} />
          <Checkbox label={label("accessibility.quiet_space")} {...register("quietSpace")} />
          <Checkbox label={t("substanceFree")} {...register("substanceFree")} />
          <Checkbox label={t("firstTimerFriendly")} {...register("firstTimerFriendly")} />
          <Checkbox label={t("lateArrivalOk")} {...register("lateArrivalOk")} />
        </div>
      </fieldset>

      {mode === "edit" && inSeries ? (
        <fieldset className="space-y-2">
          <legend className="text-lg font-semibold">{t("applyTo")}</legend>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="scope" value="this" defaultChecked className="h-5 w-5" data-testid="scope-this" /> {t("thisOnly")}
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="scope" value="following" className="h-5 w-5" data-testid="scope-following" /> {t("thisAndFollowing")}
          </label>
        </fieldset>
      ) : null}

      <Button type="submit" disabled={pending} data-testid="activity-submit">
        {pending ? t("saving") : mode === "create" ? t("create") : t("save")}
      </Button>
    </form>
  );
}
