import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson } from "./people";
import { SiteChrome } from "./pages/site-chrome";

/*
 * The hub as an installable app (public/sw.js, app/manifest.ts): Chromium finds nothing that
 * stops an install, the service worker controls the page, a page that cannot be reached shows
 * the offline page, and "My week" stays readable offline for its member alone, until they
 * sign out.
 */

const WEEK_CACHE = "ct-week-v1";

// The rest of the suite blocks service workers (playwright.config.ts); here it is what is tested.
test.use({ serviceWorkers: "allow" });

// One after another: the first starts a browser of its own, and two at once crowd a small machine.
test.describe.configure({ mode: "default" });

/** The width and height a PNG says it has (its IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until the service worker is active and controls the page (it claims open pages when it activates). */
async function controlledBy(page: Page): Promise<string> {
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  expect(["activating", "activated"]).toContain(state);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
}

/** Whether the service worker holds a copy of /me/week. */
const weekKept = (page: Page) => page.evaluate(async (name) => Boolean(await (await caches.open(name)).match("/me/week")), WEEK_CACHE);

test("the manifest and its icons meet Chromium's installability criteria, and the service worker controls the page", async ({ request, baseURL }, testInfo) => {
  const manifestResponse = await request.get("/manifest.webmanifest");
  expect(manifestResponse.status()).toBe(200);
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({ name: "Common Thread", short_name: "Common Thread", start_url: "/", scope: "/", display: "standalone" });
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === `${size}x${size}` && i.type === "image/png");
    expect(icon, `a ${size}×${size} PNG icon`).toBeTruthy();
    const res = await request.get(icon.src);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await res.body())).toEqual({ width: size, height: size });
  }

  // The worker is always fetched afresh, may control the whole site and is allowed by the policy.
  const worker = await request.get("/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["cache-control"]).toContain("no-cache");
  expect(worker.headers()["service-worker-allowed"]).toBe("/");
  expect(worker.headers()["content-type"]).toContain("javascript");
  expect(await worker.text()).toMatch(/^[\s\S]*?\*\/\s*importScripts\("\/sw-push\.js"\);/);
  expect((await request.get("/sw-push.js")).status()).toBe(200);

  // Chromium installs nothing from an incognito profile, which is what a test's own context is: this one has a profile on disk.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ct-installable-"));
  const context = await chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL, locale: "en-GB" });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await installableAndOffline(page);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

async function installableAndOffline(page: Page): Promise<void> {
  await page.goto("/");
  const policy = (await page.request.get("/")).headers()["content-security-policy"];
  expect(policy).toMatch(/worker-src 'self'/);
  expect(await controlledBy(page)).toMatch(/\/sw\.js$/);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);

  // Without a network, a page shows the offline page instead of the browser's error.
  await page.context().setOffline(true);
  const response = await page.goto("/activities");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're offline");
  await expect(page.getByTestId("offline-page").getByRole("link", { name: "My week" })).toHaveAttribute("href", "/me/week");
  await page.context().setOffline(false);
}

test("a member reads My week offline, with the time, place, meeting point and who to ask; after signing out, nobody can", async ({ browser, request }) => {
  test.setTimeout(150_000);
  // The demo town's towpath walk, two days ahead, has a meeting point and a host.
  const title = "Canal towpath walk to Kirkby Lock";
  const member = await newPerson(browser, request, "Mia");
  const page = member.page;
  await page.goto("/groups/millbrook-walking-group");
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const activityId = new URL(page.url()).pathname.split("/")[2];
  await page.getByTestId("rsvp-going").click();
  await expect(page.getByTestId("rsvp-state")).toHaveText("You're going.");
  await controlledBy(page);

  await page.goto("/me/week");
  const item = page.getByTestId("week-item").filter({ hasText: title });
  await expect(item).toContainText("You're going");
  await expect(item).toContainText("Meeting pointTop of the steps at Lock 7");
  await expect(item).toContainText(/Host\S/);
  await expect(item.getByTestId("week-ask")).toHaveAttribute("href", `/activities/${activityId}#ask`);
  await expect.poll(() => weekKept(page)).toBe(true);

  // On the bus, without a connection: the kept copy, marked as one.
  await page.context().setOffline(true);
  await page.goto("/me/week");
  await expect(page.locator("html")).toHaveAttribute("data-offline-copy", "");
  await expect(page.getByTestId("week-item").filter({ hasText: title })).toContainText("Top of the steps at Lock 7");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My week");
  await page.context().setOffline(false);

  await page.goto("/");
  await new SiteChrome(page).signOut();
  await expect.poll(() => weekKept(page)).toBe(false);

  // Whoever picks the device up next, offline, finds the offline page and nothing of hers.
  await page.context().setOffline(true);
  await page.goto("/me/week");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're offline");
  await expect(page.locator("body")).not.toContainText(title);
  await expect(page.locator("body")).not.toContainText("Top of the steps");
  await expect(page.locator("body")).not.toContainText(member.name);
  await page.context().setOffline(false);
});

test("a week kept on a device goes as soon as a page shows no one signed in, even when the session ended elsewhere", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const first = await newPerson(browser, request, "Ana");
  const page = first.page;
  await page.goto("/me/week");
  await controlledBy(page);
  await page.reload();
  await expect.poll(() => weekKept(page)).toBe(true);
  // The session ends without the sign-out button (it expired, or was ended from another device).
  await page.context().clearCookies();
  await page.goto("/");
  await expect.poll(() => weekKept(page)).toBe(false);
  await page.context().setOffline(true);
  await page.goto("/me/week");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're offline");
  await page.context().setOffline(false);
});
