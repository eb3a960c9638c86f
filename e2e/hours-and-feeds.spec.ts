import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup, type Person } from "./people";

/*
 * Volunteer hours on paper and a group on its own website: a member's statement prints on
 * A4 and Letter with nothing but the statement on the page, an organizer's report adds up,
 * and the group widget is the one page another site can frame, with no cookie either way.
 */

/** A group started by an organizer, a volunteer in it, and `rows` tasks each verified at 1.5 hours. */
async function groupWithHours(browser: Browser, request: APIRequestContext, rows: number): Promise<{ organizer: Person; volunteer: Person; slug: string; name: string }> {
  const organizer = await newPerson(browser, request, "Organizer");
  const volunteer = await newPerson(browser, request, "Volunteer");
  const name = `Hours ${organizer.id.slice(0, 6)}`;
  const slug = await startGroup(organizer.page, name);
  const [org, vol] = [await bearer(request, organizer), await bearer(request, volunteer)];
  const post = async (url: string, data: unknown, headers: Record<string, string>) => {
    const res = await request.post(url, { data, headers });
    expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  await post(`/api/groups/${slug}/join`, { acceptAgreements: true }, vol);
  const { project } = await post(`/api/groups/${slug}/projects`, { title: "Riverside garden", goal: "Beds ready by spring", status: "active" }, org);
  for (let i = 1; i <= rows; i++) {
    const { task } = await post(`/api/projects/${project.id}/tasks`, { title: `Bed ${String(i).padStart(2, "0")}`, placesNeeded: 1, effort: "low" }, org);
    await post(`/api/tasks/${task.id}/claim`, {}, vol);
    await post(`/api/tasks/${task.id}/done`, {}, vol);
    await post(`/api/tasks/${task.id}/verify`, { userId: volunteer.id, hours: 1.5 }, org);
  }
  return { organizer, volunteer, slug, name };
}

/** How many pages a PDF has: its page objects (not the /Pages tree). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

async function expectPrintsOnlyTheStatement(page: Page) {
  await page.emulateMedia({ media: "print" });
  for (const chrome of [page.locator("body > header"), page.locator("body > footer"), page.getByRole("navigation").first(), page.getByTestId("print-statement"), page.getByTestId("hours-range")]) {
    await expect(chrome).toBeHidden();
  }
  await expect(page.getByTestId("statement-name")).toBeVisible();
  const colours = await page.getByTestId("statement-total").evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]);
  expect(colours).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
}

test("a member's statement prints on A4 and Letter as the statement alone, and long ones run onto more pages", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const short = await groupWithHours(browser, request, 3);
  const page = short.volunteer.page;
  await page.goto("/me/participation");
  await page.getByTestId("hours-statement-link").click();
  await expect(page).toHaveURL(/\/me\/hours$/);
  await expect(page.getByTestId("statement-row")).toHaveCount(3);
  await expect(page.getByTestId("statement-total")).toContainText("4.5");
  await expect(page.getByText("Save as PDF")).toBeVisible();
  await expectPrintsOnlyTheStatement(page);
  for (const format of ["A4", "Letter"] as const) expect(pdfPages(await page.pdf({ format })), format).toBe(1);

  const long = await groupWithHours(browser, request, 60);
  const longPage = long.volunteer.page;
  await longPage.goto("/me/hours");
  await expect(longPage.getByTestId("statement-row")).toHaveCount(60);
  await expect(longPage.getByTestId("statement-total")).toContainText("Total (60 entries)");
  await expect(longPage.getByTestId("statement-total")).toContainText("90");
  await expectPrintsOnlyTheStatement(longPage);
  for (const format of ["A4", "Letter"] as const) {
    // Laid out at the paper's printable width (less the @page margins), the rows' heights say how
    // many sheets they need: at least their total height's worth, at most one more for rows kept
    // whole. A screen lays text out with hinted glyph widths and paper without, so a line close to
    // the edge may wrap on one and not the other: the bounds come from a layout a little wider
    // (fewest sheets) and a little narrower (most) than the paper.
    const [width, height] = format === "A4" ? [210 - 28, 297 - 32] : [215.9 - 28, 279.4 - 32];
    const px = (mm: number) => Math.floor((mm * 96) / 25.4);
    const laidOut = async (w: number) => {
      await longPage.setViewportSize({ width: w, height: px(height) });
      await longPage.waitForFunction((wanted) => document.documentElement.clientWidth === wanted, w);
      return longPage.getByTestId("hours-statement").evaluate((el) => ({
        rows: [...el.querySelectorAll("[data-testid=statement-row]")].map((r) => r.getBoundingClientRect().height),
        total: el.getBoundingClientRect().height,
      }));
    };
    const wide = await laidOut(px(width) + 24);
    const narrow = await laidOut(px(width) - 24);
    const fewest = Math.ceil(wide.total / px(height));
    const most = Math.ceil(narrow.total / px(height)) + 1;
    const pages = pdfPages(await longPage.pdf({ format }));
    const measured = `${format}: ${pages} pages; the statement is ${Math.round(wide.total)}–${Math.round(narrow.total)} px tall on sheets of ${px(height)} px`;
    expect(narrow.rows.every((h) => h > 0 && h < px(height)), `every row fits on a sheet (${measured})`).toBe(true);
    expect(pages, measured).toBeGreaterThanOrEqual(Math.max(2, fewest));
    expect(pages, measured).toBeLessThanOrEqual(most);
  }
  // A member only ever sees their own statement: the organizer's holds none of these rows.
  await long.organizer.page.goto("/me/hours");
  await expect(long.organizer.page.getByTestId("statement-empty")).toBeVisible();
});

test("a statement's dates narrow it, and a date that isn't real is named beside its field", async ({ browser, request }) => {
  const { volunteer } = await groupWithHours(browser, request, 2);
  const page = volunteer.page;
  await page.goto("/me/hours?from=2026-02-30");
  await expect(page.getByTestId("from-error")).toContainText("not a real date");
  await expect(page.getByTestId("statement-row")).toHaveCount(2);
  await page.goto("/me/hours?to=2000-01-01");
  await expect(page.getByTestId("statement-empty")).toBeVisible();
});

test("an organizer's hours report adds up by member and project, with a CSV of the same", async ({ browser, request }) => {
  const { organizer, volunteer, slug } = await groupWithHours(browser, request, 4);
  const page = organizer.page;
  await page.goto(`/groups/${slug}/manage`);
  await page.getByTestId("group-hours").click();
  await expect(page.getByTestId("hours-total")).toContainText("6 verified hours");
  await expect(page.getByTestId("hours-by-member")).toContainText(volunteer.name);
  await expect(page.getByTestId("hours-by-project")).toContainText("Riverside garden");
  const csv = await (await page.request.get(new URL(await page.getByTestId("hours-csv").getAttribute("href") ?? "", page.url()).toString())).text();
  expect(csv.split("\r\n")).toContain(`member,${volunteer.name},${new Date().getFullYear()}-01-01,${new Date().toISOString().slice(0, 10)},4,6`);
  // The volunteer is not an organizer: there is no report for them.
  expect((await volunteer.page.goto(`/groups/${slug}/hours`))?.status()).toBe(404);
});

test("the group widget can be framed by another site, reads and sets no cookie, and every other page refuses a frame", async ({ browser, request, baseURL, page }) => {
  test.setTimeout(120_000);
  const { organizer, slug, name } = await groupWithHours(browser, request, 0);
  await request.post(`/api/groups/${slug}/activities`, {
    data: { kind: "walk", title: "Canal walk <b>&</b> tea", startsLocal: londonLocal(new Date(Date.now() + 5 * 86_400_000)), endsLocal: londonLocal(new Date(Date.now() + 5 * 86_400_000 + 7_200_000)), timezone: "Europe/London", placeName: "Lock 3", energyLevel: "low", talkLevel: "some_chat" },
    headers: await bearer(request, organizer),
  });
  // The manage page gives the snippet and the feed addresses.
  await organizer.page.goto(`/groups/${slug}/manage`);
  const snippet = await organizer.page.getByTestId("embed-snippet").inputValue();
  expect(snippet).toContain(`src="${baseURL}/embed/groups/${slug}"`);
  expect(snippet).toContain('loading="lazy"');
  await expect(organizer.page.getByTestId("feed-addresses")).toContainText(`/groups/${slug}/feed.atom`);

  // Signed in, the widget still answers with no Set-Cookie, the same page for everyone.
  const signedIn = await organizer.page.request.get(`/embed/groups/${slug}`);
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["set-cookie"]).toBeUndefined();
  expect(signedIn.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(signedIn.headers()["x-frame-options"]).toBeUndefined();
  expect(await signedIn.text()).not.toContain(organizer.name);

  const other = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>A group's own site</title>
      <iframe id="widget" src="${baseURL}/embed/groups/${slug}" title="widget"></iframe>
      <iframe id="page" src="${baseURL}/groups/${slug}" title="page"></iframe>`);
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await expect(page.frameLocator("#widget").getByRole("link", { name: "Canal walk <b>&</b> tea" })).toBeVisible();
    await expect(page.frameLocator("#widget").getByRole("link", { name: "Canal walk <b>&</b> tea" })).toHaveAttribute("target", "_blank");
    await page.waitForTimeout(1000);
    const framed = await (await page.$("#page"))?.contentFrame();
    const text = framed ? await framed.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    expect(text).not.toContain(name);
  } finally {
    other.close();
  }

  await page.goto(`/embed/groups/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expectNoAxeViolations(page);
  // Feed readers find the group's feeds in the page's HTML as sent (a browser's live document has
  // been seen holding the same link twice while the page streams).
  const groupHtml = await (await request.get(`/groups/${slug}`)).text();
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  for (const [type, file] of [["application/rss+xml", "feed.rss"], ["application/atom+xml", "feed.atom"]]) {
    const link = new RegExp(`<link(?=[^>]*rel="alternate")(?=[^>]*type="${escaped(type)}")(?=[^>]*href="${escaped(`${baseURL}/groups/${slug}/${file}`)}")[^>]*>`);
    expect(groupHtml, `the page names its ${file}`).toMatch(link);
  }
  await page.goto(`/groups/${slug}`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute("href", `${baseURL}/groups/${slug}/feed.atom`);
});
