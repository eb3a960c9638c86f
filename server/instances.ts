import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Client as PgClient, Notification } from "pg";
import { type Change, contentChanged, onContentChange } from "@/db/content-version";
import { getDb } from "@/db/client";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";

/*
 * Several instances on one PostgreSQL, kept in step. Each keeps visitors' pages of its own
 * (server/page-cache.ts) and drops them when a write in this process changes what visitors see.
 * A write through another instance is heard here too: after a visible write commits, the
 * instance that made it says so on PostgreSQL's channel `ct_content` (NOTIFY, an ordinary
 * statement that works through PgBouncer in transaction mode), and every other instance,
 * listening on a connection of its own straight to the database (DIRECT_DATABASE_URL, since a
 * pooler in transaction mode cannot hold a LISTEN), drops its kept pages within moments.
 *
 * The same channel checks the secrets instances must share. On start an instance says hello
 * with a fingerprint of its AUTH_SECRET and its build (whose server-action key it carries);
 * the others answer with theirs. A mismatch is logged loudly on both sides and shown by
 * /api/health: a session signed by one instance, or a form rendered by one build, would fail
 * on the other.
 */

const CHANNEL = "ct_content";
/** Writes in a burst are told once: at most one notice per this many milliseconds. */
const COALESCE_MS = 50;
/** A notice names at most this many activities (an answer's); more, and it says "anything". */
const NAMED_AT_MOST = 100;

interface State {
  id: string;
  fingerprint: string;
  listener?: PgClient;
  pending?: NodeJS.Timeout;
  /** What the pending notice covers: these activities alone, or (null) anything. */
  pendingScope?: Set<string> | null;
  relaying: boolean;
  stopped: boolean;
  /** Instances heard with other secrets or another build, by id. */
  mismatched: Map<string, number>;
}

const store = globalThis as unknown as { __ctInstances?: State };

/** A fingerprint of what instances must share, from which neither secret can be recovered. */
function fingerprintOf(): string {
  let build = "dev";
  try {
    build = fs.readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    // not a production build
  }
  const secret = env().AUTH_SECRET ?? "";
  const actionsKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "";
  return crypto.createHash("sha256").update(`common-thread-instance\0${secret}\0${actionsKey}\0${build}`).digest("base64url").slice(0, 16);
}

async function notify(payload: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select pg_notify(${CHANNEL}, ${payload})`);
}

function heard(state: State, message: Notification): void {
  const [kind, from, detail] = (message.payload ?? "").split(":");
  if (!from || from === state.id) return;
  if (kind === "changed") {
    // "changed:<id>:<activity ids>" names the activities an answer touched; "changed:<id>:*" anything.
    const scope = detail && detail !== "*" ? { activityIds: detail.split(",") } : undefined;
    state.relaying = true;
    try {
      contentChanged(scope);
    } finally {
      state.relaying = false;
    }
    return;
  }
  if ((kind === "hello" || kind === "here") && detail) {
    if (detail !== state.fingerprint && !state.mismatched.has(from)) {
      state.mismatched.set(from, Date.now());
      console.error(
        `[instances] Another instance on this database runs with a different AUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY or build. Members moving between the two would be signed out and their forms refused. Give every instance the same AUTH_SECRET and run the same build (or set the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).`,
      );
    }
    if (kind === "hello") void notify(`here:${state.id}:${state.fingerprint}`).catch(() => undefined);
  }
}

async function listen(state: State, url: string, attempt = 0): Promise<void> {
  if (state.stopped) return;
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url, application_name: "common-thread-listen", connectionTimeoutMillis: 2_000 });
  const again = () => {
    if (state.listener !== client || state.stopped) return;
    state.listener = undefined;
    // Pages kept while nothing was heard may be stale: drop them, then listen again.
    contentChanged();
    setTimeout(() => void listen(state, url, attempt + 1), Math.min(5_000, 250 * 2 ** Math.min(attempt, 4))).unref();
  };
  client.on("error", again);
  client.on("end", again);
  client.on("notification", (message) => heard(state, message));
  try {
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    state.listener = client;
    attempt = 0;
    await notify(`hello:${state.id}:${state.fingerprint}`);
  } catch {
    client.removeAllListeners("end");
    await client.end().catch(() => undefined);
    if (!state.stopped) setTimeout(() => void listen(state, url, attempt + 1), Math.min(5_000, 250 * 2 ** Math.min(attempt, 4))).unref();
  }
}

/** Instances heard with other secrets or another build in the last hour (for /api/health). */
export function instancesOutOfStep(): number {
  const state = store.__ctInstances;
  if (!state) return 0;
  const hour = Date.now() - 3600_000;
  return [...state.mismatched.values()].filter((at) => at > hour).length;
}

/** On PostgreSQL, keeps this instance in step with the others. Called once at start-up. */
export function keepInstancesInStep(): void {
  const url = env().DIRECT_DATABASE_URL ?? env().DATABASE_URL;
  if (!url || store.__ctInstances) return;
  const state: State = { id: crypto.randomBytes(6).toString("base64url"), fingerprint: fingerprintOf(), relaying: false, stopped: false, mismatched: new Map() };
  store.__ctInstances = state;
  onContentChange((change: Change) => {
    if (state.relaying) return;
    if (change.activityIds === null) state.pendingScope = null;
    else if (state.pendingScope !== null) {
      state.pendingScope ??= new Set();
      for (const id of change.activityIds) state.pendingScope.add(id);
      if (state.pendingScope.size > NAMED_AT_MOST) state.pendingScope = null;
    }
    if (state.pending) return;
    state.pending = setTimeout(() => {
      const scope = state.pendingScope;
      state.pending = undefined;
      state.pendingScope = undefined;
      // A notice that cannot be sent (the database away) is not retried: the others' pages expire anyway.
      void notify(`changed:${state.id}:${scope ? [...scope].join(",") : "*"}`).catch(() => undefined);
    }, COALESCE_MS);
    state.pending.unref?.();
  });
  void listen(state, url);
}

/** Stops listening (tests). */
export async function stopKeepingInStep(): Promise<void> {
  const state = store.__ctInstances;
  if (!state) return;
  state.stopped = true;
  store.__ctInstances = undefined;
  const client = state.listener;
  state.listener = undefined;
  await client?.end().catch(() => undefined);
}
