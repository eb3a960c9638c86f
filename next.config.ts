import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time; bundling
  // it breaks that, so it (and the native argon2 and sharp bindings) stays external; web-push
  // loads its helpers with require() as it goes, so it is left to Node too.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "sharp", "web-push"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden(): a member who is not an organizer gets a real 403 page, not a 200 saying no.
  experimental: { authInterrupts: true },
  // The service worker is always fetched fresh, so a new version reaches members at once; it
  // controls the whole site from /sw.js. The push handlers it imports are fetched fresh too.
  async headers() {
    const fresh = { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" };
    return [
      { source: "/sw.js", headers: [fresh, { key: "Service-Worker-Allowed", value: "/" }, { key: "Content-Type", value: "text/javascript; charset=utf-8" }] },
      { source: "/sw-push.js", headers: [fresh, { key: "Content-Type", value: "text/javascript; charset=utf-8" }] },
      // The manifest is in the asker's language (app/manifest.ts): a kept copy is one per language.
      { source: "/manifest.webmanifest", headers: [{ key: "Vary", value: "Accept-Language, Cookie" }] },
    ];
  },
};

// next-intl reads its per-request configuration (the language and its catalog) from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
