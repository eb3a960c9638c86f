import { getTranslations } from "@/lib/i18n/translations";
import { reflectOnActivityAction } from "./reflection-actions";
import { ActionForm } from "./action-form";
import { Button } from "./ui/button";
import { Field, Textarea } from "./ui/field";

const FEELINGS = ["drained", "ok", "lifted"] as const;

/**
 * The one-tap private reflection: each answer is its own submit button; the note is optional.
 * Without a `title`, the question is about "this activity" (the activity's own page).
 */
export async function ReflectionForm({ activityId, title, current, idPrefix, fromHome = false }: { activityId: string; title?: string; current?: { feeling: string; note: string } | null; idPrefix: string; fromHome?: boolean }) {
  const t = await getTranslations("home.reflection");
  const noteId = `${idPrefix}-note`;
  return (
    <ActionForm action={reflectOnActivityAction} className="space-y-2" testId="reflection-form">
      <input type="hidden" name="activityId" value={activityId} />
      {fromHome ? <input type="hidden" name="from" value="home" /> : null}
      <p className="font-medium" id={`${idPrefix}-question`}>
        {title === undefined ? t("thisActivity") : t("question", { title })}
      </p>
      <Field id={noteId} label={t("note")}>
        <Textarea id={noteId} name="note" maxLength={1000} defaultValue={current?.note ?? ""} className="min-h-16" data-testid="reflection-note" />
      </Field>
      <div className="flex flex-wrap gap-2" role="group" aria-labelledby={`${idPrefix}-question`}>
        {FEELINGS.map((f) => (
          <Button key={f} type="submit" name="feeling" value={f} variant={current?.feeling === f ? "primary" : "secondary"} aria-pressed={current?.feeling === f} data-testid={`reflect-${f}`}>
            {t(f)}
          </Button>
        ))}
      </div>
    </ActionForm>
  );
}
