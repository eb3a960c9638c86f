import { AsyncLocalStorage } from "node:async_hooks";

/*
 * The version of what a visitor can see. It moves on after every committed write to a table
 * whose rows appear on public pages (activities, RSVP counts, groups, projects, comments,
 * names…), so a page kept for visitors (server/page-cache.ts) is never served after the data it
 * shows has changed in this process. Writes to tables no visitor sees (notifications, jobs,
 * rate limits, check-ins…) leave it alone, or a busy hub would never keep a page at all.
 *
 * It moves on *after* the commit, not when the statement is sent: a visitor's page rendered
 * between the two would otherwise be kept with the old data. Statements outside a transaction
 * are reported by the database client when they return; a transaction reports its writes when
 * it has committed (db/client.ts wraps both). Imports nothing of the database, so the proxy
 * can read it.
 */

/** Tables whose rows, counts or names show on a page a visitor can open. */
export const SHOWN_TO_VISITORS = [
  "users",
  "groups",
  "memberships",
  "projects",
  "series",
  "activities",
  "rsvps",
  "standing_places",
  "tasks",
  "task_claims",
  "comments",
  // The listing's neighbourhood choices; written only by triggers on activities and groups.
  "known_places",
  "known_neighbourhoods",
] as const;

/** Tables no visitor's page shows (a member's own pages are never kept for anyone). */
export const NOT_SHOWN_TO_VISITORS = [
  "notifications",
  "email_preferences",
  "email_outbox",
  "scheduled_jobs",
  "data_upgrades",
  "activity_reminders",
  "partnerships",
  "partner_nudges",
  "group_departures",
  "check_ins",
  "connection_plans",
  "reflections",
  "milestones",
  "reports",
  "blocks",
  "api_tokens",
  "calendar_feeds",
  "password_reset_tokens",
  "rate_limits",
] as const;

const shown = new Set<string>(SHOWN_TO_VISITORS);
// "for update" and "do update set" are not writes to a table named "of" or "set": only names of
// tables shown to visitors count, so those never match.
const WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?/gi;

/** Whether a statement writes a table whose rows visitors can see. */
export function writesVisibleContent(statement: string): boolean {
  for (const match of statement.matchAll(WRITE)) if (shown.has(match[1].toLowerCase())) return true;
  return false;
}

interface State {
  version: number;
  listeners: Set<() => void>;
}

// On globalThis: the proxy, pages, route handlers and the job runner are bundled separately
// and must share one version.
const state = ((globalThis as unknown as { __ctContentVersion?: State }).__ctContentVersion ??= { version: 0, listeners: new Set() });

export function contentVersion(): number {
  return state.version;
}

/** Everything a visitor might see may have changed: pages kept for visitors are stale. */
export function contentChanged(): void {
  state.version++;
  for (const listener of state.listeners) listener();
}

/** Calls `listener` on every change (the page cache drops its pages at once). */
export function onContentChange(listener: () => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** The transaction a statement runs in, if any: whether it has written visible content yet. */
const transactionScope = new AsyncLocalStorage<{ wrote: boolean }>();

/** Runs a transaction; once it has committed, reports a change if it wrote visible content. */
export async function trackingWrites<T>(transaction: () => Promise<T>): Promise<T> {
  const scope = { wrote: false };
  const result = await transactionScope.run(scope, transaction);
  if (scope.wrote) contentChanged();
  return result;
}

/**
 * Sees every statement as it is sent (the database client's logger). Inside a transaction it
 * marks the transaction; the change is reported when the transaction commits. Statements
 * outside one are reported when they return, by `afterStatement`.
 */
export function noteStatement(statement: string): void {
  const scope = transactionScope.getStore();
  if (scope && !scope.wrote && writesVisibleContent(statement)) scope.wrote = true;
}

/** A statement outside a transaction has returned (and so committed). */
export function afterStatement(statement: unknown): void {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown } | null)?.text;
  if (typeof text === "string" && writesVisibleContent(text)) contentChanged();
}
