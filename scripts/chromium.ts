import { spawnSync } from "node:child_process";
import fs from "node:fs";

/*
 * Which Chromium the browser tests run in, so that `npm test` on a fresh machine needs nothing
 * installed by hand. In this order:
 * 1. CHROMIUM_PATH, when set (it must exist);
 * 2. Playwright's own Chromium, when it has been downloaded;
 * 3. a system Chromium (Debian's /usr/bin/chromium, Ubuntu's chromium-browser, Chrome);
 * 4. otherwise Playwright's own is downloaded (`npx playwright install chromium`) once, here,
 *    and used;
 * 5. when that download cannot be had (a machine that reaches only its package mirrors), and the
 *    run is root on a Debian-like system, the distribution's `chromium` package is installed;
 *    only when that fails too does the run stop, saying how to get one.
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

/**
 * Debian's `chromium-headless-shell` (the "old" headless mode, as Playwright's own headless runs
 * use): the same engine without the desktop browser around it. Over the browser suite it takes
 * about a quarter less time on two cores. It shows no notifications, so the push spec keeps the
 * full Chromium.
 */
export const SYSTEM_HEADLESS_SHELLS = ["/usr/bin/chromium-headless-shell"];

/** The headless shell to run beside a system Chromium, when the machine has one. */
export function headlessShellBeside(choice: ChromiumChoice, exists: (path: string) => boolean): string | undefined {
  return choice.use === "system" ? SYSTEM_HEADLESS_SHELLS.find((path) => exists(path)) : undefined;
}

export type ChromiumChoice =
  | { use: "configured" | "system"; path: string }
  | { use: "playwright" }
  | { use: "install" }
  | { use: "apt" }
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
  /** Whether the system's package manager may install Chromium (root, with apt-get). */
  canApt?: boolean;
  /** Whether the system package has already been tried this run (and failed). */
  aptTried?: boolean;
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
  if (facts.canApt && !facts.aptTried) return { use: "apt" };
  return { use: "none", problem: NO_CHROMIUM };
}

/** Downloads Playwright's own Chromium (and its headless shell); true when it worked. */
export function installPlaywrightChromium(): boolean {
  console.log("No Chromium found: downloading Playwright's own (npx playwright install chromium) …");
  const result = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["playwright", "install", "chromium"], { stdio: "inherit", timeout: 10 * 60_000 });
  return result.status === 0;
}

/** Installs the distribution's Chromium with apt-get; true when it worked. */
export function installSystemChromium(): boolean {
  console.log("Playwright's Chromium could not be downloaded: installing the system's (apt-get install -y chromium) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const opts = { stdio: "inherit" as const, timeout: 15 * 60_000, env };
  spawnSync("apt-get", ["update"], opts);
  const installed = spawnSync("apt-get", ["install", "-y", "chromium"], opts).status === 0;
  // The lighter shell for most specs, where the distribution has it; the full one serves without it.
  if (installed) spawnSync("apt-get", ["install", "-y", "chromium-headless-shell"], opts);
  return installed;
}

/** Root on a system with apt-get: the only case where the tests install a system package. */
function mayUseApt(exists: (path: string) => boolean): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && exists("/usr/bin/apt-get");
}

/**
 * The choice on this machine, downloading Playwright's Chromium first when nothing else is
 * there. `bundledPath` asks Playwright where its Chromium lives (it throws on a platform it has
 * none for).
 */
export function resolveChromium(
  bundledPath: () => string,
  install = installPlaywrightChromium,
  exists = (path: string) => fs.existsSync(path),
  installApt = installSystemChromium,
  canApt = mayUseApt(exists),
): Exclude<ChromiumChoice, { use: "install" | "apt" }> {
  const bundled = () => {
    try {
      return bundledPath();
    } catch {
      return undefined;
    }
  };
  let facts: ChromiumFacts = { configured: process.env.CHROMIUM_PATH || undefined, bundled: bundled(), exists, canApt };
  // Each way of getting one is tried at most once, so this ends after three turns at most.
  for (;;) {
    const choice = chooseChromium(facts);
    if (choice.use === "install") {
      install();
      facts = { ...facts, bundled: bundled(), installTried: true };
    } else if (choice.use === "apt") {
      installApt();
      facts = { ...facts, aptTried: true };
    } else {
      return choice;
    }
  }
}
