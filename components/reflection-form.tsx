import { reflectOnActivityAction } from "./reflection-actions";
import { ActionForm } from "./action-form";
import { Button } from "./ui/button";
import { Field, Textarea } from "./ui/field";

const FEELINGS = [
  { value: "drained", label: "Drained" },
  { value: "ok", label: "OK" },
  { value: "lifted", label: "Lifted" },
] as const;

/** The one-tap private reflection: each answer is its own submit button; the note is optional. */
export function ReflectionForm({ activityId, title, current, idPrefix, fromHome = false }: { activityId: string; title: string; current?: { feeling: string; note: string } | null; idPrefix: string; fromHome?: boolean }) {
  const noteId = `${idPrefix}-note`;
  return (
    <ActionForm action={reflectOnActivityAction} className="space-y-2" testId="reflection-form">
      <input type="hidden" name="activityId" value={activityId} />
      {fromHome ? <input type="hidden" name="from" value="home" /> : null}
      <p className="font-medium" id={`${idPrefix}-question`}>
        How did {title} leave you?
      </p>
      <Field id={noteId} label="A note, if you like (only you will see it)">
        <Textarea id={noteId} name="note" maxLength={1000} defaultValue={current?.note ?? ""} className="min-h-16" data-testid="reflection-note" />
      </Field>
      <div className="flex flex-wrap gap-2" role="group" aria-labelledby={`${idPrefix}-question`}>
        {FEELINGS.map((f) => (
          <Button key={f.value} type="submit" name="feeling" value={f.value} variant={current?.feeling === f.value ? "primary" : "secondary"} aria-pressed={current?.feeling === f.value} data-testid={`reflect-${f.value}`}>
            {f.label}
          </Button>
        ))}
      </div>
    </ActionForm>
  );
}
