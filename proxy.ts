import { NextResponse, type NextRequest } from "next/server";
import { DATABASE_AWAY, databaseAway, databaseStatus, RETRY_AFTER_SECONDS } from "@/db/availability";
import { backShortlyPage } from "@/server/back-shortly";
import { earlyLocale, speakingIn } from "@/lib/i18n/speaking-store";
import { checkCookieWrite } from "@/lib/security/cross-site";
import { mapTilesFrom } from "@/lib/map-tiles";
import { contentSecurityPolicy, isEmbeddable, newNonce, staticSecurityHeaders } from "@/lib/security/headers";
import { sharedCacheHeaders } from "@/lib/shared-caching";
import { addressProblem, badAddressPage } from "@/lib/validation/address";

/*
 * Runs before every request. Each concern is one small function so others can be added
 * beside them: refuse cross-site writes made with the session cookie, answer addresses that
 * cannot be decoded and requests that arrive while the database is away, then give the page
 * a fresh CSP nonce and put the security headers on the response.
 */

function refuseCrossSiteWrite(request: NextRequest): NextResponse | null {
  if (!request.nextUrl.pathname.startsWith("/api/") || request.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const verdict = checkCookieWrite(request.method, request.headers);
  if (verdict.ok) return null;
  return NextResponse.json({ error: { code: verdict.code, message: verdict.message } }, { status: verdict.status });
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

/**
 * An address that names nothing (lib/validation/address.ts): a malformed %-encoding is a 400
 * in the API's JSON shape and the not-found page elsewhere (Next would otherwise fail decoding
 * it with a 500); a NUL is a 400 saying so, on the API and on pages, before any page, route
 * or query reads it.
 */
function refuseMalformedAddress(request: NextRequest, requestHeaders: Headers): NextResponse | null {
  const path = request.nextUrl.pathname;
  const problem = addressProblem(path, request.nextUrl.search);
  if (!problem) return null;
  if (isApi(path)) return NextResponse.json({ error: { code: "invalid_query", message: problem.message } }, { status: 400 });
  if (problem.kind === "nul") {
    return new NextResponse(badAddressPage(problem.message), { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return NextResponse.rewrite(new URL("/not-found", request.url), { request: { headers: requestHeaders } });
}

/**
 * While the database is away, pages answer a plain "we'll be back shortly" (503 with
 * Retry-After), the API a JSON 503, and /api/health its reason, instead of failing one by
 * one. The help page (crisis lines) needs no database and stays reachable.
 */
function whileDatabaseAway(request: NextRequest): NextResponse | null {
  const path = request.nextUrl.pathname;
  if (!databaseAway() || path === "/help") return null;
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (path === "/api/health") {
    return NextResponse.json({ ok: false, database: "unavailable", reason: databaseStatus()?.reason ?? "database unreachable" }, { status: 503, headers });
  }
  if (isApi(path)) return NextResponse.json({ error: { code: "try_again", message: DATABASE_AWAY() } }, { status: 503, headers });
  return new NextResponse(backShortlyPage(), { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** Passes the nonce to the render (Next reads it from the request's CSP header) and returns the policy. */
function withNonce(request: NextRequest): { requestHeaders: Headers; policy: string } {
  const nonce = newNonce();
  // The tile host is read here from MAP_TILES_URL alone (lib/env.ts validates it at start-up).
  const tiles = mapTilesFrom(process.env.MAP_TILES_URL);
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", tiles?.origin ?? null, isEmbeddable(request.nextUrl.pathname) ? "anywhere" : "none");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  return { requestHeaders, policy };
}

function applySecurityHeaders(response: NextResponse, policy: string, path: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(staticSecurityHeaders)) response.headers.set(name, value);
  // The group widget is meant for other sites' frames; X-Frame-Options has no "anywhere", so it goes.
  if (isEmbeddable(path)) response.headers.delete("X-Frame-Options");
  return response;
}

export function proxy(request: NextRequest) {
  const { requestHeaders, policy } = withNonce(request);
  // Its own answers come before anyone is known: in the language cookie's or the browser's language.
  const locale = earlyLocale(request.headers.get("cookie"), request.headers.get("accept-language"));
  const answered = speakingIn(locale, () => refuseMalformedAddress(request, requestHeaders) ?? whileDatabaseAway(request) ?? refuseCrossSiteWrite(request));
  const path = request.nextUrl.pathname;
  if (answered) return applySecurityHeaders(answered, policy, path);
  const response = applySecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy, path);
  for (const [name, value] of Object.entries(sharedCacheHeaders(request.method, request.nextUrl.pathname, request.headers) ?? {})) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build files are immutable and carry no session; everything else gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
