"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { CommentActionState, CommentFormState } from "./actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { accusingOpening } from "@/lib/kind-words";

/**
 * The comment box. Without JavaScript the server answers an accusing opening with the
 * suggestion, the words kept and a "post as it is" button; with JavaScript the same
 * suggestion appears while typing. Either way posting is never blocked.
 */
export function CommentForm({ action, targetKind, targetId }: { action: (prev: CommentFormState, data: FormData) => Promise<CommentFormState>; targetKind: "activity" | "project"; targetId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  // A fresh box after each post; after a refusal or a suggestion the words are kept.
  return <CommentBox key={state?.ok ? state.data.id : "comment-form"} state={state} formAction={formAction} pending={pending} targetKind={targetKind} targetId={targetId} />;
}

function CommentBox({ state, formAction, pending, targetKind, targetId }: { state: CommentFormState; formAction: (data: FormData) => void; pending: boolean; targetKind: string; targetId: string }) {
  const t = useTranslations("client-groups.comments");
  const kept = state && !state.ok ? (state.body ?? "") : "";
  const [text, setText] = useState<string | null>(null);
  const current = text ?? kept;
  const live = accusingOpening(current);
  // Once the words change, only what they say now decides whether the suggestion shows.
  const suggestion = live ? t("kindWords.suggestion", { found: live }) : text === null && state && !state.ok ? state.suggestion?.text : undefined;
  const error = state && !state.ok && !state.suggestion ? state.message : null;
  return (
    <form
      action={formAction}
      className="space-y-2"
      data-testid="comment-form"
    >
      <input type="hidden" name="targetKind" value={targetKind} />
      <input type="hidden" name="targetId" value={targetId} />
      <label htmlFor="comment-body" className="block text-sm font-medium">{t("add")}</label>
      <p id="comment-body-hint" className="text-sm text-muted">{t("markdownHint")}</p>
      <Textarea
        id="comment-body"
        name="body"
        rows={4}
        maxLength={4000}
        defaultValue={kept}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={["comment-body-hint", suggestion ? "kind-words" : null, error ? "comment-body-error" : null].filter(Boolean).join(" ")}
        aria-invalid={Boolean(error)}
        data-testid="comment-body"
      />
      {error ? (
        <p id="comment-body-error" role="alert" className="text-sm font-medium text-danger" data-testid="comment-error">{error}</p>
      ) : null}
      {suggestion ? (
        <div id="kind-words" role="status" className="space-y-2 rounded-lg border-l-4 border-brand bg-ok-soft p-3 text-sm" data-testid="kind-words">
          <p className="font-semibold">{t("kindWords.title")}</p>
          <p>{suggestion}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} data-testid="comment-post">{t("post")}</Button>
        {suggestion ? (
          <Button type="submit" name="postAsIs" value="1" variant="secondary" disabled={pending} data-testid="comment-post-as-is">
            {t("postAsIs")}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">{state?.ok ? <p className="text-sm" data-testid="comment-posted">{t("posted")}</p> : null}</div>
    </form>
  );
}

/** Edit your own comment (within 15 minutes of posting). */
export function CommentEditForm({ action, commentId, body, until }: { action: (prev: CommentActionState, data: FormData) => Promise<CommentActionState>; commentId: string; body: string; until: string }) {
  const t = useTranslations("client-groups.comments");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <details className="text-sm" data-testid="comment-edit">
      <summary className="cursor-pointer underline">{t("editUntil", { until })}</summary>
      <form action={formAction} className="mt-2 space-y-2">
        <input type="hidden" name="commentId" value={commentId} />
        <label htmlFor={`edit-${commentId}`} className="sr-only">{t("yours")}</label>
        <Textarea id={`edit-${commentId}`} name="body" rows={3} defaultValue={body} data-testid="comment-edit-body" />
        <Button type="submit" variant="secondary" disabled={pending} data-testid="comment-edit-save">{t("save")}</Button>
        {state ? <Alert tone={state.ok ? "success" : "error"}>{state.ok ? state.data.message : state.message}</Alert> : null}
      </form>
    </details>
  );
}

/** Delete your own comment, or (organizers) remove someone else's. */
export function CommentButton({ action, commentId, label, testId }: { action: (prev: CommentActionState, data: FormData) => Promise<CommentActionState>; commentId: string; label: string; testId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="commentId" value={commentId} />
      <Button type="submit" variant="ghost" className="min-h-11 px-2" disabled={pending} data-testid={testId}>{label}</Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
