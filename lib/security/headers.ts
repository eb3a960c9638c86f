/*
 * The security headers every response carries. The Content-Security-Policy allows only
 * scripts that carry this request's nonce (Next.js reads it from the request's own
 * Content-Security-Policy header and puts it on its scripts), so an injected <script>
 * never runs; 'strict-dynamic' lets those scripts load the page's chunks. Styles may be
 * inline: React and Next set style attributes, and a style cannot run code.
 */

/** A fresh, unguessable nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. `dev` allows what the development server's fast refresh needs;
 * `tileOrigin` is the map tile host (lib/map-tiles.ts), allowed for images only.
 */
export function contentSecurityPolicy(nonce: string, dev = false, tileOrigin: string | null = null, framing: "none" | "anywhere" = "none"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Only the group widget (embeddable below) may be shown in another site's frame.
    framing === "anywhere" ? "frame-ancestors *" : "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

/**
 * The addresses other websites may show in an <iframe>: a public group's widget, which reads
 * no cookie and looks up no session, so a frame on another site can neither act for a member
 * nor show anything private. Every other page refuses to be framed.
 */
export function isEmbeddable(path: string): boolean {
  return /^\/embed\/groups\/[^/]+$/.test(path);
}

/** Headers that do not change per request (an embeddable address leaves out X-Frame-Options). */
export const staticSecurityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Older browsers that ignore frame-ancestors still refuse to show the hub in a frame.
  "X-Frame-Options": "DENY",
  // Location is allowed for the hub's own pages ("Near me" asks for it, and the browser asks the
  // member first); frames from elsewhere never get it.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
