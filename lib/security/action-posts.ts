import { say } from "@/lib/i18n/said";
/*
 * What a post to a server action may be, judged before Next decodes it. Next answers a body it
 * cannot decode, and a post from another origin, with a 500 and a stack in the log; these are
 * the caller's mistakes (or someone else's forgery), so they get a 4xx and one line.
 *
 * What Next accepts (next/dist/server/app-render/action-handler.js):
 * - A fetch action (the `Next-Action` header, sent by the page's JavaScript): the action's
 *   arguments as React's `encodeReply` writes them. Either JSON text whose root is the array of
 *   arguments, or multipart/form-data whose field "0" holds that array (when an argument is a
 *   FormData or a file).
 * - A form posted without JavaScript: multipart/form-data with `$ACTION_ID_…` or
 *   `$ACTION_REF_n` and its descriptor `$ACTION_n:0` (JSON). Any other POST to a page is not an
 *   action and renders the page as usual.
 * At most 1 MB (Next's own limit for action bodies).
 */

export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Deeper than any arguments a form of ours sends; a decoder that recurses should never see more. */
export const ACTION_JSON_DEPTH_LIMIT = 64;

export type ActionPostVerdict = { ok: true } | { ok: false; status: 400 | 403 | 409 | 413; reason: string; message: string };

const refuse = (status: 400 | 403 | 413, reason: string, message: string): ActionPostVerdict => ({ ok: false, status, reason, message });

const UNREADABLE = () => say("errors.refusals.actionPosts.unreadable");
export const OUT_OF_DATE = () => say("errors.refusals.actionPosts.outOfDate");
export const TOO_LARGE = () => say("errors.refusals.actionPosts.tooLarge");
export const CROSS_ORIGIN = () => say("errors.refusals.actionPosts.crossOrigin");

/**
 * The deepest nesting of arrays and objects in JSON text, counted without parsing it (a parser
 * may itself recurse), or Infinity as soon as it passes `limit`.
 */
export function jsonDepth(text: string, limit = ACTION_JSON_DEPTH_LIMIT): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return Infinity;
      if (depth > deepest) deepest = depth;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

/** Whether the text is JSON no deeper than the limit (and, with `array`, an array). */
function readableJson(text: string, array: boolean): boolean {
  if (jsonDepth(text) > ACTION_JSON_DEPTH_LIMIT) return false;
  try {
    const value: unknown = JSON.parse(text);
    return !array || Array.isArray(value);
  } catch {
    return false;
  }
}

/** Whether a request is one Next would treat as a server action post (and so is judged here). */
export function isActionPost(method: string | undefined, path: string, headers: { nextAction: boolean; contentType: string }): boolean {
  if (method !== "POST" || path === "/api" || path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  return headers.nextAction || headers.contentType.toLowerCase().startsWith("multipart/form-data");
}

/**
 * Next's own check against forged posts, answered as what it is: a post whose Origin is not
 * the host it was sent to is a 403. `addressedHost` is the Host, or the proxy's
 * X-Forwarded-Host when TRUST_PROXY says one sets it. A post without Origin (not a browser) is
 * let through, as Next does.
 */
export function judgeActionOrigin(origin: string | undefined, addressedHost: string | undefined): ActionPostVerdict {
  if (origin === undefined) return { ok: true };
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== null && addressedHost !== undefined && originHost === addressedHost) return { ok: true };
  return refuse(403, `from another origin (${origin.slice(0, 100)})`, CROSS_ORIGIN());
}

/*
 * React's reply format (parseModelString in react-server-dom-*-server): a string that starts
 * with `$` is a reference. Some stand alone (`$$` an escaped dollar, `$u`, `$I`, `$-0`, `$-I`,
 * `$NaN`, `$D` a date, `$n` a bigint, `$T` a temporary reference, `$K` a form's fields, `$H`).
 * Every other one names another part of the body by a hexadecimal number: `$@n`, `$Qn` (Map),
 * `$Wn` (Set), `$in` (iterator), `$hn` (server reference), `$Bn` (Blob), typed arrays
 * (`$A`, `$o`, `$L`, …) and plain `$n`. A part that is not there leaves the decoder waiting
 * for it until it gives up ("Connection closed.", a 500). So every reference must name a part
 * that is there, and that part must be readable too. A JSON body is part 0 and nothing else.
 * Streams (`$R`, `$r`, `$X`, `$x`) are refused: no form here sends one.
 */

/** The parts of a body as the decoder reads them: field name to value. */
type Parts = Map<string, string | Blob>;

const STANDS_ALONE = new Set(["$", "u", "I", "-", "N", "D", "T", "K", "H"]);
const NAMES_A_BLOB = new Set(["B", "A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V"]);
const NAMES_A_MODEL = new Set(["@", "h", "Q", "W", "i"]);
const STREAMS = new Set(["R", "r", "X", "x"]);
const MAX_BIGINT_DIGITS = 300;

/** Why a part's references cannot all be resolved, or null when they can. Follows referenced parts, each once. */
export function unresolvedReference(parts: Parts, prefix: string, isKnownAction?: (id: string) => boolean, root = 0): string | null {
  const checked = new Set<number>();
  // Parts a `$h` names: a server reference, `{ id, bound }`, whose id must be an action of this build.
  const serverReferences = new Set<number>();
  const pending = [root];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (checked.has(id)) continue;
    checked.add(id);
    const text = parts.get(prefix + id);
    if (text === undefined) return `a reference to part ${id}, which is not there`;
    if (typeof text !== "string") return `a reference to part ${id}, which is a file`;
    if (jsonDepth(text) > ACTION_JSON_DEPTH_LIMIT) return `part ${id} is nested too deep`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return `part ${id} is not JSON`;
    }
    if (serverReferences.has(id)) {
      const named = value !== null && typeof value === "object" ? (value as { id?: unknown }).id : undefined;
      if (typeof named !== "string") return `a server reference in part ${id} without an id`;
      if (isKnownAction && !isKnownAction(named)) return "a server reference to an action this server does not have";
    }
    const walk: unknown[] = [value];
    while (walk.length > 0) {
      const v = walk.pop();
      if (Array.isArray(v)) walk.push(...v);
      else if (v !== null && typeof v === "object") walk.push(...Object.values(v));
      else if (typeof v === "string" && v.startsWith("$")) {
        const kind = v[1] ?? "";
        if (kind === "n") {
          if (!/^-?\d+$/.test(v.slice(2)) || v.length - 2 > MAX_BIGINT_DIGITS) return "a bigint that is not one";
          continue;
        }
        if (STANDS_ALONE.has(kind)) continue;
        if (STREAMS.has(kind)) return "a stream";
        const reference = NAMES_A_BLOB.has(kind) || NAMES_A_MODEL.has(kind) ? v.slice(2) : v.slice(1);
        const hex = /^([0-9a-fA-F]{1,8})(?::|$)/.exec(reference);
        if (!hex) return `a reference that names no part (${v.slice(0, 20)})`;
        const target = parseInt(hex[1], 16);
        if (NAMES_A_BLOB.has(kind)) {
          if (!(parts.get(prefix + target) instanceof Blob)) return `a reference to file ${target}, which is not there`;
        } else {
          if (kind === "h" && !serverReferences.has(target)) {
            serverReferences.add(target);
            checked.delete(target);
          }
          pending.push(target);
        }
      }
    }
  }
  return null;
}

/** The form's fields as the decoder sees them. */
function partsOf(form: FormData): Parts {
  const parts: Parts = new Map();
  for (const [name, value] of form) if (!parts.has(name)) parts.set(name, value);
  return parts;
}

/** Whether the body can be what Next decodes for this post: arguments for a fetch action, a form otherwise. */
/**
 * `isKnownAction`, when given, says whether this server has an action with that id (the build's
 * server-reference manifest); a form naming one it has not is refused.
 */
export async function judgeActionBody(body: Buffer, contentType: string, fetchAction: boolean, isKnownAction?: (id: string) => boolean): Promise<ActionPostVerdict> {
  if (body.byteLength > ACTION_BODY_LIMIT) return refuse(413, "over 1 MB", TOO_LARGE());
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      // The parser Next itself uses for a form posted without JavaScript.
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return refuse(400, "a multipart body that cannot be read", UNREADABLE());
    }
    const parts = partsOf(form);
    if (fetchAction) {
      const root = form.get("0");
      if (typeof root !== "string" || !readableJson(root, true)) return refuse(400, "a multipart body without its arguments", UNREADABLE());
      const unresolved = unresolvedReference(parts, "", isKnownAction);
      return unresolved === null ? { ok: true } : refuse(400, unresolved, UNREADABLE());
    }
    for (const [name, value] of form) {
      if (!/^\$ACTION_\d+:\d+$/.test(name)) continue;
      if (typeof value !== "string" || !readableJson(value, false)) return refuse(400, "a form with an unreadable action descriptor", UNREADABLE());
    }
    // A form bound to arguments names its descriptor, `$ACTION_n:0` ({ id, bound }), whose
    // bound arguments are in the fields after it.
    for (const name of parts.keys()) {
      const ref = /^\$ACTION_REF_(.*)$/.exec(name);
      if (!ref) continue;
      const prefix = `$ACTION_${ref[1]}:`;
      if (typeof parts.get(prefix + "0") !== "string") return refuse(400, "a form without its action descriptor", UNREADABLE());
      const unresolved = unresolvedReference(parts, prefix, isKnownAction);
      if (unresolved !== null) return refuse(400, unresolved, UNREADABLE());
      const id = (JSON.parse(parts.get(prefix + "0") as string) as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return refuse(400, "an action descriptor without an id", UNREADABLE());
      if (isKnownAction && !isKnownAction(id)) return refuse(400, "an action id this server does not have", OUT_OF_DATE());
    }
    for (const name of parts.keys()) {
      if (name.startsWith("$ACTION_ID_") && isKnownAction && !isKnownAction(name.slice(11))) return refuse(400, "an action id this server does not have", OUT_OF_DATE());
    }
    return { ok: true };
  }
  if (!fetchAction) return { ok: true };
  const text = body.toString("utf8");
  if (!readableJson(text, true)) return refuse(400, body.byteLength === 0 ? "an empty body" : "a body that is not a JSON array of arguments", UNREADABLE());
  const unresolved = unresolvedReference(new Map([["0", text]]), "", isKnownAction);
  return unresolved === null ? { ok: true } : refuse(400, unresolved, UNREADABLE());
}
