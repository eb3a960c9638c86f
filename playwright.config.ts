import fs from "node:fs";
import os from "node:os";
import { chromium, defineConfig, devices, type LaunchOptions } from "@playwright/test";

/*
 * End-to-end tests run in Chromium against a production build (scripts/e2e-server.ts) with a
 * database of its own: a wiped embedded folder, or a throwaway PostgreSQL database when
 * DATABASE_URL is set. See docs/testing.md.
 */

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// One id for the whole run, shared with the workers (they inherit this environment).
process.env.E2E_RUN_ID ??= `${process.pid}_${Date.now().toString(36)}`;

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * The system Chromium when there is one (Debian's package; Playwright cannot download its
 * own browsers everywhere), otherwise Playwright's own, otherwise a plain instruction.
 */
function chromiumLaunchOptions(): LaunchOptions {
  const chosen = process.env.CHROMIUM_PATH || (fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  if (chosen) {
    return {
      executablePath: chosen,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    };
  }
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser for this platform at all.
  }
  if (bundled && fs.existsSync(bundled)) return {};
  throw new Error(
    "No Chromium for the end-to-end tests. Install one with `apt-get install -y chromium` (Debian/Ubuntu, " +
      "found at /usr/bin/chromium) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.",
  );
}

export default defineConfig({
  testDir: "e2e",
  // E2E_SPECS=a,b runs only e2e/a.spec.ts and e2e/b.spec.ts (CI's PostgreSQL run uses it).
  testMatch: process.env.E2E_SPECS ? process.env.E2E_SPECS.split(",").map((name) => `${name.trim()}.spec.ts`) : "*.spec.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores run the server and the browsers; more workers only queue behind them.
  workers: Math.max(1, Math.min(2, os.cpus().length)),
  reporter: "list",
  timeout: 45_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    baseURL,
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/London",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // `next build` alone takes a minute or more on two cores.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      ...(process.env as Record<string, string>),
      E2E_PORT: String(port),
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // Counts each request's SQL statements for e2e/round-trips.spec.ts.
      SQL_STATEMENT_PROBE: "on",
    },
  },
});
