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
};

// next-intl reads its per-request configuration (the language and its catalog) from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
