import { DESKTOP, expect, expectNoAxeViolations, test } from "./fixtures";
import { LANGUAGE_COOKIE, outsideBrackets, wordsFromNoCatalog } from "./languages";
import { newPerson } from "./people";

/*
 * The hub in other languages: which language a page is in (the member's setting, then the
 * language cookie the footer's picker sets, then the browser's Accept-Language), that a kept
 * page never answers someone asking in another language, and that the pseudo-locale check
 * (e2e/languages.ts) finds words that came from no catalog. Every page is checked in the
 * pseudo-locale and in Spanish by e2e/accessibility-everywhere.spec.ts.
 */

test("a Spanish browser gets the hub in Spanish, and an English one in English, each time", async ({ browser, playwright, baseURL }) => {
  const spanish = await (await browser.newContext({ locale: "es-ES" })).newPage();
  const english = await (await browser.newContext({ locale: "en-GB" })).newPage();
  // Twice each, interleaved: a visitor's page kept for one language must not answer the other.
  for (let round = 0; round < 2; round++) {
    await spanish.goto("/activities");
    await expect(spanish.locator("html")).toHaveAttribute("lang", "es");
    await expect(spanish.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Actividades" })).toBeVisible();
    await english.goto("/activities");
    await expect(english.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(english.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activities" })).toBeVisible();
  }
  const visitor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "Accept-Language": "es" } });
  const res = await visitor.get("/activities");
  expect(res.headers()["cache-control"]).toContain("s-maxage");
  expect(res.headers()["vary"] ?? "", "a shared cache must keep one page per language").toMatch(/Accept-Language/i);
  expect(await res.text()).toContain('lang="es"');
  await visitor.dispose();
  await expectNoAxeViolations(spanish, { widths: [DESKTOP] });

  // Filters that cannot be used are explained in the page's language too, not only its heading.
  await spanish.goto("/activities?near=Atlantis");
  await expect(spanish.getByTestId("filter-errors")).toContainText("Todavía no conocemos un lugar llamado «Atlantis»");
  await english.goto("/activities?near=Atlantis");
  await expect(english.getByTestId("filter-errors")).toContainText("We don't know a place called “Atlantis”");
});

test("the footer's picker changes the language without JavaScript, and back", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" })).newPage();
  await page.goto("/help");
  await page.getByTestId("language-picker").getByLabel("Language").selectOption("es");
  await page.getByTestId("language-submit").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByTestId("footer-help")).toHaveText("Ayuda y líneas de crisis");
  expect((await page.context().cookies()).find((c) => c.name === LANGUAGE_COOKIE)?.value).toBe("es");
  // Another page keeps it.
  await page.goto("/activities");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByTestId("language-picker").getByLabel("Idioma").selectOption("en");
  await page.getByTestId("language-submit").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByTestId("footer-help")).toHaveText("Help and crisis lines");
});

test("a member's own choice follows them to another browser and wins over that browser's language", async ({ browser, request }) => {
  const member = await newPerson(browser, request, "Lucia");
  await member.page.goto("/");
  await member.page.getByTestId("language-picker").getByLabel("Language").selectOption("es");
  await member.page.getByTestId("language-submit").click();
  await expect(member.page.locator("html")).toHaveAttribute("lang", "es");

  // A new browser that asks for English, with no language cookie: the member's setting decides once signed in.
  const elsewhere = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await elsewhere.goto("/signin");
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "en-GB");
  await elsewhere.getByTestId("signin-form").getByLabel("Email").fill(member.email);
  await elsewhere.getByTestId("signin-form").getByLabel("Password").fill(member.password);
  await elsewhere.getByTestId("signin-submit").click();
  await expect(elsewhere.getByTestId("account-link")).toHaveText(member.name);
  await elsewhere.goto("/activities");
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "es");
  await expect(elsewhere.getByTestId("me-link")).toHaveText("Mis conexiones");
  // Even a language cookie for English does not override the member's own setting.
  await elsewhere.context().addCookies([{ name: LANGUAGE_COOKIE, value: "en", url: new URL(elsewhere.url()).origin }]);
  await elsewhere.reload();
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "es");
});

test("the pseudo-locale check finds a word that came from no catalog (it can fail)", async ({ page }) => {
  expect(outsideBrackets("⟦Sign in⟧\nJoin ⟦on ⟦Sat 5 Dec⟧⟧ now")).toEqual(["Join", "now"]);
  await page.goto("/help");
  await page.context().addCookies([{ name: LANGUAGE_COOKIE, value: "en-XA", url: new URL(page.url()).origin }]);
  await page.reload();
  // The header and footer come from the catalogs.
  await expect(page.getByTestId("footer-help")).toHaveText("⟦Help and crisis lines⟧");
  await page.evaluate(() => document.querySelector("main")?.insertAdjacentHTML("afterbegin", "<p>A sentence written in a page</p>"));
  expect(await wordsFromNoCatalog(page)).toContain("A sentence written in a page");
  // Demo content is people's own words, not the hub's.
  await page.evaluate(() => {
    document.querySelector("main")!.innerHTML = "<p>Riverside Gardeners</p>";
    document.querySelector("footer")!.remove();
  });
  expect(await wordsFromNoCatalog(page)).toEqual(expect.not.arrayContaining(["Riverside Gardeners"]));
});
