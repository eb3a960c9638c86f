import { createHash } from "node:crypto";
import http from "node:http";
import { databaseAway } from "@/db/availability";
import { collectingShown, contentVersion, onContentChange, unchangedFor, type Change } from "@/db/content-version";
import { memberSnapshot, writeSnapshot } from "@/db/snapshot";
import { claimsOfCookieHeader } from "@/server/auth/session-claims";
import { env } from "@/lib/env";
import { isPublicPage } from "@/lib/shared-caching";
import { DEFAULT_LOCALE, fromAcceptLanguage } from "@/lib/i18n/locales";

/*
 * Pages kept in this process, in front of Next: a kept page is written straight to the
 * connection, with no routing, proxy or render. Only plain GETs of the public pages (the
 * listings, an activity, a group, a project: lib/shared-caching.ts), never a router (RSC) or
 * prefetch request, nor one with an Authorization header. What is kept is what Next sent for
 * such a request: a 200 HTML page that sets no cookie and carries its Content-Security-Policy,
 * replayed with the headers it was rendered with, its CSP nonce included.
 *
 * Visitors' pages (no cookie at all: the rule of the CDN header) were rendered for nobody in
 * particular, so they cannot hold a member's name, RSVP, notifications or a private group,
 * and any visitor is answered with them. Fresh:
 * - Every committed write to what visitors see (db/content-version.ts) drops every page at
 *   once, so the member who acted, and everyone after, sees the change at once.
 * - A page being rendered while such a write commits is not kept.
 * - Another instance on the same database drops its pages within PAGE_TTL_MS (docs/operations.md,
 *   "Several instances"); time-worded text ("starts in 5 minutes") is at most that old.
 *
 * Personal pages (a request with cookies: a member's session, or a visitor's time zone) are
 * kept under a hash of the exact Cookie header, so only a request carrying those same cookies,
 * the member's own credential, is ever answered with one: never another member, never a
 * visitor. And only while nothing at all has been written: the database server's snapshot
 * (db/snapshot.ts) is read before the page is rendered and again before it is replayed, and
 * any write committed in between, to any table, by any instance, means a fresh render. A
 * member's suspension, removal from a group or deleted account is such a write, so a kept page
 * never outlives the right to see it; a session that simply expires is honoured within the
 * 30 seconds a page is kept at most.
 *
 * The activity listing knows every activity it shows (db/queries/activities.ts notes them while
 * it renders), and an answer to an activity reports a change to that activity alone
 * (db/content-version.ts): a kept listing stays while others answer activities it does not show.
 * A member's listing shows nothing of theirs but their header and the private groups they belong
 * to, so it is checked against their own rows' snapshot (db/snapshot.ts) rather than the whole
 * server's: their own writes, and any that concern them, from any process, still show at once.
 *
 * A page is kept per language too: the key holds the language the browser's Accept-Language
 * asks for (a visitor's page in Spanish never answers an English browser); a language cookie
 * or a member's setting is part of the cookies the personal key already hashes.
 *
 * Bounded: MAX_PAGES pages and MAX_BYTES in all, oldest first out. Keys hold the host and the
 * forwarded host, so a forged Host header cannot plant a page for others. Off in development
 * (pages change with the code), with PAGE_CACHE=off, and while the database is away (the
 * "back shortly" page answers then).
 */

export const PAGE_TTL_MS = 30_000;
const MAX_PAGES = 300;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/** Says whether a visitor's page came from the cache ("hit") or was rendered for them ("miss"). */
export const CACHE_STATUS_HEADER = "x-common-thread-cache";
/** A request carrying the statement probe's label is always rendered, so its statements are counted. */
const PROBE_LABEL_HEADER = "x-statement-probe-label";

/** The activity listing: the one page that says which activities it shows (db/queries/activities.ts). */
const LISTING = "/activities";

/** Public pages that read no data (help reads only configuration): rendering them costs no more than replaying them. */
const NOT_WORTH_KEEPING = new Set(["/help"]);

/** Headers not replayed: they belong to one connection or one response. */
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "date", "set-cookie"]);

interface Page {
  headers: Record<string, string | string[]>;
  body: Buffer;
  storedAt: number;
  version: number;
  /** Every activity the page shows, when it knows them (the listing): answers to others leave it standing. */
  shown: ReadonlySet<string> | null;
  /** For a personal page: the database's write snapshot taken before it was rendered (for the listing, the member's own rows'). */
  snapshot?: string;
}

interface Store {
  installed: boolean;
  pages: Map<string, Page>;
  bytes: number;
}

const empty: Store = { installed: false, pages: new Map(), bytes: 0 };
const store = ((globalThis as unknown as { __ctPageCache?: Store }).__ctPageCache ??= empty);

/** Drops every kept page. */
export function forgetPages(): void {
  store.pages.clear();
  store.bytes = 0;
}

export function keptPageCount(): number {
  return store.pages.size;
}

export function pageCacheOn(): boolean {
  return process.env.NODE_ENV === "production" && env().PAGE_CACHE === "on";
}

const header = (req: http.IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
};

export interface PageKey {
  key: string;
  /** Kept for the holder of these exact cookies only, and checked against the database's write snapshot. */
  personal: boolean;
  /** The client asked for a fresh page (Cache-Control: no-cache, as a browser's hard reload does): render it, and keep that. */
  refresh: boolean;
  /** The activity listing: it knows every activity it shows, and shows nothing personal but the member's own rows. */
  listing: boolean;
}

/**
 * The key of a request a kept page may answer, or null. The encoding is part of it: Next
 * compresses for clients that accept gzip, and the compressed page is kept as it was sent.
 * A personal key ends with a hash of the Cookie header, never the cookies themselves.
 */
export function pageKey(req: http.IncomingMessage): PageKey | null {
  if (req.method !== "GET" || !req.url || req.headers[PROBE_LABEL_HEADER]) return null;
  if (req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-router-state-tree"] || req.headers["next-action"]) return null;
  if (req.headers.authorization !== undefined) return null;
  const url = new URL(req.url, "http://x");
  if (url.searchParams.has("_rsc") || !isPublicPage(url.pathname) || NOT_WORTH_KEEPING.has(url.pathname)) return null;
  // Any cookie at all makes it personal: the rule of the CDN header (lib/shared-caching.ts).
  const personal = req.headers.cookie !== undefined;
  const gzip = /\bgzip\b/i.test(header(req, "accept-encoding"));
  // The browser's language chooses the page's language when no cookie or setting does (lib/i18n/locales.ts).
  const language = fromAcceptLanguage(header(req, "accept-language")) ?? DEFAULT_LOCALE;
  const parts = [header(req, "host"), header(req, "x-forwarded-host"), header(req, "x-forwarded-proto"), gzip ? "gzip" : "identity", language, url.pathname + url.search];
  if (personal) parts.push(createHash("sha256").update(header(req, "cookie")).digest("base64url"));
  const refresh = /\bno-cache\b/i.test(header(req, "cache-control")) || /\bno-cache\b/i.test(header(req, "pragma"));
  return { key: parts.join(" "), personal, refresh, listing: url.pathname === LISTING };
}

/**
 * Whether a kept page may still answer: young enough, nothing it shows written since (for the
 * listing, answers to activities it does not show are not), and for a personal page the same
 * snapshot: nothing at all written, or for the listing nothing of the member's own.
 */
function fresh(page: Page | undefined, snapshot?: string): page is Page {
  return page !== undefined && Date.now() - page.storedAt < PAGE_TTL_MS && unchangedFor(page.version, page.shown) && page.snapshot === snapshot;
}

/** Drops every kept page a change made stale, at once, so none holds memory it cannot answer with. */
function dropStale(change: Change): void {
  if (!change.activityIds) return forgetPages();
  const ids = change.activityIds;
  for (const [key, page] of store.pages) if (!page.shown || [...ids].some((id) => page.shown!.has(id))) dropPage(key);
}

/**
 * What a personal page is checked against. The listing shows nothing personal but the member's
 * header and the private groups they belong to, so their own rows' snapshot is enough, and others'
 * writes leave it standing; a request with no member (a visitor's time-zone cookie, a session no
 * longer valid) has nothing of its own to change. Every other page: the whole server's snapshot.
 */
async function personalSnapshot(req: http.IncomingMessage, listing: boolean): Promise<string> {
  if (!listing) return writeSnapshot();
  const claims = await claimsOfCookieHeader(header(req, "cookie"));
  if (claims === undefined) return `server ${await writeSnapshot()}`;
  if (claims === null) return "nobody";
  return `member ${claims.sub} ${await memberSnapshot(claims.sub)}`;
}

function dropPage(key: string): void {
  const old = store.pages.get(key);
  if (!old) return;
  store.pages.delete(key);
  store.bytes -= old.body.byteLength;
}

function keep(key: string, page: Page): void {
  dropPage(key);
  store.pages.set(key, page);
  store.bytes += page.body.byteLength;
  // A Map keeps insertion order: the first key is the oldest page.
  for (const [oldest, dropped] of store.pages) {
    if (store.pages.size <= MAX_PAGES && store.bytes <= MAX_BYTES) break;
    store.pages.delete(oldest);
    store.bytes -= dropped.body.byteLength;
  }
}

function serve(res: http.ServerResponse, page: Page): void {
  res.writeHead(200, { ...page.headers, "content-length": String(page.body.byteLength), [CACHE_STATUS_HEADER]: "hit" });
  res.end(page.body);
}

/** Lets Next answer, and keeps what it sent when it may be kept. */
function record(key: string, res: http.ServerResponse, shown: () => ReadonlySet<string> | null, snapshot?: string): void {
  const version = contentVersion();
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_PAGE_BYTES) return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buffer.byteLength;
    chunks.push(buffer);
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (end as (...args: unknown[]) => http.ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  res.setHeader(CACHE_STATUS_HEADER, "miss");
  res.once("finish", () => {
    if (res.statusCode !== 200 || size > MAX_PAGE_BYTES) return;
    // A write committed while the page was rendered, to what it shows: it may show either side of it.
    const showing = shown();
    if (!unchangedFor(version, showing)) return;
    const sent = res.getHeaders();
    if (!String(sent["content-type"] ?? "").startsWith("text/html") || sent["set-cookie"] !== undefined) return;
    // Never replay a page without the policy its scripts were rendered for.
    if (!sent["content-security-policy"]) return;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(sent)) {
      if (value === undefined || NOT_KEPT.has(name) || name === CACHE_STATUS_HEADER || name === "content-length") continue;
      headers[name] = typeof value === "number" ? String(value) : value;
    }
    keep(key, { headers, body: Buffer.concat(chunks), storedAt: Date.now(), version, shown: showing, snapshot });
  });
}

/** Puts the page cache in front of every HTTP server in this process. Called once at start-up. */
export function installPageCache(): void {
  if (store.installed || !pageCacheOn()) return;
  store.installed = true;
  onContentChange(dropStale);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const pass = () => (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    if (event !== "request" || databaseAway()) return pass();
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const keyed = pageKey(req);
    if (!keyed) return pass();
    const { key, personal, refresh, listing } = keyed;
    // Renders the page, learning which activities it shows when it is the listing.
    const render = (snapshot?: string) => {
      if (!listing) return (record(key, res, () => null, snapshot), pass());
      let shown: () => ReadonlySet<string> | null = () => null;
      record(key, res, () => shown(), snapshot);
      const collected = collectingShown(pass);
      shown = collected.shown;
      return collected.result;
    };
    if (!personal) {
      const page = store.pages.get(key);
      if (!refresh && fresh(page)) serve(res, page);
      else render();
      return true;
    }
    // A personal page: the snapshot is read before anything is rendered or replayed.
    const candidate = store.pages.get(key);
    if (candidate && !fresh(candidate, candidate.snapshot)) dropPage(key);
    personalSnapshot(req, listing)
      .then(
        (snapshot) => {
          const page = store.pages.get(key);
          if (!refresh && fresh(page, snapshot)) serve(res, page);
          else render(snapshot);
        },
        // The database did not answer: Next renders as usual, and answers for an outage.
        () => pass(),
      )
      .catch((error: unknown) => {
        console.error("The page could not be answered:", error);
        if (!res.headersSent) res.writeHead(503, { "retry-after": "5" });
        res.end();
      });
    return true;
  } as typeof emit;
}
