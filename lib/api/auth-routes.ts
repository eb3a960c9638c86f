import "server-only";
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { apiError, guarded, JSON_BODY_LIMIT, readCapped } from "@/lib/api/http";
import { sameSiteRedirect } from "@/lib/validation/auth";

/*
 * next-auth's own endpoints (/api/auth/…), answered like the rest of the API when what is sent
 * cannot be what they take. next-auth answers a body it cannot read with 400 "Bad request.", a
 * POST /api/auth/session without its CSRF token with 400 `null`, and an unknown address with
 * 400: here each is the API's error shape, saying what is wrong. A return address that is not
 * one is quietly the home page. What next-auth does take
 * (sign-in, sign-out, the session, the CSRF token) passes to it unchanged.
 */

/** next-auth's endpoints, and those that name a provider (credentials is the only one). */
const ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "webauthn-options"]);
const WITH_PROVIDER = new Set(["signin", "callback", "webauthn-options"]);
const PROVIDERS = new Set(["credentials"]);

/** Whether the path after /api/auth/ is an endpoint next-auth serves. */
export function isAuthEndpoint(pathname: string): boolean {
  const parts = pathname.replace(/^\/api\/auth\/?/, "").split("/").filter(Boolean);
  const [action, provider] = parts;
  if (parts.length === 0 || parts.length > 2 || !ACTIONS.has(action)) return false;
  return provider === undefined || (WITH_PROVIDER.has(action) && PROVIDERS.has(provider));
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
  const tooLarge = () => apiError("too_large", `The request body is too large: send at most ${JSON_BODY_LIMIT / 1024} KB.`);
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
      return apiError("invalid_body", "The request body must be valid JSON.");
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return apiError("invalid_body", 'The body must be a JSON object, like {"csrfToken": "…"}.');
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
  if (response.status >= 500) return apiError("internal", "Something went wrong on our side. Please try again.");
  if (request.method === "POST" && new URL(request.url).pathname.endsWith("/session")) {
    return apiError("invalid_body", "Send the CSRF token from GET /api/auth/csrf as csrfToken in the body, with the cookie that came with it.");
  }
  return apiError("invalid_body", "This sign-in request could not be read.");
}

/** Wraps next-auth's handler for GET or POST. */
export function authRoute(handler: Handler): Handler {
  return (request) =>
    guarded(async () => {
      if (!isAuthEndpoint(new URL(request.url).pathname)) return apiError("not_found", "There is no sign-in endpoint at this address.");
      const forwarded = await readable(request);
      if (forwarded instanceof Response) return forwarded;
      return inApiShape(forwarded, await handler(forwarded));
    });
}
