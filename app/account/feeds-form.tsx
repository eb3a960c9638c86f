"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { possessive } from "@/lib/possessive";
import type { FeedAddress, FeedState } from "./actions";

type FeedAction = (prev: FeedState, data: FormData) => Promise<FeedState>;

function NewFeedUrl({ state }: { state: FeedState }) {
  if (!state) return null;
  if (!state.ok) return <Alert tone="error">{state.message}</Alert>;
  return (
    <Alert tone="success" testId="feed-created" title={state.data.message}>
      {state.data.url ? (
        <div className="space-y-1">
          <code className="block break-all rounded bg-brand-soft p-2 font-mono text-sm" data-testid="feed-url">{state.data.url}</code>
          <div className="flex flex-wrap items-center gap-3">
            <CopyButton text={state.data.url} label="Copy link" testId="feed-copy" />
            <a className="underline" href={state.data.webcal} data-testid="feed-webcal">Open in my calendar app (webcal)</a>
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
export function CreateFeedForm({ action, groups, live }: { action: FeedAction; groups: { id: string; name: string }[]; live: FeedAddress[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const made = state?.ok ? state.data.feed : undefined;
  const replaced = made !== undefined && !live.some((f) => f.id === made.id && f.madeAt === made.madeAt);
  return (
    <form action={formAction} className="space-y-2" data-testid="create-feed-form">
      <label className="flex flex-col gap-1" htmlFor="feed-group">
        <span className="font-medium">What the calendar shows</span>
        <select id="feed-group" name="groupId" className="rounded-md border border-line bg-surface px-3 py-2" data-testid="feed-group">
          <option value="">My activities (going, trying or waitlisted)</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>All of {possessive(g.name)} activities</option>
          ))}
        </select>
      </label>
      <Button type="submit" disabled={pending} data-testid="create-feed">Make a calendar link</Button>
      {replaced ? null : <NewFeedUrl state={state} />}
    </form>
  );
}

/**
 * Revoke or renew one feed. A renewed feed keeps its id (only its address changes), so this
 * stays in place and shows the new address, with JavaScript and without.
 */
export function FeedControls({ revoke, renew, feedId, name }: { revoke: FeedAction; renew: FeedAction; feedId: string; name: string }) {
  const [revokeState, revokeAction, revoking] = useActionState(revoke, null);
  const [renewState, renewAction, renewing] = useActionState(renew, null);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={renewAction}>
          <input type="hidden" name="feedId" value={feedId} />
          <Button type="submit" variant="secondary" disabled={renewing} aria-label={`New link for ${name}`} data-testid="renew-feed">New link</Button>
        </form>
        <form action={revokeAction}>
          <input type="hidden" name="feedId" value={feedId} />
          <Button type="submit" variant="danger" disabled={revoking} aria-label={`Revoke calendar link for ${name}`} data-testid="revoke-feed">Revoke</Button>
        </form>
      </div>
      <NewFeedUrl state={renewState} />
      {revokeState ? <Alert tone={revokeState.ok ? "success" : "error"} testId="feed-revoked">{revokeState.ok ? revokeState.data.message : revokeState.message}</Alert> : null}
    </div>
  );
}
