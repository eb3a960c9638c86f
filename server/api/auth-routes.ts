import "server-only";
import { NextRequest } from "next/server";
import { handlers } from "@/server/auth/config";
import { apiError, guarded, JSON_BODY_LIMIT, readCapped } from "@/server/api/http";
import { apiLocale, speaking } from "@/server/speaking";
import { say } from "@/lib/i18n/said";
import { siteOrigin } from "@/server/request-origin";
import { oidcSettings } from "@/lib/env";
import { sameSiteRedirect } from "@/lib/validation/auth";
import { OIDC_PROVIDER_ID } from "@/server/auth/single-sign-on";

/*
 * next-auth's own endpoints (/api/auth/…), answered like the rest of the API when what is sent
 * cannot be what they take. next-auth answers a body it cannot read with 400 "Bad request.", a
 * POST /api/auth/session without its CSRF token with 400 `null`, and an unknown address with
 * 400: here each is the API's error shape, saying what is wrong. A return address that is not
 * one is quietly the home page. What next-auth does take
 * (sign-in, sign-out, the session, the CSRF token) passes to it unchanged.
 */

/**
 * The next-auth endpoints the hub uses, by method. Signing in and out happen through the
 * hub's own pages and forms (server actions calling signIn/signOut on the server); over HTTP a
 * client reads the session and the CSRF token, signs in with the credentials callback and
 * signs out with a POST. GET /api/auth/signin and /error send a person to the sign-in page. Everything
 * else next-auth would serve (its own HTML sign-out, error and verify pages, providers the hub
 * does not have, webauthn) is a 404 in the API's shape: next-auth answers those with its own
 * pages, or logs a stack and redirects to its error page.
 */
const ENDPOINTS: Record<string, readonly ("GET" | "POST")[]> = {
  session: ["GET", "POST"],
  csrf: ["GET"],
  providers: ["GET"],
  signin: ["GET"],
  error: ["GET"],
  signout: ["POST"],
  "callback/credentials": ["POST"],
};

/**
 * With single sign-on configured, the provider sends the person back to GET /api/auth/callback/oidc
 * (starting it is the sign-in page's server action). Without it, that address is a 404 like any other.
 */
function endpoints(): Record<string, readonly ("GET" | "POST")[]> {
  return oidcSettings() ? { ...ENDPOINTS, [`callback/${OIDC_PROVIDER_ID}`]: ["GET"] } : ENDPOINTS;
}

/** Whether the path after /api/auth/ is an endpoint the hub serves (with any method, when none is given). */
export function isAuthEndpoint(pathname: string, method?: string): boolean {
  const parts = pathname.replace(/^\/api\/auth\/?/, "").split("/").filter(Boolean);
  const served = endpoints();
  const methods = Object.hasOwn(served, parts.join("/")) ? served[parts.join("/")] : undefined;
  if (!methods) return false;
  return method === undefined || (methods as readonly string[]).includes(method);
}

/** What is said at an address the hub does not serve: where it is one for another method, which. */
function notServed(pathname: string): Response {
  const parts = pathname.replace(/^\/api\/auth\/?/, "").split("/").filter(Boolean).join("/");
  const served = endpoints();
  const methods = Object.hasOwn(served, parts) ? served[parts] : undefined;
  if (methods) {
    const [first, second] = methods;
    const message = second ? say("errors.routes.auth.onlyAnswersBoth", { first, second }) : say("errors.routes.auth.onlyAnswers", { method: first });
    return apiError("not_found", message, undefined, { Allow: methods.join(", ") });
  }
  return apiError("not_found", say("errors.routes.auth.noEndpoint"));
}

type Handler = (request: NextRequest) => Promise<Response>;

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Whether a kept return address is on this site (what next-auth's cookie holds: an origin or an address on it). */
function sameOrigin(value: string, origin: string): boolean {
  try {
    return new URL(value, value.startsWith("/") ? origin : undefined).origin === origin;
  } catch {
    return false;
  }
}

/**
 * A return address (query, form field or next-auth's cookie) that is not one is made the home
 * page before next-auth reads it: next-auth answers an invalid one with a 500 or an error page
 * and logs it on every request (InvalidCallbackUrl, or "TypeError: Invalid URL").
 */
function cleanCallbacks(url: URL, headers: Headers, form: URLSearchParams | Record<string, unknown> | null): void {
  const clean = (value: unknown) => sameSiteRedirect(typeof value === "string" ? value : "/", url.origin);
  if (url.searchParams.has("callbackUrl")) url.searchParams.set("callbackUrl", clean(url.searchParams.get("callbackUrl")));
  if (form instanceof URLSearchParams) {
    if (form.has("callbackUrl")) form.set("callbackUrl", clean(form.get("callbackUrl")));
  } else if (form && "callbackUrl" in form) form.callbackUrl = clean(form.callbackUrl);
  const cookie = headers.get("cookie");
  if (!cookie) return;
  const kept = cookie.split(";").filter((part) => {
    const [name, ...rest] = part.split("=");
    if (!CALLBACK_COOKIES.includes(name.trim())) return true;
    let value = rest.join("=").trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return false;
    }
    return sameOrigin(value, url.origin);
  });
  headers.set("cookie", kept.join(";"));
}

/**
 * The request next-auth is given: its body read once (and capped) and checked, and return
 * addresses cleaned; or the answer to a body that cannot be read.
 */
async function readable(request: NextRequest): Promise<NextRequest | Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  if (request.method !== "POST") {
    cleanCallbacks(url, headers, null);
    return new NextRequest(url, { method: request.method, headers });
  }
  const declared = request.headers.get("content-length");
  const tooLarge = () => apiError("too_large", say("errors.routes.auth.tooLarge", { kilobytes: String(JSON_BODY_LIMIT / 1024) }));
  if (declared !== null && !(Number(declared) <= JSON_BODY_LIMIT)) return tooLarge();
  const bytes = await readCapped(request, JSON_BODY_LIMIT);
  if (bytes === "too_large") return tooLarge();
  const text = new TextDecoder().decode(bytes);
  const type = request.headers.get("content-type") ?? "";
  let body: string | undefined = bytes.byteLength > 0 ? text : undefined;
  if (type.includes("application/json")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return apiError("invalid_body", say("errors.api.invalidJson"));
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return apiError("invalid_body", say("errors.routes.auth.bodyNotObject"));
    cleanCallbacks(url, headers, value as Record<string, unknown>);
    body = JSON.stringify(value);
  } else if (type.includes("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(text);
    cleanCallbacks(url, headers, form);
    body = form.toString();
  } else {
    cleanCallbacks(url, headers, null);
  }
  headers.delete("content-length");
  return new NextRequest(url, { method: "POST", headers, body });
}

/** next-auth's own failures that are not in the API's shape, put in it. */
async function inApiShape(request: NextRequest, response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const body: unknown = await response.clone().json().catch(() => undefined);
  if (body !== null && typeof body === "object" && "error" in body) return response;
  if (response.status >= 500) return apiError("internal", say("errors.api.internal"));
  if (request.method === "POST" && new URL(request.url).pathname.endsWith("/session")) {
    return apiError("invalid_body", say("errors.routes.auth.csrf"));
  }
  return apiError("invalid_body", say("errors.routes.auth.unreadable"));
}

/**
 * next-auth builds its redirects from the address Next gives the handler, which is this server
 * as Next started it (http://localhost:<port>), not the site a person reached. A redirect on
 * that origin is moved to the site's own (SITE_URL, or the Host the request was sent to).
 */
function onSiteOrigin(request: NextRequest, response: Response): Response {
  const location = response.headers.get("location");
  if (location === null) return response;
  const internal = new URL(request.url).origin;
  const site = siteOrigin(request.headers, internal);
  if (site === internal || !(location === internal || location.startsWith(`${internal}/`))) return response;
  const headers = new Headers(response.headers);
  headers.set("location", site + location.slice(internal.length));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * GET /api/auth/signin is the hub's sign-in page, with the return address kept when it is on
 * this site; next-auth's error page is the sign-in page too, saying kindly that it did not go
 * through (next-auth's own page says "Server error" and answers 500).
 */
function toSignInPage(request: NextRequest, problem: boolean): Response {
  const url = new URL(request.url);
  const site = siteOrigin(request.headers, url.origin);
  const asked = url.searchParams.get("callbackUrl");
  const back = asked === null ? "/" : sameSiteRedirect(asked, site).slice(site.length) || "/";
  const query = new URLSearchParams();
  if (back !== "/") query.set("callbackUrl", back);
  if (problem) query.set("problem", "1");
  const search = query.size > 0 ? `?${query}` : "";
  return Response.redirect(`${site}/signin${search}`, 302);
}

/**
 * The single sign-on callback, addressed to the site's own origin (server/request-origin.ts), the
 * one its sign-in was started on (server/auth/start-single-sign-on.ts). Auth.js names the redirect
 * URI from the request's address, and the provider refuses a code exchanged for a redirect URI
 * other than the one it was issued to; but Next gives route handlers the address it started on,
 * and a NextRequest writes 127.0.0.1 as "localhost". So this one is a plain Request.
 */
function asSignInStarted(request: NextRequest): NextRequest {
  const internal = new URL(request.url);
  const url = new URL(`${siteOrigin(request.headers, internal.origin)}${internal.pathname}${internal.search}`);
  const headers = new Headers(request.headers);
  cleanCallbacks(url, headers, null);
  return new Request(url, { method: "GET", headers }) as NextRequest;
}

/**
 * Wraps next-auth's handler for GET or POST. Its refusals speak the request's Accept-Language,
 * as the API's do before the caller is known (these routes are where the caller becomes known).
 */
export function authRoute(handler: Handler): Handler {
  return (request) =>
    speaking(apiLocale(request), () =>
      guarded(async () => {
        const { pathname } = new URL(request.url);
        if (request.method === "GET" && /^\/api\/auth\/(signin|error)\/?$/.test(pathname)) return toSignInPage(request, pathname.includes("error"));
        if (!isAuthEndpoint(pathname, request.method)) return notServed(pathname);
        const forwarded = pathname === `/api/auth/callback/${OIDC_PROVIDER_ID}` && request.method === "GET" ? asSignInStarted(request) : await readable(request);
        if (forwarded instanceof Response) return forwarded;
        return onSiteOrigin(request, await inApiShape(forwarded, await handler(forwarded)));
      }),
    );
}
