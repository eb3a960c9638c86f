/**
 * The origin a request was sent to, as the person's browser saw it: the proxy's
 * X-Forwarded-Host/-Proto when there is one, else the Host header. Links that leave the
 * site (calendar entries, copied invite links) must carry this, not the address the
 * server happens to listen on.
 */
export function originOf(headers: Headers, fallback = ""): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() || (/^(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
