import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/*
 * Checking that every word a page shows came from a message catalog. The e2e server runs with
 * PSEUDO_LOCALE=on, which offers the test-only pseudo-locale "en-XA": every catalog message,
 * and every date formatted in the page's language, is shown wrapped in ⟦ ⟧ (lib/i18n/catalog.ts,
 * lib/dates.ts). A page opened in it may show letters outside brackets only where they are
 * people's own words: the demo town's content (every string in db/seed-data) and what a test
 * typed itself. Anything else is a word that did not come from a catalog, and fails.
 *
 * Pages are checked by e2e/accessibility-everywhere.spec.ts, which opens every page: each page
 * listed in TRANSLATED is opened again in the pseudo-locale and checked here, then in Spanish
 * and checked by axe.
 */

export const LANGUAGE_COOKIE = "ct_locale";
export const PSEUDO_LOCALE = "en-XA";

/** Markdown's marks, and spacing, which differ between what was typed and how it shows. */
const plain = (text: string) => text.replace(/[*_`#>[\]()!|~]+/g, " ").replace(/\s+/g, " ").trim().toLowerCase();

let demoText: string | undefined;

/** Every string written in the demo town's seed files: its groups, activities, projects, people and places. */
function demoTownText(): string {
  if (demoText === undefined) {
    const dir = path.join(__dirname, "..", "db", "seed-data");
    const strings: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      for (const m of source.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) strings.push((m[1] ?? m[2] ?? m[3] ?? "").replace(/\\n/g, "\n"));
    }
    demoText = strings.map(plain).join("\n");
  }
  return demoText;
}

/** Text the page shows: what is visible, the title, and the labels only assistive technology reads. */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.title, document.body.innerText];
    for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], img[alt], input[type=submit], input[type=button]"))) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
      if (el instanceof HTMLInputElement && (el.type === "submit" || el.type === "button") && el.value) out.push(el.value);
    }
    // <option> text inside a closed <select> is not in innerText everywhere; read it too.
    for (const option of Array.from(document.querySelectorAll("option"))) out.push(option.textContent ?? "");
    return out;
  });
}

/** The parts of a text outside ⟦ ⟧ that hold a letter, line by line. */
export function outsideBrackets(text: string): string[] {
  let rest = text;
  // Messages nest (a formatted date inside a sentence): take out the innermost first.
  for (let before = ""; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, "\n");
  }
  return rest
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /\p{L}/u.test(line));
}

/**
 * Words on the page that came from no catalog: text outside ⟦ ⟧ that is neither the demo
 * town's content nor in `ownWords` (what the test itself typed: names, titles).
 */
export async function wordsFromNoCatalog(page: Page, ownWords: readonly string[] = []): Promise<string[]> {
  const known = `${demoTownText()}\n${ownWords.map(plain).join("\n")}`;
  const found = new Set<string>();
  for (const text of await shownTexts(page)) {
    for (const part of outsideBrackets(text)) {
      // A member's initials stand in for a photo (components/pictures/avatar.tsx): drawn from their name.
      if (/^\p{Lu}{1,3}$/u.test(part)) continue;
      // Names the tests make are unique by a hex tail ("Mia 1a2b3c4d" from e2e/people.ts, "Mia 1a2b3c" from the sign-up form): people's own words.
      const words = plain(part.replace(/[\p{L}'-]+(?: [\p{L}'-]+)* [0-9a-f]{6,8}\b/gu, " "));
      if (/\p{L}/u.test(words) && !known.includes(words)) found.add(part);
    }
  }
  return [...found];
}

/** Opens the page again in the pseudo-locale and fails on any word that came from no catalog. */
export async function expectEveryWordFromCatalogs(page: Page, ownWords: readonly string[] = []): Promise<void> {
  await inLanguage(page, PSEUDO_LOCALE, async () => {
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    expect(await wordsFromNoCatalog(page, ownWords), `${page.url()}: words that came from no catalog`).toEqual([]);
  });
}

/** Runs `fn` with the page reloaded in a language (by the language cookie), then reloads it as it was. */
export async function inLanguage(page: Page, locale: string, fn: () => Promise<void>): Promise<void> {
  const context = page.context();
  const url = new URL(page.url());
  const before = (await context.cookies(url.origin)).find((c) => c.name === LANGUAGE_COOKIE);
  await context.addCookies([{ name: LANGUAGE_COOKIE, value: locale, url: url.origin }]);
  try {
    await page.reload();
    await fn();
  } finally {
    if (before) await context.addCookies([before]);
    else await context.clearCookies({ name: LANGUAGE_COOKIE });
  }
}

/**
 * The page files whose every word comes from a catalog, checked in the pseudo-locale and in
 * Spanish by e2e/accessibility-everywhere.spec.ts. Every page belongs here.
 */
export const TRANSLATED = new Set<string>([
  "app/offline/page.tsx",
  "app/me/week/page.tsx",
  "app/account/push/page.tsx",
  "app/groups/page.tsx",
  "app/groups/[slug]/page.tsx",
  "app/groups/[slug]/join/page.tsx",
  "app/groups/[slug]/manage/page.tsx",
  "app/groups/[slug]/settings/page.tsx",
  "app/groups/[slug]/settings/forbidden.tsx",
  "app/groups/[slug]/reports/page.tsx",
  "app/groups/[slug]/questions/page.tsx",
  "app/groups/[slug]/questions/[id]/page.tsx",
  "app/groups/new/page.tsx",
  "app/groups/[slug]/projects/new/page.tsx",
  "app/projects/page.tsx",
  "app/projects/[id]/page.tsx",
  "app/projects/[id]/edit/page.tsx",
  "app/projects/[id]/tasks/[taskId]/edit/page.tsx",
  "app/report/page.tsx",
  "app/admin/reports/page.tsx",
  "app/admin/email/page.tsx",
  "app/page.tsx",
  "app/activities/page.tsx",
  "app/activities/[id]/page.tsx",
  "app/help/page.tsx",
  "app/not-found.tsx",
  "app/forbidden.tsx",
  "app/activities/[id]/edit/page.tsx",
  "app/activities/[id]/organize/page.tsx",
  "app/groups/[slug]/activities/new/page.tsx",
  "app/groups/[slug]/hours/page.tsx",
  "app/me/hours/page.tsx",
  "app/(auth)/signin/page.tsx",
  "app/(auth)/signup/page.tsx",
  "app/(auth)/forgot-password/page.tsx",
  "app/(auth)/reset-password/[token]/page.tsx",
  "app/(auth)/confirm-email/[token]/page.tsx",
  "app/(auth)/confirm-email/done/page.tsx",
  "app/(auth)/signin/link/[token]/page.tsx",
  "app/account/page.tsx",
  "app/account/deleted/page.tsx",
  "app/me/participation/page.tsx",
  "app/me/mix/page.tsx",
  "app/me/plan/page.tsx",
  "app/me/partners/page.tsx",
  "app/me/partners/[id]/page.tsx",
  "app/me/partners/join/page.tsx",
  "app/me/questions/page.tsx",
  "app/me/questions/[id]/page.tsx",
  "app/members/[id]/page.tsx",
  "app/notifications/page.tsx",
  "app/guest/confirm/[token]/page.tsx",
  "app/guest/manage/[token]/page.tsx",
  "app/still-coming/[purpose]/[token]/page.tsx",
  "app/unsubscribe/[token]/page.tsx",
]);
