import { spawnSync } from "node:child_process";
import fs from "node:fs";

/*
 * Which Chromium the browser tests run in, so that `npm test` on a fresh machine needs nothing
 * installed by hand. In this order:
 * 1. CHROMIUM_PATH, when set (it must exist);
 * 2. Playwright's own Chromium, when it has been downloaded;
 * 3. a system Chromium (Debian's /usr/bin/chromium, Ubuntu's chromium-browser, Chrome);
 * 4. otherwise Playwright's own is downloaded (`npx playwright install chromium`) once, here,
 *    and used; only when that fails too (no network) does the run stop, saying how to get one.
 * Read by playwright.config.ts.
 */

export const SYSTEM_CHROMIUMS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export type ChromiumChoice =
  | { use: "configured" | "system"; path: string }
  | { use: "playwright" }
  | { use: "install" }
  | { use: "none"; problem: string };

export interface ChromiumFacts {
  /** CHROMIUM_PATH, if set. */
  configured?: string;
  /** Where Playwright's own Chromium is (or would be), or undefined when Playwright has none for this platform. */
  bundled?: string;
  /** Whether a file exists. */
  exists: (path: string) => boolean;
  /** Whether Playwright's own has already been tried this run (and failed). */
  installTried?: boolean;
}

export const NO_CHROMIUM =
  "No Chromium for the browser tests, and Playwright could not download its own (is the network reachable?). " +
  "Run `npx playwright install chromium` when it is, or install one with `apt-get install -y chromium` (Debian/Ubuntu), " +
  "or set CHROMIUM_PATH to a Chromium binary.";

/** The choice, given what exists: a pure rule, so it can be tested without any browser. */
export function chooseChromium(facts: ChromiumFacts): ChromiumChoice {
  if (facts.configured) {
    if (facts.exists(facts.configured)) return { use: "configured", path: facts.configured };
    return { use: "none", problem: `CHROMIUM_PATH is set to ${facts.configured}, which does not exist.` };
  }
  if (facts.bundled && facts.exists(facts.bundled)) return { use: "playwright" };
  const system = SYSTEM_CHROMIUMS.find((path) => facts.exists(path));
  if (system) return { use: "system", path: system };
  if (facts.bundled && !facts.installTried) return { use: "install" };
  return { use: "none", problem: NO_CHROMIUM };
}

/** Downloads Playwright's own Chromium (and its headless shell); true when it worked. */
export function installPlaywrightChromium(): boolean {
  console.log("No Chromium found: downloading Playwright's own (npx playwright install chromium) …");
  const result = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["playwright", "install", "chromium"], { stdio: "inherit", timeout: 10 * 60_000 });
  return result.status === 0;
}

/**
 * The choice on this machine, downloading Playwright's Chromium first when nothing else is
 * there. `bundledPath` asks Playwright where its Chromium lives (it throws on a platform it has
 * none for).
 */
export function resolveChromium(bundledPath: () => string, install = installPlaywrightChromium, exists = (path: string) => fs.existsSync(path)): Exclude<ChromiumChoice, { use: "install" }> {
  const bundled = () => {
    try {
      return bundledPath();
    } catch {
      return undefined;
    }
  };
  const facts: ChromiumFacts = { configured: process.env.CHROMIUM_PATH || undefined, bundled: bundled(), exists };
  const choice = chooseChromium(facts);
  if (choice.use !== "install") return choice;
  install();
  // Tried once: the choice now is Playwright's own, if the download worked, or the instruction.
  return chooseChromium({ ...facts, bundled: bundled(), installTried: true }) as Exclude<ChromiumChoice, { use: "install" }>;
}
