import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { bearer, newPerson } from "./people";

/*
 * The page cache (server/page-cache.ts): visitors' public pages are kept and replayed for any
 * visitor; a member's page only for that member, and only while nothing at all was written;
 * a write shows at once; a kept page holds nothing of any member for anyone else.
 */

const CACHE = "x-common-thread-cache";
const DEMO_PASSWORD = "commonthread";

/** An upcoming activity two or more days ahead with room for one more, and no RSVP cut-off. */
async function roomyActivity(request: APIRequestContext): Promise<{ id: string; goingCount: number }> {
  const { activities } = await (await request.get("/api/activities?perPage=50")).json();
  const twoDays = Date.now() + 2 * 24 * 3600_000;
  const found = (activities as Array<{ id: string; startsAt: string; spotsLeft: number | null; rsvpCutoff: string | null; goingCount: number }>).find(
    (a) => new Date(a.startsAt).getTime() > twoDays && (a.spotsLeft === null || a.spotsLeft >= 1) && !a.rsvpCutoff,
  );
  expect(found, "the demo town has an activity with room, two days ahead").toBeTruthy();
  return found!;
}

/**
 * Asks for a page until the answer comes from the cache. Other tests write all the time, and
 * every write drops the kept pages: a hit needs two requests with no write between them.
 */
async function replayed(request: APIRequestContext, path: string) {
  let last = await request.get(path);
  await expect
    .poll(async () => (last = await request.get(path)).headers()[CACHE], { timeout: 30_000, intervals: [50, 100, 200] })
    .toBe("hit");
  return last;
}

const goingOn = (html: string) => Number(/data-testid="going-count">(\d+)</.exec(html)?.[1]);

test("a visitor's second look at a public page is replayed from the cache; not a router request, help, or a hard reload", async ({ request }) => {
  const again = await replayed(request, "/activities");
  // Replayed with the security headers it was rendered with.
  expect(again.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
  expect(again.headers()["x-frame-options"]).toBe("DENY");

  // The router's own requests are never answered from the cache.
  const rsc = await request.get("/activities", { headers: { RSC: "1" } });
  expect(rsc.headers()[CACHE]).toBeUndefined();
  // Help reads no data: it is rendered every time.
  await request.get("/help");
  expect((await request.get("/help")).headers()[CACHE]).toBeUndefined();
  // A hard reload asks for a fresh page, and gets one.
  await replayed(request, "/activities");
  expect((await request.get("/activities", { headers: { "Cache-Control": "no-cache" } })).headers()[CACHE]).toBe("miss");
});

test("a member's page is replayed to that member only, never to another member or a visitor", async ({ browser, request, page, member }) => {
  // The same member asking again, with nothing written between, is answered from the cache.
  const mine = await replayed(page.request, "/activities");
  const html = await mine.text();
  expect(html).toContain(member.name);
  expect(html).toContain('data-testid="account-link"');
  expect(mine.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);

  // Another member on the same page, asking right after, gets their own page.
  const other = await newPerson(browser, request, "Other");
  for (let i = 0; i < 3; i++) {
    await page.request.get("/activities");
    const theirs = await other.page.request.get("/activities");
    const theirHtml = await theirs.text();
    expect(theirHtml).toContain(other.name);
    expect(theirHtml, `another member's page (${theirs.headers()[CACHE]}) shows the first member's name`).not.toContain(member.name);
    // And a visitor, with no cookie, gets the visitors' page.
    const visitor = await (await request.get("/activities")).text();
    expect(visitor).not.toContain(member.name);
    expect(visitor).toContain('data-testid="sign-in-link"');
  }
  await other.page.context().close();
});

test("a write no visitor sees, such as a member's weekly plan, shows on their next look at once", async ({ request, page, member }) => {
  // The home page tells a member without a plan to make one; it is kept for them.
  const before = await replayed(page.request, "/");
  expect(await before.text()).toContain("Make a plan");

  // The plan is private (never on a visitor's page), and is saved through the API.
  const saved = await request.put("/api/me/plan", { headers: await bearer(request, member), data: { weeklyTotalGoal: 3 } });
  expect(saved.status()).toBe(200);

  const after = await page.request.get("/");
  expect(after.headers()[CACHE], "the member's kept home page was not replayed after the write").toBe("miss");
  const plan = /data-testid="home-plan">(.*?)<\/div>/.exec(await after.text())?.[1].replace(/<!-- -->/g, "");
  expect(plan).toContain("0 of 3 activities");
  expect(plan).not.toContain("Make a plan");
});

test("a member's RSVP shows on the visitor's kept page at once", async ({ request, page, member }) => {
  expect(member.email).toBeTruthy();
  const activity = await roomyActivity(request);
  const path = `/activities/${activity.id}`;
  const before = await replayed(request, path);
  const counted = goingOn(await before.text());
  expect(Number.isInteger(counted)).toBe(true);

  const rsvp = await page.request.post(`/api/activities/${activity.id}/rsvp`, { data: { status: "going" } });
  expect(rsvp.status()).toBe(200);

  const after = await request.get(path);
  expect(after.headers()[CACHE], "the kept page was dropped by the write").toBe("miss");
  // Other tests may RSVP to the same activity at the same time: at least this member's place shows.
  expect(goingOn(await after.text())).toBeGreaterThanOrEqual(counted + 1);
});

test("a kept page never holds a member's name, RSVP, notifications or a private group", async ({ browser, request, page, member }) => {
  test.setTimeout(90_000);
  const activity = await roomyActivity(request);
  expect((await page.request.post(`/api/activities/${activity.id}/rsvp`, { data: { status: "going" } })).status()).toBe(200);

  // The owner of the private Tuesday Evening Circle looks at it and at the public pages.
  const context = await browser.newContext();
  const organizer = await context.newPage();
  const signIn = new SignInPage(organizer);
  await signIn.goto();
  await signIn.signIn("organizer@example.com", DEMO_PASSWORD);
  await expect(organizer.getByTestId("notifications-link")).toBeVisible();
  const circle = await organizer.request.get("/groups/tuesday-evening-circle");
  expect(circle.status()).toBe(200);
  const circleHtml = await circle.text();
  expect(circleHtml).toContain("Tuesday Evening Circle");
  const circleActivity = /href="\/activities\/([0-9a-f-]{36})"/.exec(circleHtml)?.[1];
  expect(circleActivity, "the circle has an activity").toBeTruthy();

  const pages = ["/", "/activities", `/activities/${activity.id}`, "/groups", "/groups/tuesday-evening-circle", `/activities/${circleActivity}`, "/projects"];
  for (const path of pages) {
    for (const who of [page.request, organizer.request]) expect((await who.get(path)).status(), path).toBeLessThan(500);
  }

  // Visitors, twice each (the second from the cache where a page may be kept), see none of it.
  for (const path of pages) {
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path);
      const html = await res.text();
      if (path.includes("tuesday-evening-circle") || path.endsWith(circleActivity!)) {
        expect(res.status(), `${path} is not found for a visitor`).toBe(404);
        expect(html).not.toContain("talking stone");
      }
      // The member's name and email, the header of a signed-in page, and the private group.
      for (const secret of [member.name, member.email, 'data-testid="account-link"', 'data-testid="notifications-link"', "Tuesday Evening Circle", "talking stone"]) {
        expect(html, `${path} (${res.headers()[CACHE] ?? "not cacheable"}) shows "${secret}" to a visitor`).not.toContain(secret);
      }
      if (res.status() === 200) expect(html, `${path} is the visitor's page`).toContain('data-testid="sign-in-link"');
    }
  }
  await context.close();
});
