import "server-only";
import { env, type Env } from "@/lib/env";

const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
// A host name or address with an optional port; anything else in a Host header is not used.
const HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

const first = (value: string | null) => value?.split(",")[0].trim() || undefined;

/**
 * The site's public origin, for links that leave the site (calendar entries, copied invite
 * links). `SITE_URL` when it is set. Otherwise the request's own Host; the proxy's
 * X-Forwarded-Host/-Proto only when `TRUST_PROXY` says a proxy in front sets them, since
 * without one any client can send them and have the links point elsewhere.
 */
export function siteOrigin(headers: Headers, fallback = "", settings: Pick<Env, "SITE_URL" | "TRUST_PROXY"> = env()): string {
  if (settings.SITE_URL) return settings.SITE_URL;
  const forwardedHost = settings.TRUST_PROXY ? first(headers.get("x-forwarded-host")) : undefined;
  const host = forwardedHost ?? headers.get("host") ?? undefined;
  if (!host || !HOST.test(host)) return fallback;
  const forwardedProto = settings.TRUST_PROXY ? first(headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const proto = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : LOCAL.test(host) ? "http" : "https";
  return `${proto}://${host}`;
}

/** Whether `siteOrigin` depends on the request's headers (so a shared cache must vary on them). */
export function originVariesByRequest(settings: Pick<Env, "SITE_URL" | "TRUST_PROXY"> = env()): string | null {
  if (settings.SITE_URL) return null;
  return settings.TRUST_PROXY ? "Host, X-Forwarded-Host, X-Forwarded-Proto" : "Host";
}
