"use client";

import { useTranslations } from "next-intl";
import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { CommentActionState } from "./actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type CommentAction = (prev: CommentActionState, data: FormData) => Promise<CommentActionState>;

const BlockContext = createContext<{ formAction: (data: FormData) => void; pending: boolean } | null>(null);

/**
 * Holds the discussion's one "Block this person" answer. It lives above the thread because the
 * blocked author's comments leave the thread at once (the button pressed goes with them); the
 * answer stays, with JavaScript and without.
 */
export function BlockOutcome({ action, children }: { action: CommentAction; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <BlockContext value={{ formAction, pending }}>
      {state ? (
        <Alert tone={state.ok ? "success" : "error"} testId="block-outcome">
          {state.ok ? state.data.message : state.message}
        </Alert>
      ) : null}
      {children}
    </BlockContext>
  );
}

/** Blocks a comment's author, named to the server by the comment alone. */
export function BlockAuthorButton({ commentId }: { commentId: string }) {
  const t = useTranslations("client-groups.comments");
  const block = useContext(BlockContext);
  if (!block) return null;
  return (
    <form action={block.formAction} className="space-y-1">
      <input type="hidden" name="commentId" value={commentId} />
      <Button type="submit" variant="ghost" className="min-h-11 px-2" disabled={block.pending} data-testid="comment-block">
        {t("block")}
      </Button>
      <p className="px-2 text-sm text-muted">{t("blockHint")}</p>
    </form>
  );
}
