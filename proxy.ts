import { NextResponse, type NextRequest } from "next/server";
import { checkCookieWrite } from "@/lib/security/cross-site";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security/headers";

/*
 * Runs before every request. Each concern is one small function so others can be added
 * beside them: refuse cross-site writes made with the session cookie, then give the page a
 * fresh CSP nonce and put the security headers on the response.
 */

function refuseCrossSiteWrite(request: NextRequest): NextResponse | null {
  if (!request.nextUrl.pathname.startsWith("/api/") || request.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const verdict = checkCookieWrite(request.method, request.headers);
  if (verdict.ok) return null;
  return NextResponse.json({ error: { code: verdict.code, message: verdict.message } }, { status: verdict.status });
}

/** Passes the nonce to the render (Next reads it from the request's CSP header) and returns the policy. */
function withNonce(request: NextRequest): { requestHeaders: Headers; policy: string } {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  return { requestHeaders, policy };
}

function applySecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(staticSecurityHeaders)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { requestHeaders, policy } = withNonce(request);
  const refused = refuseCrossSiteWrite(request);
  if (refused) return applySecurityHeaders(refused, policy);
  return applySecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

export const config = {
  // Static build files are immutable and carry no session; everything else gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
