import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // Next's guard against importing server code in the browser; tests are the server.
  "server-only": path.join(root, "tests/helpers/empty.ts"),
};

// A half-hour offset catches time-zone mistakes that whole-hour zones hide. The tests sign
// up and sign in hundreds of members from one address; those limits are tested with their own rules.
const env = { TZ: "Asia/Kolkata", SIGN_UP_LIMIT_PER_HOUR: "100000", SIGN_IN_LIMIT_PER_ADDRESS: "100000" };

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/unit/**"],
          env,
          // Each file gets the real migrations: on PGlite, or a throwaway PostgreSQL database.
          globalSetup: ["tests/helpers/global-setup.ts"],
          setupFiles: ["tests/helpers/setup.ts"],
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
