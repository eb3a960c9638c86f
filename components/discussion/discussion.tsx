import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { blockCommentAuthorAction, editCommentAction, postCommentAction, removeCommentAction } from "./actions";
import { Markdown } from "@/components/markdown";
import { ReportLink } from "@/components/report-link";
import type { CommentView } from "@/db/queries/comments";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { CommentButton, CommentEditForm, CommentForm } from "./comment-forms";
import { BlockAuthorButton, BlockOutcome } from "./comment-menu";

/**
 * The discussion under an activity or a project: the thread, and the form to post. Names
 * are shown to signed-in members; a removed comment keeps its place, without its words.
 * Someone else's comment has a quiet "More" menu (Report, Block this person) that names the
 * comment, never its author; an organizer's Remove asks once more before it acts.
 */
export async function Discussion({
  target,
  comments,
  viewer,
  canModerate,
  returnTo,
  zone = "Europe/London",
}: {
  target: { activityId: string } | { projectId: string };
  comments: CommentView[];
  viewer: { id: string } | null;
  canModerate: boolean;
  returnTo: string;
  zone?: string;
}) {
  const targetKind = "activityId" in target ? "activity" : "project";
  const targetId = "activityId" in target ? target.activityId : target.projectId;
  const [t, locale] = await Promise.all([getTranslations("discussion"), getLocale() as Promise<UiLocale>]);
  return (
    <section aria-labelledby="discussion-heading" className="space-y-3" id="discussion" data-testid="discussion">
      <h2 id="discussion-heading" className="text-xl font-semibold">{t("title")}</h2>
      {comments.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      <BlockOutcome action={blockCommentAuthorAction}>
        <ol className="space-y-3">
          {comments.map((c) => (
            <li key={c.id} id={`comment-${c.id}`} className="space-y-1 rounded-xl border border-line bg-surface p-3" data-testid="comment">
              {c.removed ? (
                <p className="text-sm italic text-muted" data-testid="comment-removed">{t("removed")}</p>
              ) : (
                <>
                  <p className="text-sm text-muted">
                    {t.rich("meta", {
                      name: c.mine ? t("you") : (c.authorName ?? t("aMember")),
                      day: formatDay(c.createdAt, zone, locale),
                      time: formatTime(c.createdAt, zone, locale),
                      edited: c.editedAt ? "yes" : "no",
                      who: (chunks) => <span className="font-semibold text-ink">{chunks}</span>,
                      when: (chunks) => <time dateTime={c.createdAt.toISOString()}>{chunks}</time>,
                    })}
                  </p>
                  <Markdown source={c.body ?? ""} className="text-sm" />
                  <div className="flex flex-wrap items-start gap-2">
                    {c.editableUntil ? <CommentEditForm action={editCommentAction} commentId={c.id} body={c.body ?? ""} until={formatTime(c.editableUntil, zone, locale)} /> : null}
                    {c.mine ? <CommentButton action={removeCommentAction} commentId={c.id} label={t("delete")} testId="comment-delete" /> : null}
                    {!c.mine && canModerate ? (
                      <details className="text-sm" data-testid="comment-remove">
                        <summary className="inline-flex min-h-11 cursor-pointer items-center px-2 font-semibold">{t("remove")}</summary>
                        <div className="mt-1 space-y-1 rounded-lg border border-line p-2">
                          <p>{t("removeAsk")}</p>
                          <CommentButton action={removeCommentAction} commentId={c.id} label={t("removeYes")} testId="comment-hide" />
                        </div>
                      </details>
                    ) : null}
                    {viewer && !c.mine ? (
                      <details className="text-sm" data-testid="comment-menu">
                        <summary className="inline-flex min-h-11 cursor-pointer items-center px-2 text-muted">{t("more")}</summary>
                        <div className="mt-1 flex flex-col items-start gap-1 rounded-lg border border-line p-2">
                          <span className="px-2 py-1"><ReportLink type="comment" id={c.id} label={c.authorName ? t("report", { name: c.authorName }) : t("reportUnnamed")} /></span>
                          <BlockAuthorButton commentId={c.id} />
                        </div>
                      </details>
                    ) : null}
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      </BlockOutcome>
      {viewer ? (
        <CommentForm action={postCommentAction} targetKind={targetKind} targetId={targetId} />
      ) : (
        <p className="text-sm">
          <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`${returnTo}#discussion`)}`}>{t("signIn")}</Link>
        </p>
      )}
    </section>
  );
}
