import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { ActionForm } from "@/components/action-form";
import { ReportLink } from "@/components/report-link";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { QuestionThread } from "@/db/queries/questions";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { replyToQuestionAction } from "./actions";

/** One private thread between a member and a group's organizers, with the reply form. */
export async function QuestionThreadView({ thread, viewerId, zone }: { thread: QuestionThread; viewerId: string; zone: string }) {
  const [t, locale] = await Promise.all([getTranslations("questions.thread"), getLocale() as Promise<UiLocale>]);
  const when = (d: Date) => `${formatDay(d, zone, locale)}, ${formatTime(d, zone, locale)}`;
  return (
    <div className="space-y-4">
      <ol className="space-y-3" data-testid="question-thread">
        {thread.messages.map((m) => {
          const who = m.fromOrganizers ? t("organizer", { name: m.authorName ?? t("anOrganizer") }) : m.authorId === viewerId ? t("you") : (m.authorName ?? t("formerMember"));
          return (
            <li key={m.id} className="rounded-xl border border-line bg-surface p-3" data-testid="question-message">
              <p className="text-sm text-muted">
                {t.rich("meta", { name: m.authorId === viewerId ? t("you") : who, when: when(m.createdAt), who: (chunks) => <span className="font-medium text-ink">{chunks}</span> })}
              </p>
              {m.hidden ? <p className="italic text-muted">{t("hidden")}</p> : <p className="whitespace-pre-wrap">{m.body}</p>}
              {!m.hidden && m.authorId !== viewerId ? <ReportLink type="question" id={m.id} label={t("report")} /> : null}
            </li>
          );
        })}
      </ol>
      <ActionForm action={replyToQuestionAction} testId="reply-form" fieldLabels={{ body: t("reply") }} className="space-y-3">
        <input type="hidden" name="questionId" value={thread.id} />
        <Field id="reply-body" label={t("reply")}>
          <Textarea id="reply-body" name="body" required maxLength={2000} rows={3} data-testid="reply-body" />
        </Field>
        <Button type="submit" data-testid="reply-submit">
          {t("send")}
        </Button>
      </ActionForm>
    </div>
  );
}
