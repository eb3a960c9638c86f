import { describe, expect, it, vi } from "vitest";
import { chooseChromium, headlessShellBeside, NO_CHROMIUM, resolveChromium } from "@/scripts/chromium";

/*
 * Which Chromium the browser tests use, given what the machine has: a newcomer's `npm test`
 * gets one by itself wherever it can.
 */

const BUNDLED = "/home/me/.cache/ms-playwright/chromium-1234/chrome-linux/chrome";
const has = (...paths: string[]) => (p: string) => paths.includes(p);

describe("choosing the browser for the tests", () => {
  it("CHROMIUM_PATH wins when it exists, and a missing one is named rather than passed over", () => {
    expect(chooseChromium({ configured: "/opt/chromium", bundled: BUNDLED, exists: has("/opt/chromium", BUNDLED, "/usr/bin/chromium") })).toEqual({ use: "configured", path: "/opt/chromium" });
    expect(chooseChromium({ configured: "/opt/none", bundled: BUNDLED, exists: has(BUNDLED) })).toEqual({ use: "none", problem: expect.stringContaining("/opt/none") });
  });

  it("Playwright's own Chromium, once downloaded, comes before a system one", () => {
    expect(chooseChromium({ bundled: BUNDLED, exists: has(BUNDLED, "/usr/bin/chromium") })).toEqual({ use: "playwright" });
  });

  it("without it, a system Chromium (Debian's, Ubuntu's, Chrome) is used, with no download", () => {
    expect(chooseChromium({ bundled: BUNDLED, exists: has("/usr/bin/chromium") })).toEqual({ use: "system", path: "/usr/bin/chromium" });
    expect(chooseChromium({ bundled: BUNDLED, exists: has("/usr/bin/chromium-browser") })).toEqual({ use: "system", path: "/usr/bin/chromium-browser" });
    expect(chooseChromium({ bundled: undefined, exists: has("/usr/bin/google-chrome") })).toEqual({ use: "system", path: "/usr/bin/google-chrome" });
  });

  it("beside a system Chromium, Debian's headless shell runs most specs when installed; never beside Playwright's own or a configured one", () => {
    const shell = "/usr/bin/chromium-headless-shell";
    const exists = has("/usr/bin/chromium", shell);
    expect(headlessShellBeside(chooseChromium({ bundled: BUNDLED, exists }), exists)).toBe(shell);
    expect(headlessShellBeside(chooseChromium({ bundled: BUNDLED, exists: has("/usr/bin/chromium") }), has("/usr/bin/chromium"))).toBeUndefined();
    // Playwright's own brings its own shell; a CHROMIUM_PATH is taken as given for every spec.
    expect(headlessShellBeside(chooseChromium({ bundled: BUNDLED, exists: has(BUNDLED, shell) }), has(BUNDLED, shell))).toBeUndefined();
    expect(headlessShellBeside(chooseChromium({ configured: "/opt/chromium", exists: has("/opt/chromium", shell) }), has("/opt/chromium", shell))).toBeUndefined();
  });

  it("with no browser at all, Playwright's own is downloaded; after a failed try, the run stops saying how to get one", () => {
    expect(chooseChromium({ bundled: BUNDLED, exists: has() })).toEqual({ use: "install" });
    expect(chooseChromium({ bundled: BUNDLED, exists: has(), installTried: true })).toEqual({ use: "none", problem: NO_CHROMIUM });
    // A platform Playwright has no Chromium for: nothing to download.
    expect(chooseChromium({ bundled: undefined, exists: has() })).toEqual({ use: "none", problem: NO_CHROMIUM });
    expect(NO_CHROMIUM).toMatch(/npx playwright install chromium/);
  });

  it("where Playwright's download cannot be had, root on a Debian-like system installs the system package, once", () => {
    expect(chooseChromium({ bundled: BUNDLED, exists: has(), installTried: true, canApt: true })).toEqual({ use: "apt" });
    expect(chooseChromium({ bundled: undefined, exists: has(), canApt: true })).toEqual({ use: "apt" });
    expect(chooseChromium({ bundled: BUNDLED, exists: has(), installTried: true, canApt: true, aptTried: true })).toEqual({ use: "none", problem: NO_CHROMIUM });
    // Not root (or no apt-get): never a system package.
    expect(chooseChromium({ bundled: BUNDLED, exists: has(), installTried: true, canApt: false })).toEqual({ use: "none", problem: NO_CHROMIUM });
  });
});

describe("on a machine with nothing", () => {
  it("Playwright's own is downloaded once and used; a failed download stops the run with the instruction", () => {
    vi.stubEnv("CHROMIUM_PATH", "");
    let downloaded = false;
    const exists = (p: string) => downloaded && p === BUNDLED;
    const works = vi.fn(() => (downloaded = true));
    expect(resolveChromium(() => BUNDLED, works, exists)).toEqual({ use: "playwright" });
    expect(works).toHaveBeenCalledTimes(1);
    // Now it is there: no second download.
    expect(resolveChromium(() => BUNDLED, works, exists)).toEqual({ use: "playwright" });
    expect(works).toHaveBeenCalledTimes(1);

    downloaded = false;
    const offline = vi.fn(() => false);
    expect(resolveChromium(() => BUNDLED, offline, exists)).toEqual({ use: "none", problem: NO_CHROMIUM });
    expect(offline).toHaveBeenCalledTimes(1);
    // A system Chromium means no download at all.
    const never = vi.fn(() => true);
    expect(resolveChromium(() => BUNDLED, never, (p) => p === "/usr/bin/chromium")).toEqual({ use: "system", path: "/usr/bin/chromium" });
    expect(never).not.toHaveBeenCalled();
    vi.unstubAllEnvs();
  });

  it("offline but for the package mirror, the system's Chromium is installed and used", () => {
    vi.stubEnv("CHROMIUM_PATH", "");
    let installed = false;
    const exists = (p: string) => installed && p === "/usr/bin/chromium";
    const offline = vi.fn(() => false);
    const apt = vi.fn(() => (installed = true));
    expect(resolveChromium(() => BUNDLED, offline, exists, apt, true)).toEqual({ use: "system", path: "/usr/bin/chromium" });
    expect(offline).toHaveBeenCalledTimes(1);
    expect(apt).toHaveBeenCalledTimes(1);
    // A failed package install stops the run with the instruction, after one try each.
    installed = false;
    const aptFails = vi.fn(() => false);
    expect(resolveChromium(() => BUNDLED, offline, exists, aptFails, true)).toEqual({ use: "none", problem: NO_CHROMIUM });
    expect(aptFails).toHaveBeenCalledTimes(1);
    // Not allowed to use apt: never called.
    const never = vi.fn(() => true);
    expect(resolveChromium(() => BUNDLED, offline, exists, never, false)).toEqual({ use: "none", problem: NO_CHROMIUM });
    expect(never).not.toHaveBeenCalled();
    vi.unstubAllEnvs();
  });
});
