import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";

/*
 * The page cache (lib/page-cache.ts): visitors' public pages are kept and replayed, members'
 * never; a write shows at once; a kept page holds nothing of any member.
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

test("a visitor's second look at a public page is replayed from the cache; a member's page never is", async ({ request, page, member }) => {
  const again = await replayed(request, "/activities");
  // Replayed with the security headers it was rendered with.
  expect(again.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
  expect(again.headers()["x-frame-options"]).toBe("DENY");

  // A member's request carries the session cookie: rendered for them, never kept or replayed.
  const mine = await page.request.get("/activities");
  expect(mine.headers()[CACHE]).toBeUndefined();
  expect(await mine.text()).toContain(member.name);
  // The router's own requests are never answered from the cache either.
  const rsc = await request.get("/activities", { headers: { RSC: "1" } });
  expect(rsc.headers()[CACHE]).toBeUndefined();
  // Help reads no data: it is rendered every time.
  await request.get("/help");
  expect((await request.get("/help")).headers()[CACHE]).toBeUndefined();
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
