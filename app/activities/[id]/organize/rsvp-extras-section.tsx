import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { answerText, type RsvpQuestion } from "@/lib/rsvp-questions";
import type { RsvpExtrasRow } from "@/db/queries/rsvp-extras";
import { RsvpQuestionsForm } from "./rsvp-questions-form";
import { setRsvpQuestionsAction } from "./question-actions";

/**
 * The organizer view's part for questions on RSVP and "Still coming?": who confirmed from the
 * reminder, everyone's answers, and the form to set the questions (while the activity is ahead).
 */
export async function RsvpExtrasSection({ activityId, questions, rows, zone, canEdit, hasSlots }: { activityId: string; questions: RsvpQuestion[]; rows: RsvpExtrasRow[]; zone: string; canEdit: boolean; hasSlots: boolean }) {
  const going = rows.filter((r) => r.status === "going");
  const confirmed = going.filter((r) => r.stillComingAt);
  const answered = rows.filter((r) => (r.status === "going" || r.status === "waitlisted") && questions.some((q) => r.answers[q.id]));
  const [t, locale] = await Promise.all([getTranslations("organize.extras"), getLocale() as Promise<UiLocale>]);
  // A yes-or-no answer is stored as "yes" or "no" and shown in the page's language; other answers are the member's own words.
  const shown = (q: RsvpQuestion, answer: string | undefined) => (q.kind === "yes_no" && answer ? t(answer === "yes" ? "yes" : "no") : answerText(q, answer));
  return (
    <>
      <section aria-labelledby="still-coming-heading" className="space-y-2">
        <h2 id="still-coming-heading" className="text-xl font-semibold">{t("stillComing", { confirmed: confirmed.length, going: going.length })}</h2>
        <p className="text-sm text-muted">{t("stillComingFrom")}</p>
        {confirmed.length === 0 ? <p className="text-sm text-muted">{t("nobody")}</p> : null}
        <ul className="divide-y divide-line" data-testid="still-coming-list">
          {confirmed.map((r) => (
            <li key={r.userId} className="py-1" data-testid={`still-coming-${r.userId}`}>
              {r.name} <span className="text-sm text-muted">{t("saidAt", { time: formatTime(r.stillComingAt!, zone, locale) })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rsvp-answers-heading" className="space-y-2">
        <h2 id="rsvp-answers-heading" className="text-xl font-semibold">{t("answers", { count: answered.length })}</h2>
        {questions.length === 0 ? <p className="text-sm text-muted">{t("noQuestions")}</p> : null}
        {questions.length > 0 && answered.length === 0 ? <p className="text-sm text-muted">{t("noAnswers")}</p> : null}
        {answered.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="rsvp-answers">
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3">{t("who")}</th>
                  {questions.map((q) => (
                    <th key={q.id} scope="col" className="py-1 pr-3">{q.prompt}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {answered.map((r) => (
                  <tr key={r.userId} className="border-t border-line" data-testid={`rsvp-answers-${r.userId}`}>
                    <th scope="row" className="py-1 pr-3 font-medium">{r.status === "waitlisted" ? t("onWaitlist", { name: r.name }) : r.name}</th>
                    {questions.map((q) => (
                      <td key={q.id} className="py-1 pr-3">{shown(q, r.answers[q.id])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {canEdit && hasSlots ? (
          <p className="text-sm text-muted" data-testid="questions-with-slots">{t("withSlots")}</p>
        ) : null}
        {canEdit && !hasSlots ? (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">{t("askedHeading")}</h3>
            <p className="text-sm text-muted">{t("askedIntro")}</p>
            <RsvpQuestionsForm action={setRsvpQuestionsAction} activityId={activityId} questions={questions} />
          </div>
        ) : null}
      </section>
    </>
  );
}
