import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { bearer, newPerson, PASSWORD, uniquePerson } from "./people";
import { basePort, startServer, stopServer, throwawayDatabase, within } from "./servers";

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

test.describe("a member's listing while others write", () => {
  // A server of its own: the other specs' writes (a new group, a comment) would drop its pages
  // for reasons of their own, and this counts how often the page is replayed.
  test.setTimeout(240_000);

  test("stays kept while someone else answers other activities ten times a second, and changes at once after their own answer or one to what it shows", async ({ browser, request }) => {
    const port = basePort + 930;
    const base = `http://127.0.0.1:${port}`;
    const database = process.env.DATABASE_URL ? await throwawayDatabase("ct_busy_listing") : undefined;
    const dataDir = database ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "ct-busy-listing-"));
    const server = startServer(port, {
      ...(database ? { DATABASE_URL: database.direct } : { DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir }),
      AUTH_SECRET: "busy-listing-secret-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      SEED_DEMO: "true",
      JOBS: "off",
      SQL_STATEMENT_PROBE: undefined,
      SIGN_UP_LIMIT_PER_HOUR: "100000",
      SIGN_IN_LIMIT_PER_ADDRESS: "100000",
    });
    const context = await browser.newContext({ baseURL: base });
    try {
      await within(150_000, async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false })).status() === 200);
      const signUp = async (label: string) => {
        const who = { ...uniquePerson(label), password: PASSWORD };
        expect((await request.post(`${base}/api/users`, { data: who })).status()).toBe(201);
        return who;
      };
      const reader = await signUp("Reader");
      const page = await context.newPage();
      // A server just started compiles its sign-in on first use: more patience than the shared server needs.
      const form = new SignInPage(page);
      await form.goto();
      await form.signIn(reader.email, reader.password);
      await expect(page.getByTestId("account-link")).toHaveText(reader.name, { timeout: 60_000 });
      const listing = () => page.request.get(`${base}/activities`);

      // What the listing shows, and activities it does not show that others can answer.
      const shownHtml = await (await listing()).text();
      const shownIds = new Set([...shownHtml.matchAll(/href="\/activities\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
      expect(shownIds.size).toBeGreaterThan(0);
      const { activities } = await (await request.get(`${base}/api/activities?perPage=50`)).json();
      const open = (activities as Array<{ id: string; startsAt: string; spotsLeft: number | null; rsvpCutoff: string | null }>).filter(
        (a) => new Date(a.startsAt).getTime() > Date.now() + 2 * 24 * 3600_000 && (a.spotsLeft === null || a.spotsLeft >= 2) && !a.rsvpCutoff,
      );
      const elsewhere = open.filter((a) => !shownIds.has(a.id)).slice(0, 5);
      const onTheListing = open.find((a) => shownIds.has(a.id));
      expect(elsewhere.length, "activities the listing does not show").toBeGreaterThan(0);
      expect(onTheListing, "an activity the listing shows, with room").toBeTruthy();

      const tokenOf = async (who: { email: string; password: string }) => {
        const res = await request.post(`${base}/api/tokens`, { data: { email: who.email, password: who.password, name: "busy" } });
        expect(res.status()).toBe(201);
        return { headers: { authorization: `Bearer ${(await res.json()).token as string}` } };
      };
      const writers = [await tokenOf(await signUp("Busy")), await tokenOf(await signUp("Busier"))];
      // Two other members answer, together up to ten times a second (each well under the RSVP
      // limit), until they have answered forty times: on a busy machine that takes longer.
      let written = 0;
      const busy = async (writer: { headers: { authorization: string } }, offset: number) => {
        for (let i = offset; written < 40; i += 2) {
          const started = Date.now();
          const target = elsewhere[i % elsewhere.length];
          const res = await request.post(`${base}/api/activities/${target.id}/rsvp`, { ...writer, data: { status: Math.floor(i / 2) % 2 === 0 ? "going" : "not_going" } });
          expect(res.status()).toBe(200);
          written++;
          await new Promise((r) => setTimeout(r, Math.max(0, 200 - (Date.now() - started))));
        }
      };
      const writing = Promise.all([busy(writers[0], 0), busy(writers[1], 1)]);
      let done = false;
      void writing.finally(() => (done = true));
      await listing();
      let hits = 0;
      let asked = 0;
      while (!done) {
        const res = await listing();
        expect(res.status()).toBe(200);
        asked++;
        if (res.headers()[CACHE] === "hit") hits++;
        await new Promise((r) => setTimeout(r, 50));
      }
      await writing;
      expect(asked, "the member looked again throughout").toBeGreaterThanOrEqual(20);
      expect(hits / asked, `${hits} of ${asked} repeat views replayed while others answered ${written} times`).toBeGreaterThanOrEqual(0.9);

      // The member's own answer, even to an activity the listing does not show: rendered afresh.
      await listing();
      expect((await listing()).headers()[CACHE]).toBe("hit");
      expect((await page.request.post(`${base}/api/activities/${elsewhere[0].id}/rsvp`, { data: { status: "maybe" } })).status()).toBe(200);
      expect((await listing()).headers()[CACHE], "after the member's own answer").toBe("miss");

      // Someone else's answer to an activity the listing shows: rendered afresh, with the new count.
      const card = (html: string) => html.slice(html.indexOf(`href="/activities/${onTheListing!.id}"`)).split("</li>")[0];
      const before = await listing();
      const kept = await listing();
      expect(kept.headers()[CACHE]).toBe("hit");
      expect((await request.post(`${base}/api/activities/${onTheListing!.id}/rsvp`, { ...writers[0], data: { status: "going" } })).status()).toBe(200);
      const after = await listing();
      expect(after.headers()[CACHE], "after an answer to an activity it shows").toBe("miss");
      expect(card(await after.text())).not.toEqual(card(await before.text()));
    } finally {
      await context.close();
      await stopServer(server.child);
      if (database) await database.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
