import http from "node:http";
import { SHARED_CACHE_VARY } from "@/lib/shared-caching";

/*
 * A visitor's public page is in the language their browser asks for, and a shared cache may
 * keep it (lib/shared-caching.ts), so such a response must say it varies by Accept-Language.
 * Next writes its own Vary after the proxy has run and drops the proxy's, so the word is added
 * here, as the response's head is written: to every response a shared cache may keep.
 */

const installed = Symbol.for("common-thread.language-vary");

export function installLanguageVary(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    const cacheControl = String(this.getHeader("cache-control") ?? "");
    if (/\bs-maxage=/.test(cacheControl)) {
      const vary = this.getHeader("vary");
      const current = Array.isArray(vary) ? vary.join(", ") : String(vary ?? "");
      if (!new RegExp(`\\b${SHARED_CACHE_VARY}\\b`, "i").test(current)) this.setHeader("vary", current ? `${current}, ${SHARED_CACHE_VARY}` : SHARED_CACHE_VARY);
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof proto.writeHead;
}
