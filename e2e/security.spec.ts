import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * The production build with its Content-Security-Policy: pages render and hydrate with no
 * policy violations, no page can be framed by another site, and a page on another origin
 * cannot make a signed-in member do anything with their cookie.
 */

/** Collects CSP violations and script errors for the page's lifetime. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content.Security.Policy|Refused to (execute|load|apply)/i.test(msg.text())) problems.push(msg.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** A first scheduled activity with places left, from the public API. */
async function openActivity(page: Page): Promise<{ id: string; title: string }> {
  const res = await page.request.get("/api/activities?spotsLeft=1&perPage=1");
  const { activities } = await res.json();
  return activities[0];
}

test("pages carry the security headers and hydrate under the nonce policy without violations", async ({ page, member }) => {
  test.setTimeout(120_000);
  const problems = watchForViolations(page);
  const activity = await openActivity(page);
  for (const path of ["/", "/activities", `/activities/${activity.id}`, "/groups", "/help", "/account"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const headers = res!.headers();
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // "Near me" may ask for the position on the hub's own pages.
    expect(headers["permissions-policy"]).toContain("geolocation=(self)");
  }
  // Hydrated: a client-side navigation happens without a full reload.
  await page.goto("/activities");
  await page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
  await page.getByRole("link", { name: activity.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/activities/${activity.id}`));
  expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
  expect(problems).toEqual([]);
  expect(member.email).toBeTruthy();
});

test("another site cannot show an activity page in a frame", async ({ page, baseURL }) => {
  const activity = await openActivity(page);
  await page.setContent(`<iframe id="f" src="${baseURL}/activities/${activity.id}" width="600" height="400"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
  expect(text).not.toContain(activity.title);
});

test("a page on another origin of the same site cannot RSVP for a signed-in member", async ({ page, member, baseURL }) => {
  const activity = await openActivity(page);
  // An attacker's page on the same host, another port: the browser sends the member's
  // SameSite=Lax cookie along, so only the hub's own origin check stands in the way.
  const target = `${baseURL}/api/activities/${activity.id}/rsvp`;
  const evil = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>evil</title><script>
      fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: '{"status":"going"}' })
        .then(() => { document.title = "sent"; }, () => { document.title = "sent"; });
    </script>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
  try {
    const port = (evil.address() as AddressInfo).port;
    const attackerPage = await page.context().newPage();
    await attackerPage.goto(`http://127.0.0.1:${port}/`);
    await expect(attackerPage).toHaveTitle("sent");
    await attackerPage.close();
  } finally {
    evil.close();
  }
  const mine = await page.request.get("/api/me/rsvps");
  const { rsvps } = await mine.json();
  expect(rsvps.map((r: { activity: { id: string } }) => r.activity.id)).not.toContain(activity.id);
  expect(member.email).toBeTruthy();
});

test("a member who does not organize a group gets a 403 from its organizer pages", async ({ page, member }) => {
  const activity = await openActivity(page);
  for (const path of [`/activities/${activity.id}/organize`, `/activities/${activity.id}/edit`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  }
  expect(member.email).toBeTruthy();
});

test("a visitor's public page may be kept briefly by a shared cache; a member's page never", async ({ page, member, playwright, baseURL }) => {
  expect(member.email).toBeTruthy();
  const visitor = await playwright.request.newContext({ baseURL });
  const { id } = await openActivity(page);
  for (const path of ["/activities", `/activities/${id}`, "/groups", "/help"]) {
    const res = await visitor.get(path);
    expect(res.headers()["cache-control"], path).toBe("public, s-maxage=30, stale-while-revalidate=60");
  }
  for (const path of ["/activities", `/activities/${id}`, "/account"]) {
    const res = await page.request.get(path);
    expect(res.headers()["cache-control"], path).not.toMatch(/public|s-maxage/);
    expect(res.headers()["cache-control"], path).toMatch(/no-store|private/);
  }
  await visitor.dispose();
});
