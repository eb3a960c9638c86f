import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";
import { earlyLocale, speakingIn } from "@/lib/i18n/speaking-store";
import { ACTION_BODY_LIMIT, isActionPost, judgeActionBody, judgeActionOrigin, OUT_OF_DATE, TOO_LARGE, type ActionPostVerdict } from "@/lib/security/action-posts";

/*
 * The first thing every request meets, in front of the page cache and Next (installed last in
 * instrumentation.ts, so it wraps the others):
 *
 * 1. Without TRUST_PROXY no proxy is in front, so X-Forwarded-Host, -Proto, -For, -Port and
 *    Forwarded were written by the client and could say anything. They are removed here, so
 *    nothing after (Next's own Server Actions origin check, which believes X-Forwarded-Host;
 *    the page cache's keys; our origin and address rules) can be told another host. Next then
 *    fills in the true ones from the connection.
 * 2. A post to a server action is judged before Next decodes it (lib/security/action-posts.ts):
 *    from another origin, 403; a body that cannot be an action's arguments, 400; over 1 MB, 413.
 *    A post naming an action this build does not have is answered as Next answers it (400 for
 *    an id that cannot be one, 409 for one from another build, with Next's marker header so
 *    the page's JavaScript reloads), without Next's stack in the log.
 *    Each is one line in the log. A body that passes is handed on to Next unchanged.
 * 3. A refused post's body is still read (to the 1 MB limit, and then a little more is let
 *    through unread) before the connection may close, so the client, still sending, reads the
 *    answer instead of a broken pipe.
 */

const FORWARDED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "x-forwarded-port", "x-forwarded-prefix", "forwarded", "x-real-ip"];

const installed = globalThis as typeof globalThis & { __commonThreadRequestGate?: boolean };

/** Removes the forwarding headers a client could have written, unless TRUST_PROXY says a proxy writes them. */
export function dropUntrustedForwarding(headers: http.IncomingHttpHeaders, trustedHops: number = env().TRUST_PROXY): void {
  if (trustedHops > 0) return;
  for (const name of FORWARDED) delete headers[name];
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The host the browser addressed: the proxy's X-Forwarded-Host when one is trusted (and so still present), else Host. */
function addressedHost(headers: http.IncomingHttpHeaders): string | undefined {
  return single(headers["x-forwarded-host"])?.split(",")[0].trim() || headers.host;
}

/** After the answer: what is left of the body is read and thrown away, up to a point; past it (or after a while) the connection closes. */
const DISCARD_BYTES = 8 * 1024 * 1024;
const DISCARD_MS = 5_000;

function discardRest(req: http.IncomingMessage): void {
  if (req.complete) return;
  let size = 0;
  const close = () => req.socket.destroy();
  const timer = setTimeout(close, DISCARD_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > DISCARD_BYTES) {
      clearTimeout(timer);
      close();
    }
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, verdict: Extract<ActionPostVerdict, { ok: false }>, extraHeaders: Record<string, string> = {}): void {
  const path = (req.url ?? "").split("?")[0].slice(0, 200);
  console.warn(`[actions] ${verdict.status}: refused a post to ${path}: ${verdict.reason}`);
  res.writeHead(verdict.status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...extraHeaders,
  });
  res.end(verdict.message);
  discardRest(req);
}

/** The action ids this build has (its server-reference manifest), read again when the file changes; null when there is none to read. */
let manifest: { mtimeMs: number; ids: Set<string> } | null = null;
let manifestFile = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");

/** Where the gate reads the build's action ids (tests point it at one of their own). */
export function useActionManifest(file: string): void {
  manifestFile = file;
  manifest = null;
}

function knownActions(): ((id: string) => boolean) | undefined {
  const file = manifestFile;
  try {
    const { mtimeMs } = fs.statSync(file);
    if (manifest === null || manifest.mtimeMs !== mtimeMs) {
      const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, unknown> };
      manifest = { mtimeMs, ids: new Set(Object.keys(parsed.node ?? {})) };
    }
  } catch {
    return undefined;
  }
  const ids = manifest.ids;
  return (id) => ids.has(id);
}

/** Next's own length for an action id (next/dist/shared/lib/server-reference-info.js). */
const ACTION_ID_LENGTH = 42;

/** Reads the body up to the limit; "too_large" as soon as it passes it. */
function readCapped(req: http.IncomingMessage): Promise<Buffer | "too_large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > ACTION_BODY_LIMIT) {
        req.off("data", onData);
        req.pause();
        resolve("too_large");
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/**
 * Gives the request its body back for Next to read, as Next does itself after its proxy has
 * read one (next/dist/server/body-streams.js): the request takes on a fresh stream's state.
 */
function restoreBody(req: http.IncomingMessage, body: Buffer): void {
  const replay = new Readable({ read() {} });
  replay.push(body);
  replay.push(null);
  const target = req as unknown as Record<string, unknown>;
  for (const key in replay) {
    const value = (replay as unknown as Record<string, unknown>)[key];
    target[key] = typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(req) : value;
  }
}

type Judged = { verdict: ActionPostVerdict; headers?: Record<string, string> };

async function judge(req: http.IncomingMessage): Promise<Judged> {
  const tooLarge: Judged = { verdict: { ok: false, status: 413, reason: "over 1 MB", message: TOO_LARGE() } };
  const origin = judgeActionOrigin(single(req.headers.origin), addressedHost(req.headers));
  if (!origin.ok) return { verdict: origin };
  if (Number(req.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT) return tooLarge;
  const isKnown = knownActions();
  const headerId = single(req.headers["next-action"]);
  if (headerId !== undefined && isKnown && !isKnown(headerId)) {
    const status = headerId.length === ACTION_ID_LENGTH ? 409 : 400;
    return {
      verdict: { ok: false, status, reason: `an action id this server does not have (${JSON.stringify(headerId.slice(0, 60))})`, message: OUT_OF_DATE() },
      headers: { "x-nextjs-action-not-found": "1" },
    };
  }
  const body = await readCapped(req);
  if (body === "too_large") return tooLarge;
  const verdict = await judgeActionBody(body, single(req.headers["content-type"]) ?? "", headerId !== undefined, isKnown);
  if (verdict.ok) restoreBody(req, body);
  return { verdict };
}

/** Puts the gate in front of every HTTP server in this process. Called once at start-up, after the other request hooks. */
export function installRequestGate(): void {
  if (installed.__commonThreadRequestGate) return;
  installed.__commonThreadRequestGate = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const pass = () => (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    if (event !== "request") return pass();
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    dropUntrustedForwarding(req.headers);
    const path = (req.url ?? "/").split("?")[0];
    if (!isActionPost(req.method, path, { nextAction: req.headers["next-action"] !== undefined, contentType: single(req.headers["content-type"]) ?? "" })) return pass();
    // Its refusals come before anyone is known: in the language cookie's or the browser's language.
    speakingIn(earlyLocale(single(req.headers.cookie), single(req.headers["accept-language"])), () => judge(req)).then(
      ({ verdict, headers }) => (verdict.ok ? pass() : answer(req, res, verdict, headers)),
      () => {
        // The client went away mid-body: nothing to answer.
        if (!res.headersSent) res.writeHead(400, { connection: "close" });
        res.end();
      },
    );
    return true;
  } as typeof emit;
}
