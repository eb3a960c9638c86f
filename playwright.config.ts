import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { chromium, defineConfig, devices, type LaunchOptions } from "@playwright/test";
import { headlessShellBeside, resolveChromium } from "./scripts/chromium";

/*
 * End-to-end tests run in Chromium against a production build (scripts/e2e-server.ts) with a
 * database of its own: a wiped embedded folder, or a throwaway PostgreSQL database when
 * DATABASE_URL is set. See docs/testing.md.
 */

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// One id for the whole run, shared with the workers (they inherit this environment).
process.env.E2E_RUN_ID ??= `${process.pid}_${Date.now().toString(36)}`;

/**
 * Playwright's own Chromium when it has one, a system Chromium otherwise, and when there is
 * neither, Playwright's own downloaded now (scripts/chromium.ts); a system one is started
 * headless without the sandbox, so it also runs as root in containers. `light` is what most
 * specs run in: Playwright's own headless shell, or Debian's (chromium-headless-shell) beside a
 * system Chromium; `full` is the whole browser, for the spec that needs notifications shown.
 */
function chromiumLaunchOptions(): { light: LaunchOptions; full: LaunchOptions } {
  const choice = resolveChromium(() => chromium.executablePath());
  if (choice.use === "none") throw new Error(choice.problem);
  // Playwright runs its own headless shell unless the "chromium" channel asks for the whole browser.
  if (choice.use === "playwright") return { light: {}, full: { channel: "chromium" } };
  const args = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ];
  const full = { executablePath: choice.path, args };
  const shell = headlessShellBeside(choice, (path) => fs.existsSync(path));
  return { light: shell ? { executablePath: shell, args } : full, full };
}

/** A fresh VAPID key pair for the test server. */
function vapidPair(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  const key = ecdh.getPrivateKey();
  return { VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString("base64url"), VAPID_PRIVATE_KEY: Buffer.concat([Buffer.alloc(32 - key.length), key]).toString("base64url") };
}

const browsers = chromiumLaunchOptions();

// E2E_SPECS=a,b runs only e2e/a.spec.ts and e2e/b.spec.ts (CI's PostgreSQL run uses it).
const SPECS = process.env.E2E_SPECS ? process.env.E2E_SPECS.split(",").map((name) => `${name.trim()}.spec.ts`) : ["*.spec.ts"];
// Notifications shown by a service worker: the headless shell has none to show.
const NEEDS_FULL_BROWSER = /(^|\/)push\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
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
    // The service worker (public/sw.js) is tested on its own in e2e/installable.spec.ts; elsewhere its
    // installing (and the offline page it fetches) would only compete with the story under test.
    serviceWorkers: "block",
  },
  projects: [
    { name: "chromium", testMatch: SPECS, testIgnore: NEEDS_FULL_BROWSER, use: { ...devices["Desktop Chrome"], launchOptions: browsers.light } },
    ...(!process.env.E2E_SPECS || SPECS.some((spec) => NEEDS_FULL_BROWSER.test(spec)) ? [{ name: "chromium-full", testMatch: NEEDS_FULL_BROWSER, use: { ...devices["Desktop Chrome"], launchOptions: browsers.full } }] : []),
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
      // Map tiles from 127.0.0.1 only (e2e/tile-server.ts, started by e2e/maps.spec.ts): no test reaches the internet.
      MAP_TILES_URL: `http://127.0.0.1:${port + 940}/tiles/{z}/{x}/{y}.png`,
      // Counts each request's SQL statements for e2e/round-trips.spec.ts.
      SQL_STATEMENT_PROBE: "on",
      // Offers the pseudo-locale that shows which words came from a catalog (e2e/languages.ts).
      PSEUDO_LOCALE: "on",
      // Every API answer the specs receive is checked against the OpenAPI document (a 500 when not).
      API_RESPONSE_CHECK: "on",
      // Push notifications' keys: given, as a site on PostgreSQL must give them (e2e/push.spec.ts).
      ...vapidPair(),
    },
  },
});
