"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { FeedAddress, FeedState } from "./actions";

type FeedAction = (prev: FeedState, data: FormData) => Promise<FeedState>;

function NewFeedUrl({ state }: { state: FeedState }) {
  const t = useTranslations("client-members.account.feeds");
  if (!state) return null;
  if (!state.ok) return <Alert tone="error">{state.message}</Alert>;
  return (
    <Alert tone="success" testId="feed-created" title={state.data.message}>
      {state.data.url ? (
        <div className="space-y-1">
          <code className="block break-all rounded bg-brand-soft p-2 font-mono text-sm" data-testid="feed-url">{state.data.url}</code>
          <div className="flex flex-wrap items-center gap-3">
            <CopyButton text={state.data.url} label={t("copy")} testId="feed-copy" />
            <a className="underline" href={state.data.webcal} data-testid="feed-webcal">{t("webcal")}</a>
          </div>
        </div>
      ) : null}
    </Alert>
  );
}

/**
 * Makes a feed of my activities or of one of my groups. `live` is every address the page lists
 * now: once "New link" or "Revoke" replaces the one just made, it is no longer shown here.
 */
export function CreateFeedForm({ action, groups, live }: { action: FeedAction; groups: { id: string; label: string }[]; live: FeedAddress[] }) {
  const t = useTranslations("client-members.account.feeds");
  const [state, formAction, pending] = useActionState(action, null);
  const made = state?.ok ? state.data.feed : undefined;
  const replaced = made !== undefined && !live.some((f) => f.id === made.id && f.madeAt === made.madeAt);
  return (
    <form action={formAction} className="space-y-2" data-testid="create-feed-form">
      <label className="flex flex-col gap-1" htmlFor="feed-group">
        <span className="font-medium">{t("shows")}</span>
        <select id="feed-group" name="groupId" className="rounded-md border border-line bg-surface px-3 py-2" data-testid="feed-group">
          <option value="">{t("mine")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>{g.label}</option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending} data-testid="create-feed">{t("make")}</Button>
      {replaced ? null : <NewFeedUrl state={state} />}
    </form>
  );
}

/**
 * Revoke or renew one feed. A renewed feed keeps its id (only its address changes), so this
 * stays in place and shows the new address, with JavaScript and without.
 */
export function FeedControls({ revoke, renew, feedId, name }: { revoke: FeedAction; renew: FeedAction; feedId: string; name: string }) {
  const t = useTranslations("client-members.account.feeds");
  const [revokeState, revokeAction, revoking] = useActionState(revoke, null);
  const [renewState, renewAction, renewing] = useActionState(renew, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={renewAction}>
          <input type="hidden" name="feedId" value={feedId} />
          <Button type="submit" variant="secondary" disabled={renewing} aria-label={t("renewNamed", { name })} data-testid="renew-feed">{t("renew")}</Button>
        </form>
        <form action={revokeAction}>
          <input type="hidden" name="feedId" value={feedId} />
          <Button type="submit" variant="danger" disabled={revoking} aria-label={t("revokeNamed", { name })} data-testid="revoke-feed">{t("revoke")}</Button>
        </form>
      </div>
      <NewFeedUrl state={renewState} />
      {revokeState ? <Alert tone={revokeState.ok ? "success" : "error"} testId="feed-revoked">{revokeState.ok ? revokeState.data.message : revokeState.message}</Alert> : null}
    </div>
  );
}
