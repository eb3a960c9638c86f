import crypto from "node:crypto";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup } from "./people";

/*
 * A new member's walk through the hub on a phone and a desktop: filters that come first and
 * fold away, finding things by neighbourhood without JavaScript, a header that folds into a
 * menu, the icons and robots rules, and the organizer's forms and member list.
 */

const PHONE = { width: 390, height: 844 };

test.describe("the listing on a phone", () => {
  test.use({ viewport: PHONE });

  test("puts the filters first, folded away, and opens them when a filter is in use", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/activities");
    const filters = page.getByTestId("filters-disclosure");
    const firstCard = page.getByTestId("activity-card").first();
    await expect(filters).not.toHaveAttribute("open", "");
    await expect(page.getByTestId("filter-form").getByLabel("Search")).toBeHidden();
    const [filtersBox, cardBox] = [await filters.boundingBox(), await firstCard.boundingBox()];
    expect(filtersBox!.y).toBeLessThan(cardBox!.y);
    // The first result is on the first screen, not 5,000 px down.
    expect(cardBox!.y).toBeLessThan(PHONE.height);
    await page.screenshot({ path: test.info().outputPath("listing-phone.png"), fullPage: false });
    await expectNoAxeViolations(page);

    await page.getByTestId("filters-summary").click();
    await expect(page.getByTestId("filter-form").getByLabel("Search")).toBeVisible();

    await page.goto("/activities?kind=walk");
    await expect(page.getByTestId("filters-disclosure")).toHaveAttribute("open", "");
    await expect(page.getByTestId("filters-summary")).toHaveText("Filters (in use)");
  });

  test("folds the signed-in header into one line with a menu", async ({ browser, request }) => {
    test.setTimeout(120_000);
    const sam = await newPerson(browser, request, "Sam", { viewport: PHONE });
    const header = sam.page.locator("header").first();
    expect((await header.boundingBox())!.height).toBeLessThan(80);
    await expect(sam.page.getByTestId("account-link")).toBeHidden();
    await sam.page.getByTestId("site-menu-button").click();
    await expect(sam.page.getByTestId("account-link")).toBeVisible();
    await expect(sam.page.getByTestId("sign-out")).toBeVisible();
    await expectNoAxeViolations(sam.page);
  });
});

test.describe("the listing on a desktop", () => {
  test("shows the filters without opening them, with room for whole dates", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/activities");
    await expect(page.getByTestId("filter-form").getByLabel("Search")).toBeVisible();
    await expect(page.getByTestId("filters-summary")).toBeHidden();
    for (const label of ["From", "To"]) {
      const box = await page.getByTestId("filter-form").getByLabel(label, { exact: true }).boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(160);
    }
    // Every card says how people take part.
    const first = page.getByTestId("activity-card").first();
    await expect(first.getByText(/^(In person|Online|In person or online)$/)).toHaveCount(1);
  });

  test("finds activities by neighbourhood and distance, and online ones, with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/activities");
    const form = page.getByTestId("filter-form");
    await form.getByLabel("Neighbourhood").selectOption("Riverside");
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/neighbourhood=Riverside/);
    const cards = page.getByTestId("activity-card");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const text of await cards.allTextContents()) expect(text).toContain("Riverside");

    await page.getByTestId("filter-form").getByLabel("Within").selectOption("2");
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/km=2/);
    await expect(page.getByTestId("distance").first()).toHaveText(/ · \d+(\.\d)? km from Riverside$/);

    await page.goto("/activities?near=Atlantis");
    await expect(page.getByTestId("filter-errors")).toContainText("We don't know a place called “Atlantis”");

    await page.goto("/activities?format=online");
    await expect(page.getByTestId("filters-disclosure")).toHaveAttribute("open", "");
    for (const text of await page.getByTestId("activity-card").allTextContents()) expect(text).toMatch(/Online|In person or online/);
    await context.close();
  });
});

test("the site has an icon, robots rules that keep members' pages out, and a manifest", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect((await request.get("/icon.svg")).status()).toBe(200);
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/me", "/account", "/notifications", "/groups/*/manage"]) expect(robots).toContain(`Disallow: ${path}`);
  const manifestResponse = await request.get("/manifest.webmanifest");
  expect(manifestResponse.headers()["vary"] ?? "", "the manifest is in the asker's language").toMatch(/Accept-Language/i);
  const manifest = await manifestResponse.json();
  expect(manifest.name).toBe("Common Thread");
  for (const i of manifest.icons) expect((await request.get(i.src)).status()).toBe(200);
});

test("the manifest describes the hub in the language the browser asks for, and a cache checks every copy again before reuse", async ({ request }) => {
  const spanish = await request.get("/manifest.webmanifest", { headers: { "accept-language": "es-ES,es;q=0.9" } });
  expect(await spanish.json()).toMatchObject({ name: "Common Thread", lang: "es", description: "Encuentra proyectos de voluntariado, paseos en grupo y encuentros de aficiones cerca de ti, a la medida de tu energía." });
  // No Vary can be set on a metadata route; a copy kept must be revalidated, which answers in the asker's language.
  expect(spanish.headers()["cache-control"] ?? "").toMatch(/max-age=0\b.*must-revalidate|no-store|private/);
  expect(spanish.headers()["cache-control"] ?? "").not.toMatch(/s-maxage/);
  const english = await (await request.get("/manifest.webmanifest", { headers: { "accept-language": "en-GB" } })).json();
  expect(english).toMatchObject({ lang: "en-GB", description: "Find volunteer projects, group walks and hobby meetups near you, sized to your energy." });
});

test("an organizer's forms and member list: sensible defaults, a warning, confirmations, a quiet ban with a reason", async ({ browser, request }) => {
  test.setTimeout(420_000);
  // A browser on a server-like machine reports UTC; the form must not take that as the group's zone.
  const olu = await newPerson(browser, request, "Olu", { timezoneId: "UTC" });
  const slug = await startGroup(olu.page, `Sunday Sketchers ${crypto.randomBytes(3).toString("hex")}`, "Everyone's drawing is welcome.");
  const auth = await bearer(request, olu);
  for (const days of [2, 9]) {
    const start = new Date(Date.now() + days * 86_400_000);
    const res = await request.post(`/api/groups/${slug}/activities`, {
      headers: auth,
      data: { kind: "hobby", title: "Sketching by the weir", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 7_200_000)), timezone: "Europe/London", placeName: "The weir", energyLevel: "low", talkLevel: "quiet" },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  // New activity: the group's usual kind and the site's zone, not "Group walk" and UTC.
  await olu.page.goto(`/groups/${slug}/activities/new`);
  await expect(olu.page.getByLabel("Kind of activity")).toHaveValue("hobby");
  await expect(olu.page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await olu.page.getByLabel("Title").fill("Sketch crawl");
  await olu.page.getByLabel("Place name").fill("Market cross");
  const yesterday = new Date(Date.now() - 86_400_000);
  await olu.page.getByLabel("Starts").fill(londonLocal(yesterday));
  await olu.page.getByLabel("Ends").fill(londonLocal(new Date(yesterday.getTime() + 3_600_000)));
  await expect(olu.page.getByTestId("started-warning")).toContainText("already passed");
  await expectNoAxeViolations(olu.page);
  await olu.page.getByTestId("activity-submit").click();
  await expect(olu.page.getByTestId("form-error")).toContainText("already started");
  await olu.page.getByTestId("started-ok").check();
  await olu.page.getByTestId("activity-submit").click();
  await expect(olu.page.getByTestId("saved-status")).toHaveText("Your activity is posted. People can find it and RSVP now.");
  const activityPath = new URL(olu.page.url()).pathname;

  await olu.page.goto(`${activityPath}/edit`);
  await olu.page.getByLabel("Title").fill("Sketch crawl (market)");
  await olu.page.getByTestId("activity-submit").click();
  await expect(olu.page.getByTestId("saved-status")).toContainText("Your changes are saved.");

  // A member who chose to be listed is not asked whether they want their name shown.
  const bea = await newPerson(browser, request, "Bea");
  await bea.page.goto("/account");
  await bea.page.getByTestId("listed-as-going").check();
  await bea.page.getByTestId("privacy-save").click();
  await bea.page.goto(`/groups/${slug}`);
  await expect(bea.page.getByText("Everyone's drawing is welcome.")).toHaveCount(1);
  await bea.page.getByTestId("accept-agreements").check();
  await bea.page.getByTestId("join-group").click();
  await expect(bea.page.getByTestId("membership-status")).toContainText("You're a member");
  await bea.page.goto(activityPath);
  await expect(bea.page.getByTestId("name-shown-hint")).toContainText("Your name is shown here when you're going.");
  await expect(bea.page.getByText("Want your name shown?")).toHaveCount(0);

  // Members' actions wait behind a quiet menu; a ban asks why.
  await olu.page.goto(`/groups/${slug}/manage`);
  const row = olu.page.getByTestId("member-row").filter({ hasText: bea.name });
  await expect(row.getByTestId("member-ban")).toBeHidden();
  await row.getByTestId("member-options").click();
  await expect(row.getByTestId("ban-reason")).toBeVisible();
  await expectNoAxeViolations(olu.page);
  await row.getByTestId("ban-reason").fill("Ignored the agreements twice after being asked kindly.");
  await row.getByTestId("member-ban").click();
  await expect(row.getByTestId("member-outcome")).toHaveText("Banned from the group.");
  await olu.page.reload();
  await expect(olu.page.getByTestId("member-row").filter({ hasText: bea.name }).getByTestId("ban-reason-shown")).toHaveText("Why: Ignored the agreements twice after being asked kindly.");

  // The banned member is told plainly, and not shown the reason.
  await bea.page.goto(`/groups/${slug}`);
  await expect(bea.page.getByTestId("banned-notice")).toContainText("You can't take part in this group");
  await expect(bea.page.getByText("Ignored the agreements")).toHaveCount(0);
  await expectNoAxeViolations(bea.page);

  // The join link tells them the same plainly, not that the group is private or missing.
  await bea.page.goto(`/groups/${slug}/join`);
  await expect(bea.page.getByRole("heading", { level: 1 })).toHaveText("You can't join this group");
  await expect(bea.page.getByTestId("join-refused")).toContainText("can't join it again");
  await expect(bea.page.getByText(/private/i)).toHaveCount(0);
  await expect(bea.page.getByText("Ignored the agreements")).toHaveCount(0);
  await expectNoAxeViolations(bea.page);
});
