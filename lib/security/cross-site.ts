import { say } from "@/lib/i18n/said";
/*
 * A browser sends the session cookie with requests that other sites make (a form posted
 * from elsewhere, a no-cors fetch). Route handlers that change something and are
 * authenticated by that cookie therefore refuse requests from any other origin — even
 * another origin of the same site — and require a JSON body, which no page on another
 * origin can send without the hub's permission. Requests with an Authorization header are
 * judged by their token alone, which no other site can attach, so they pass unchanged.
 * Posts to server actions are judged by origin in server/request-gate.ts, before Next reads them.
 */

const PICTURE_TYPES = ["image/jpeg", "image/png", "image/webp"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** What a write whose body is not labelled JSON is told, here and by the API's own body rule (server/api/route.ts). */
export const SEND_JSON = () => say("errors.refusals.crossSite.sendJson");

export type CrossSiteVerdict = { ok: true } | { ok: false; status: 403 | 415; code: "forbidden" | "invalid_body"; message: string };

/** The host the person's browser addressed: the proxy's X-Forwarded-Host, else Host. */
function addressedHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const name = part.split("=")[0].trim();
    return SESSION_COOKIE_NAMES.some((n) => name === n || name.startsWith(`${n}.`));
  });
}

/** Whether a state-changing API request that relies on the session cookie may go ahead. */
export function checkCookieWrite(method: string, headers: Headers): CrossSiteVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  if (headers.has("authorization") || !hasSessionCookie(headers.get("cookie"))) return { ok: true };
  const refused = () => ({ ok: false as const, status: 403 as const, code: "forbidden" as const, message: say("errors.refusals.crossSite.otherSite") });
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return refused();
  const origin = headers.get("origin");
  if (origin !== null && (origin === "null" || hostOf(origin) !== addressedHost(headers))) return refused();
  const type = headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  const hasBody = type !== undefined || (headers.get("content-length") ?? "0") !== "0" || headers.has("transfer-encoding");
  // A picture's own bytes (PUT /api/…/cover, /api/me/photo) are labelled as one: like JSON, such a
  // label is not one a page on another site may send without asking, so it is as safe.
  if (hasBody && type !== "application/json" && !PICTURE_TYPES.includes(type ?? "")) {
    return { ok: false, status: 415, code: "invalid_body", message: SEND_JSON() };
  }
  return { ok: true };
}
