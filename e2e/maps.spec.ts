import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, newCredentials, test } from "./fixtures";
import { basePort, startServer, stopServer, within } from "./servers";
import { startTileServer, tilePort, type TileServer } from "./tile-server";

/*
 * Maps and the place picker. The shared test server takes its tiles from 127.0.0.1
 * (playwright.config.ts); this spec serves them there, generated, so no test reaches the
 * internet, and starts a server of its own with MAP_TILES_URL empty to see maps off.
 */

test.describe.configure({ mode: "serial" });

let tiles: TileServer;
test.beforeAll(async () => {
  tiles = await startTileServer(tilePort(basePort));
});
test.afterAll(async () => {
  await tiles?.close();
});

const DEMO_PASSWORD = "commonthread";

async function signIn(browser: Browser, email: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByTestId("signin-form").getByLabel("Email").fill(email);
  await page.getByTestId("signin-form").getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByTestId("signin-submit").click();
  await expect(page.getByTestId("account-link")).toHaveText(name);
  return page;
}

/** The ids of the activities the listing's cards link to. */
async function listedIds(page: Page): Promise<string[]> {
  const hrefs = await page.getByTestId("activity-list").locator('a[href^="/activities/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((h) => /^\/activities\/([0-9a-f-]{36})/.exec(h)?.[1]).filter((id): id is string => Boolean(id)))];
}

async function markerIds(page: Page): Promise<string[]> {
  return page.getByTestId("map-marker").evaluateAll((ms) => ms.map((m) => m.getAttribute("data-id") ?? ""));
}

async function mapReady(page: Page, testId: string) {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-ready", "true");
  // Tiles drawn from the local tile server, not a broken image.
  await expect.poll(() => page.getByTestId(testId).locator("img.leaflet-tile-loaded").count()).toBeGreaterThan(0);
  const drawn = await page.getByTestId(testId).locator("img.leaflet-tile-loaded").first().evaluate((img) => (img as HTMLImageElement).naturalWidth);
  expect(drawn).toBe(256);
}

test("the listing's map shows local tiles and a marker for each public result on the page, and follows the filters", async ({ page }) => {
  test.setTimeout(120_000);
  const before = tiles.requests.length;
  const response = await page.goto("/activities");
  // The tile host is allowed for images and nothing else.
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toMatch(new RegExp(`img-src [^;]*http://127\\.0\\.0\\.1:${tilePort(basePort)}`));
  expect(csp).not.toMatch(new RegExp(`(connect|script|default|style)-src [^;]*127\\.0\\.0\\.1:${tilePort(basePort)}`));
  // The list is the page; the map is asked for.
  await expect(page.getByTestId("results-map")).toHaveCount(0);
  await page.getByTestId("show-map").click();
  await expect(page).toHaveURL(/view=map/);
  await mapReady(page, "results-map");
  expect(tiles.requests.length).toBeGreaterThan(before);
  const listed = await listedIds(page);
  const marked = await markerIds(page);
  expect(marked.length).toBeGreaterThan(3);
  expect(marked.every((id) => listed.includes(id)), "every marker is one of the results on this page").toBe(true);
  await expectNoAxeViolations(page);

  // A marker's popup links to its activity.
  await page.getByTestId("map-marker").first().dispatchEvent("click");
  await expect(page.locator(".leaflet-popup-content a")).toHaveAttribute("href", `/activities/${marked[0]}`);

  // Filtered, the map shows the new results only, and keeps the map open.
  await page.getByTestId("filter-form").getByRole("checkbox", { name: "Group walk" }).check();
  await page.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(/kind=walk/);
  await expect(page).toHaveURL(/view=map/);
  await mapReady(page, "results-map");
  const walks = await listedIds(page);
  const walkMarkers = await markerIds(page);
  expect(walkMarkers.length).toBeGreaterThan(0);
  expect(walkMarkers.every((id) => walks.includes(id))).toBe(true);
  expect(marked.filter((id) => !walks.includes(id)).some((id) => walkMarkers.includes(id))).toBe(false);

  await page.getByTestId("hide-map").click();
  await expect(page.getByTestId("results-map")).toHaveCount(0);
  await expect(page.getByTestId("activity-list")).toBeVisible();
});

test("a private group's activities are never put on a map, even for its own members", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await signIn(browser, "organizer@example.com", "Alex Organizer");
  await owner.goto("/activities?view=map&group=tuesday-evening-circle");
  const privateIds = await listedIds(owner);
  expect(privateIds.length, "the circle's own organizer sees its activities listed").toBeGreaterThan(0);
  await expect(owner.getByTestId("map-note")).toContainText("None of the activities");
  await expect(owner.getByTestId("map-marker")).toHaveCount(0);
  // Its page keeps the address and the link, without a map.
  await owner.goto(`/activities/${privateIds[0]}`);
  await expect(owner.getByTestId("open-in-map")).toBeVisible();
  await expect(owner.getByTestId("activity-map")).toHaveCount(0);

  // Everyone's listing map, the organizer's and a visitor's: none of the circle's activities.
  await owner.goto("/activities?view=map&perPage=100");
  await mapReady(owner, "results-map");
  expect((await markerIds(owner)).some((id) => privateIds.includes(id))).toBe(false);
  const visitor = await (await browser.newContext()).newPage();
  for (const p of [1, 2]) {
    await visitor.goto(`/activities?view=map&page=${p}`);
    await expect(visitor.getByTestId("listing-map")).toBeVisible();
    if (await visitor.getByTestId("results-map").count()) await mapReady(visitor, "results-map");
    expect((await markerIds(visitor)).some((id) => privateIds.includes(id))).toBe(false);
  }
  const res = await visitor.request.get(`/activities/${privateIds[0]}`);
  expect(res.status()).toBe(404);
});

test("an organizer picks a past place without JavaScript and drops a pin for a new one with it", async ({ browser }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const context = await browser.newContext();
  const page = await context.newPage();
  const who = newCredentials();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByTestId("signup-submit").click();
  await expect(page.getByTestId("account-link")).toHaveText(who.name);
  await page.goto("/groups/new");
  await page.getByLabel("Group name").fill(`Towpath Tidy ${run}`);
  await page.getByLabel("Agreements").fill("Listening over fixing.");
  await page.getByTestId("create-group").click();
  await expect(page.getByTestId("group-name")).toHaveText(`Towpath Tidy ${run}`);
  const groupUrl = new URL(page.url()).pathname;

  // Without JavaScript: a search by postcode among the hub's places, picked by its radio button.
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() })).newPage();
  await plain.goto(`${groupUrl}/activities/new`);
  await expect(plain.getByLabel("Latitude (optional)")).toHaveCount(0);
  await plain.getByTestId("place-search").fill("MB2 4RG");
  await plain.getByTestId("place-search-submit").click();
  await expect(plain).toHaveURL(/placeSearch=MB2\+4RG/);
  const garden = plain.getByTestId("place-choices").locator("label", { hasText: "Riverside Community Garden" });
  await expect(garden).toContainText("a place on the hub");
  await garden.getByRole("radio").check();
  await plain.getByLabel("Title").fill("Garden litter pick");
  await plain.getByTestId("activity-submit").click();
  await expect(plain.getByTestId("activity-title")).toHaveText("Garden litter pick");
  await expect(plain.getByTestId("activity-facts")).toContainText("Riverside Community Garden");
  await expect(plain.getByTestId("activity-facts")).toContainText("MB2 4RG");
  await expect(plain.getByTestId("open-in-map")).toHaveAttribute("href", /mlat=53\.79/);

  // With JavaScript: the garden is now this group's own place; a new place gets a pin from the map.
  await page.goto(`${groupUrl}/activities/new`);
  await expect(page.getByTestId("place-choices").locator("label", { hasText: "Riverside Community Garden" })).toContainText("used by this group");
  await mapReady(page, "pin-map");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill("Towpath clean-up");
  await page.getByLabel("Place name").fill(`Lock 4 bench ${run}`);
  await page.getByLabel("Address, with the postcode").fill("Canal towpath, Millbrook MB3 2CT");
  await page.getByTestId("pin-map").click({ position: { x: 120, y: 90 } });
  await expect(page.getByTestId("map-pin")).toBeVisible();
  await expect(page.getByTestId("remove-pin")).toBeVisible();
  await expect(page.getByTestId("place-latitude")).toHaveValue(/^5\d\.\d+$/);
  await expect(page.getByTestId("place-longitude")).toHaveValue(/^-?\d+\.\d+$/);
  await page.getByTestId("activity-submit").click();
  await expect(page.getByTestId("activity-title")).toHaveText("Towpath clean-up");
  await mapReady(page, "place-map");
  await expect(page.getByTestId("activity-map").getByTestId("map-marker")).toHaveCount(1);
  await expect(page.getByTestId("open-in-map")).toHaveAttribute("href", /mlat=/);

  // Saved for reuse: the next activity offers it, and picking it fills it in.
  await page.goto(`${groupUrl}/activities/new`);
  const bench = page.getByTestId("place-choices").locator("label", { hasText: `Lock 4 bench ${run}` });
  await expect(bench).toContainText("used by this group");
  await bench.getByRole("radio").check();
  await expect(page.getByLabel("Address, with the postcode")).toHaveValue("Canal towpath, Millbrook MB3 2CT");
  await expect(page.getByTestId("map-pin")).toBeVisible();

  // With JavaScript the search keeps what was typed.
  await page.getByLabel("Title").fill("Kept while searching");
  await page.getByTestId("place-search").fill("Old Mill Community");
  await page.getByTestId("place-search-submit").click();
  await expect(page).toHaveURL(/placeSearch=Old\+Mill\+Community/);
  await expect(page.getByTestId("place-choices")).toContainText("Old Mill Community Hall");
  await expect(page.getByLabel("Title")).toHaveValue("Kept while searching");
});

test("with MAP_TILES_URL set empty, maps are off and the address and its link remain", async ({ request }) => {
  test.setTimeout(240_000);
  const port = basePort + 941;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-maps-off-"));
  const server = startServer(port, { DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir, SEED_DEMO: "true", JOBS: "off", AUTH_SECRET: "maps-off-secret-0123456789abcdef", MAP_TILES_URL: "", SQL_STATEMENT_PROBE: undefined });
  try {
    await within(150_000, async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false })).status() === 200);
    const listing = await request.get(`${base}/activities?view=map`);
    expect(listing.headers()["content-security-policy"]).toMatch(/img-src 'self' data: blob:;/);
    const html = await listing.text();
    expect(html).toContain('data-testid="activity-list"');
    expect(html).not.toContain('data-testid="listing-map"');
    expect(html).not.toContain('data-testid="show-map"');
    const id = /href="\/activities\/([0-9a-f-]{36})"/.exec(html)?.[1];
    const activity = await (await request.get(`${base}/activities/${id}`)).text();
    expect(activity).toContain('data-testid="open-in-map"');
    expect(activity).not.toContain('data-testid="activity-map"');
    expect(activity).not.toContain("leaflet");
  } finally {
    await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
