import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { ActivityPage } from "./pages/activity-page";
import { SignInPage, SignUpPage, type Credentials } from "./pages/auth-pages";
import { ListingPage } from "./pages/listing-page";
import { SiteChrome } from "./pages/site-chrome";

/*
 * Every test that needs an account makes its own through the sign-up page, with a unique
 * email, so tests never depend on each other or on the demo accounts' state.
 */

export function newCredentials(): Credentials {
  const id = crypto.randomBytes(5).toString("hex");
  return { name: `Tester ${id}`, email: `e2e-${id}@example.test`, password: `correct horse ${id}` };
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** A phone held upright (an iPhone 12 to 15) and a laptop's window. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 720 };

/**
 * Runs axe on the page as it is now, in the light and then the dark colour scheme (the theme
 * follows the system setting), and fails with a readable list of any WCAG 2.2 AA violations.
 * With `widths`, the same loaded page is resized to each size in turn and checked in both
 * themes there (a layout that reflows can hide, overlap or recolour things), then given back
 * its own size; the failure lists every size and theme that has violations. The dark theme only
 * swaps the palette (app/globals.css), so in this mode it is judged by the rules colours can
 * break, which halves the time a sweep of every page takes.
 */
export async function expectNoAxeViolations(page: Page, options: { widths?: { width: number; height: number }[] } = {}): Promise<void> {
  const own = page.viewportSize();
  const found: Record<string, AxeViolation[]> = {};
  for (const size of options.widths ?? [null]) {
    if (size) await page.setViewportSize(size);
    for (const [colorScheme, violations] of await axeInBothThemes(page, size ? COLOUR_RULES : undefined)) {
      if (violations.length) found[size ? `${colorScheme} theme at ${size.width}×${size.height}` : `${colorScheme} theme`] = violations;
    }
  }
  if (options.widths && own) await page.setViewportSize(own);
  expect(found, `axe found WCAG violations on ${page.url()}`).toEqual({});
}

interface AxeViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  where: string[];
}

/** The WCAG rules whose outcome depends on colours alone. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** axe in the light and the dark theme, at the page's current size; `darkRules` narrows the dark run. */
async function axeInBothThemes(page: Page, darkRules?: string[]): Promise<[string, AxeViolation[]][]> {
  // With several people's pages open, the one checked is brought to the front: a page behind
  // the others may have its timers and animations held back, and axe waits on both.
  await page.bringToFront();
  const outcome: [string, AxeViolation[]][] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Buttons ease their colours when the theme changes; judge the colours they settle on. The
    // transitions are ended at once rather than awaited: a page that is not in front (a test
    // with two people has two) may never run its animations to the end.
    await page.evaluate(() => {
      for (const a of document.getAnimations()) {
        try {
          a.finish();
        } catch {
          // An endless animation cannot finish; it has no colour to settle on either.
        }
      }
    });
    // Only violations are read: axe then skips describing every node that passed (the sweep of every page took about a tenth less).
    const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
    const results = await (colorScheme === "dark" && darkRules ? axe.withRules(darkRules) : axe.withTags(WCAG_TAGS)).analyze();
    outcome.push([
      colorScheme,
      results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        where: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`),
      })),
    ]);
  }
  await page.emulateMedia({ colorScheme: null });
  return outcome;
}

interface Fixtures {
  chrome: SiteChrome;
  listing: ListingPage;
  activityPage: ActivityPage;
  signInPage: SignInPage;
  signUpPage: SignUpPage;
  /** A member created for this test through the sign-up page; the page is signed in as them. */
  member: Credentials;
}

export const test = base.extend<Fixtures>({
  chrome: async ({ page }, use) => use(new SiteChrome(page)),
  listing: async ({ page }, use) => use(new ListingPage(page)),
  activityPage: async ({ page }, use) => use(new ActivityPage(page)),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  signUpPage: async ({ page }, use) => use(new SignUpPage(page)),
  member: async ({ page, signUpPage, chrome }, use) => {
    const who = newCredentials();
    await signUpPage.goto();
    await signUpPage.signUp(who);
    await chrome.expectSignedInAs(who.name);
    await use(who);
  },
});

export { expect };
