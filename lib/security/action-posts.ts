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

export type ActionPostVerdict = { ok: true } | { ok: false; status: 400 | 403 | 413; reason: string; message: string };

const refuse = (status: 400 | 403 | 413, reason: string, message: string): ActionPostVerdict => ({ ok: false, status, reason, message });

const UNREADABLE = "This form could not be read. Please reload the page and try again.";
export const TOO_LARGE = "This form is too large to send (at most 1 MB).";
export const CROSS_ORIGIN = "This form was sent from another site, so it was refused. Please use the form on this site.";

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
  return refuse(403, `from another origin (${origin.slice(0, 100)})`, CROSS_ORIGIN);
}

/** Whether the body can be what Next decodes for this post: arguments for a fetch action, a form otherwise. */
export async function judgeActionBody(body: Buffer, contentType: string, fetchAction: boolean): Promise<ActionPostVerdict> {
  if (body.byteLength > ACTION_BODY_LIMIT) return refuse(413, "over 1 MB", TOO_LARGE);
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      // The parser Next itself uses for a form posted without JavaScript.
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return refuse(400, "a multipart body that cannot be read", UNREADABLE);
    }
    if (fetchAction) {
      const root = form.get("0");
      if (typeof root !== "string" || !readableJson(root, true)) return refuse(400, "a multipart body without its arguments", UNREADABLE);
      return { ok: true };
    }
    for (const [name, value] of form) {
      if (!/^\$ACTION_\d+:\d+$/.test(name)) continue;
      if (typeof value !== "string" || !readableJson(value, false)) return refuse(400, "a form with an unreadable action descriptor", UNREADABLE);
    }
    return { ok: true };
  }
  if (!fetchAction) return { ok: true };
  if (!readableJson(body.toString("utf8"), true)) return refuse(400, body.byteLength === 0 ? "an empty body" : "a body that is not a JSON array of arguments", UNREADABLE);
  return { ok: true };
}
