import { useTranslations } from "next-intl";
import { describedBy, Field, Input } from "@/components/ui/field";
import { answerField, MAX_ANSWER, type RsvpAnswers, type RsvpQuestion } from "@/lib/rsvp-question-shape";

/**
 * The organizers' questions inside the RSVP form, answered with "Going" (and changed the same
 * way later). Each refusal shows beside its own question. Only the organizers see the answers.
 */
export function RsvpQuestionFields({ questions, answers, errors }: { questions: RsvpQuestion[]; answers: RsvpAnswers; errors: Record<string, string> }) {
  const t = useTranslations("client-visit.questions");
  if (questions.length === 0) return null;
  return (
    <fieldset className="space-y-3" data-testid="rsvp-questions">
      <legend className="text-sm font-semibold">{t("legend")}</legend>
      <input type="hidden" name="answers" value="1" />
      <p className="text-sm text-muted">{t("private")}</p>
      {questions.map((q) => {
        const id = `answer-${q.id}`;
        const name = answerField(q.id);
        const error = errors[name];
        const label = t(q.required ? "needed" : "optional", { prompt: q.prompt });
        if (q.kind === "text")
          return (
            <Field key={q.id} id={id} label={label} error={error}>
              <Input id={id} name={name} defaultValue={answers[q.id] ?? ""} maxLength={MAX_ANSWER} aria-invalid={Boolean(error)} aria-describedby={describedBy(id, { error })} data-testid={`rsvp-answer-${q.id}`} />
            </Field>
          );
        const options = q.kind === "yes_no" ? [{ value: "yes", label: t("yes") }, { value: "no", label: t("no") }] : q.choices.map((c) => ({ value: c, label: c }));
        return (
          <fieldset key={q.id} className="space-y-1" aria-describedby={error ? `${id}-error` : undefined} data-testid={`rsvp-answer-${q.id}`}>
            <legend className="text-sm font-medium">{label}</legend>
            <div className="flex flex-wrap gap-x-4">
              {options.map((o, i) => (
                <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="radio" name={name} value={o.value} defaultChecked={answers[q.id] === o.value} className="h-5 w-5 accent-[var(--color-brand)]" data-testid={`rsvp-answer-${q.id}-${i}`} />
                  <span>{o.label}</span>
                </label>
              ))}
            </div>
            {error ? (
              <p id={`${id}-error`} className="text-sm font-medium text-danger" data-testid={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
}
