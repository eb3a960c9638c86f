import { formatTime } from "@/lib/dates";
import { answerText, type RsvpQuestion } from "@/lib/rsvp-questions";
import type { RsvpExtrasRow } from "@/db/queries/rsvp-extras";
import { RsvpQuestionsForm } from "./rsvp-questions-form";
import { setRsvpQuestionsAction } from "./question-actions";

/**
 * The organizer view's part for questions on RSVP and "Still coming?": who confirmed from the
 * reminder, everyone's answers, and the form to set the questions (while the activity is ahead).
 */
export function RsvpExtrasSection({ activityId, questions, rows, zone, canEdit, hasSlots }: { activityId: string; questions: RsvpQuestion[]; rows: RsvpExtrasRow[]; zone: string; canEdit: boolean; hasSlots: boolean }) {
  const going = rows.filter((r) => r.status === "going");
  const confirmed = going.filter((r) => r.stillComingAt);
  const answered = rows.filter((r) => (r.status === "going" || r.status === "waitlisted") && questions.some((q) => r.answers[q.id]));
  return (
    <>
      <section aria-labelledby="still-coming-heading" className="space-y-2">
        <h2 id="still-coming-heading" className="text-xl font-semibold">Said they&apos;re still coming ({confirmed.length} of {going.length})</h2>
        <p className="text-sm text-muted">From the day-before reminder&apos;s “Yes, I&apos;m coming”.</p>
        {confirmed.length === 0 ? <p className="text-sm text-muted">Nobody yet.</p> : null}
        <ul className="divide-y divide-line" data-testid="still-coming-list">
          {confirmed.map((r) => (
            <li key={r.userId} className="py-1" data-testid={`still-coming-${r.userId}`}>
              {r.name} <span className="text-sm text-muted">· said so at {formatTime(r.stillComingAt!, zone)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rsvp-answers-heading" className="space-y-2">
        <h2 id="rsvp-answers-heading" className="text-xl font-semibold">Answers to your questions ({answered.length})</h2>
        {questions.length === 0 ? <p className="text-sm text-muted">This activity asks no questions on RSVP.</p> : null}
        {questions.length > 0 && answered.length === 0 ? <p className="text-sm text-muted">No answers yet.</p> : null}
        {answered.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="rsvp-answers">
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3">Who</th>
                  {questions.map((q) => (
                    <th key={q.id} scope="col" className="py-1 pr-3">{q.prompt}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {answered.map((r) => (
                  <tr key={r.userId} className="border-t border-line" data-testid={`rsvp-answers-${r.userId}`}>
                    <th scope="row" className="py-1 pr-3 font-medium">{r.name}{r.status === "waitlisted" ? " (waitlist)" : ""}</th>
                    {questions.map((q) => (
                      <td key={q.id} className="py-1 pr-3">{answerText(q, r.answers[q.id])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {canEdit && hasSlots ? (
          <p className="text-sm text-muted" data-testid="questions-with-slots">
            People take places in this activity through its time slots, where questions on RSVP aren&apos;t asked: an activity has either time slots or questions, not both.
          </p>
        ) : null}
        {canEdit && !hasSlots ? (
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">Questions asked on RSVP</h3>
            <p className="text-sm text-muted">Members answer them when they say they&apos;re going, and can change their answers later. Guests aren&apos;t asked.</p>
            <RsvpQuestionsForm action={setRsvpQuestionsAction} activityId={activityId} questions={questions} />
          </div>
        ) : null}
      </section>
    </>
  );
}
