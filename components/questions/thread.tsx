import { ActionForm } from "@/components/action-form";
import { ReportLink } from "@/components/report-link";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { QuestionThread } from "@/db/queries/questions";
import { replyToQuestionAction } from "./actions";

const when = (d: Date, zone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(d);

/** One private thread between a member and a group's organizers, with the reply form. */
export function QuestionThreadView({ thread, viewerId, zone }: { thread: QuestionThread; viewerId: string; zone: string }) {
  return (
    <div className="space-y-4">
      <ol className="space-y-3" data-testid="question-thread">
        {thread.messages.map((m) => {
          const who = m.fromOrganizers ? `${m.authorName ?? "An organizer"} (organizer)` : m.authorId === viewerId ? "You" : (m.authorName ?? "A former member");
          return (
            <li key={m.id} className="rounded-xl border border-line bg-surface p-3" data-testid="question-message">
              <p className="text-sm text-muted">
                <span className="font-medium text-ink">{m.authorId === viewerId ? "You" : who}</span> · {when(m.createdAt, zone)}
              </p>
              {m.hidden ? <p className="italic text-muted">This message was hidden by a moderator.</p> : <p className="whitespace-pre-wrap">{m.body}</p>}
              {!m.hidden && m.authorId !== viewerId ? <ReportLink type="question" id={m.id} label="Report this message" /> : null}
            </li>
          );
        })}
      </ol>
      <ActionForm action={replyToQuestionAction} testId="reply-form" fieldLabels={{ body: "Your reply" }} className="space-y-3">
        <input type="hidden" name="questionId" value={thread.id} />
        <Field id="reply-body" label="Your reply">
          <Textarea id="reply-body" name="body" required maxLength={2000} rows={3} data-testid="reply-body" />
        </Field>
        <Button type="submit" data-testid="reply-submit">
          Send
        </Button>
      </ActionForm>
    </div>
  );
}
