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
  // Guests are never named to visitors, but their places are in the counts and the waitlist's order.
  "guest_rsvps",
  "standing_places",
  // Time slots and their places left; who holds a slot is on member and organizer pages only.
  "activity_slots",
  "tasks",
  "task_claims",
  "comments",
  // Covers and members' photos shown on public pages.
  "uploads",
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
  // Links to confirm an email or sign in, and accounts at a single sign-on provider: the member's own.
  "email_links",
  "sign_in_identities",
  "rate_limits",
  // "Ask the organizers" threads: only the member who asked and the group's organizers read them.
  "questions",
  "question_messages",
  // A group's places, offered on its organizers' activity form; visitors see an activity's own place.
  "saved_places",
  // The reminder's "Still coming?" links: the member's own.
  "rsvp_links",
  // Who holds which time slot: the slot's counts (activity_slots) are what visitors see.
  "slot_signups",
  // Walk-ins recorded by first name: their group's organizers alone see them.
  "walk_ins",
  // A member's devices for push notifications, and what is waiting to be sent to them.
  "push_subscriptions",
  "push_deliveries",
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

/** One change: the activities it concerned alone (an RSVP's counts and rows), or null for anything at all. */
export interface Change {
  version: number;
  activityIds: ReadonlySet<string> | null;
}

interface State {
  version: number;
  listeners: Set<(change: Change) => void>;
  /** The latest changes, oldest first, so a kept page can tell whether any concerned what it shows. */
  log: Change[];
}

// Enough for 30 seconds of a hundred writes a second: a page kept longer than the log reaches is never fresh.
const LOGGED = 4096;

// On globalThis: the proxy, pages, route handlers and the job runner are bundled separately
// and must share one version.
const state = ((globalThis as unknown as { __ctContentVersion?: State }).__ctContentVersion ??= { version: 0, listeners: new Set(), log: [] });
state.log ??= [];

export function contentVersion(): number {
  return state.version;
}

/**
 * Something a visitor might see has changed. With `activityIds`, only those activities' rows
 * and RSVPs changed (an answer, its counts, a promotion from the waitlist): a page that showed
 * none of them, and reads nothing those counts decide, still shows what is current.
 */
export function contentChanged(scope?: { activityIds: Iterable<string> }): void {
  state.version++;
  const change: Change = { version: state.version, activityIds: scope ? new Set(scope.activityIds) : null };
  state.log.push(change);
  if (state.log.length > LOGGED) state.log.splice(0, state.log.length - LOGGED);
  for (const listener of state.listeners) listener(change);
}

/**
 * Whether what a page read at `version` is still current: nothing has changed since, or (for
 * a page that knows every activity it shows, `shown`) every change since concerned other activities.
 */
export function unchangedFor(version: number, shown: ReadonlySet<string> | null): boolean {
  if (version === state.version) return true;
  if (!shown || version > state.version) return false;
  // Versions are logged one after another: the change after `version` sits at a known place.
  const first = state.log.length === 0 ? -1 : version + 1 - state.log[0].version;
  if (first < 0 || first >= state.log.length) return false;
  for (let i = first; i < state.log.length; i++) {
    const ids = state.log[i].activityIds;
    if (!ids) return false;
    for (const id of ids) if (shown.has(id)) return false;
  }
  return true;
}

/** Calls `listener` on every change (the page cache drops the pages it made stale at once). */
export function onContentChange(listener: (change: Change) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/*
 * The request-scoped stores below are on globalThis too: the database client (opened by one
 * bundle) notes statements, while a route handler's or a page's own copy of this module marks the
 * work, and each must see the other's.
 */
const stores = ((globalThis as unknown as { __ctContentScopes?: Scopes }).__ctContentScopes ??= {
  transaction: new AsyncLocalStorage(),
  activityWork: new AsyncLocalStorage(),
  shown: new AsyncLocalStorage(),
});

interface Scopes {
  /** The transaction a statement runs in, if any: whether it has written visible content yet, and what. */
  transaction: AsyncLocalStorage<{ wrote: boolean; activityIds: Set<string>; anything: boolean }>;
  /** Work that writes only one activity's RSVPs and counts (db/mutations/rsvps.ts). */
  activityWork: AsyncLocalStorage<string>;
  /** The activities a page being rendered shows. */
  shown: AsyncLocalStorage<{ ids: Set<string>; noted: boolean; countsDecide: boolean }>;
}

const transactionScope = stores.transaction;
const activityWork = stores.activityWork;

/** Tables an answer to one activity writes, each row of them that activity's. */
const ANSWER_TABLES = new Set(["rsvps", "guest_rsvps", "activities", "activity_slots"]);

/** Runs a transaction; once it has committed, reports a change if it wrote visible content. */
export async function trackingWrites<T>(transaction: () => Promise<T>): Promise<T> {
  const scope = { wrote: false, activityIds: new Set<string>(), anything: false };
  const result = await transactionScope.run(scope, transaction);
  if (scope.wrote) contentChanged(scope.anything ? undefined : { activityIds: scope.activityIds });
  return result;
}

/**
 * Runs `work`, which writes nothing visible but the RSVPs and counts of `activityId`, so its
 * transaction reports a change to that activity alone. A visible write from anywhere else in
 * the same transaction still reports a change to anything.
 */
export function answeringActivity<T>(activityId: string, work: () => Promise<T>): Promise<T> {
  return activityWork.run(activityId, work);
}

/** The tables shown to visitors that a statement writes. */
function visibleTablesWritten(statement: string): string[] {
  const tables: string[] = [];
  for (const match of statement.matchAll(WRITE)) if (shown.has(match[1].toLowerCase())) tables.push(match[1].toLowerCase());
  return tables;
}

/**
 * Sees every statement as it is sent (the database client's logger). Inside a transaction it
 * marks the transaction; the change is reported when the transaction commits. Statements
 * outside one are reported when they return, by `afterStatement`.
 */
export function noteStatement(statement: string): void {
  const scope = transactionScope.getStore();
  if (!scope) return;
  const tables = visibleTablesWritten(statement);
  if (tables.length === 0) return;
  scope.wrote = true;
  const activityId = activityWork.getStore();
  if (activityId && tables.every((t) => ANSWER_TABLES.has(t))) scope.activityIds.add(activityId);
  else scope.anything = true;
}

/** A statement outside a transaction has returned (and so committed). */
export function afterStatement(statement: unknown): void {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown } | null)?.text;
  if (typeof text === "string" && writesVisibleContent(text)) contentChanged();
}

/*
 * The activities a page being rendered shows. The page cache collects them for the listing, so
 * an answer to an activity the page does not show leaves the kept page standing.
 */
const shownScope = stores.shown;

/** Runs `render` collecting the activities it shows; `shown()` is null unless it knew them all. */
export function collectingShown<T>(render: () => T): { result: T; shown: () => ReadonlySet<string> | null } {
  const scope = { ids: new Set<string>(), noted: false, countsDecide: false };
  const result = shownScope.run(scope, render);
  return { result, shown: () => (scope.noted && !scope.countsDecide ? scope.ids : null) };
}

/**
 * The listing shows these activities. `countsDecide`: which activities match depends on their
 * counts (only those with spots left), so an answer to any activity may change the page.
 */
export function noteShownActivities(ids: Iterable<string>, countsDecide: boolean): void {
  const scope = shownScope.getStore();
  if (!scope) return;
  scope.noted = true;
  if (countsDecide) scope.countsDecide = true;
  for (const id of ids) scope.ids.add(id);
}
