import fs from "node:fs";
import { DateTime } from "luxon";
import { ActivityPage } from "./pages/activity-page";
import { ListingPage } from "./pages/listing-page";
import { DESKTOP, expect, expectNoAxeViolations, PHONE, test } from "./fixtures";

test.describe("finding something to do", () => {
  test("the listing shows upcoming activities soonest first, with room left, across several pages", async ({ page, listing }) => {
    await listing.goto();
    const total = await listing.total();
    expect(total).toBeGreaterThan(20);
    await expect(listing.cards.first()).toBeVisible();
    expect(await listing.cards.count()).toBeLessThanOrEqual(20);
    await expect(listing.cards.first().getByTestId("spots-left")).toHaveText(/going/);

    const starts = await listing.cards.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(starts.length).toBeGreaterThan(1);
    expect([...starts].sort()).toEqual(starts);

    const firstPage = await listing.titles();
    await listing.nextPage.click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(listing.cards.first()).toBeVisible();
    const secondStarts = await listing.cards.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(secondStarts[0] >= starts[starts.length - 1]).toBe(true);
    expect(await listing.titles()).not.toEqual(firstPage);
  });

  test("filtering by kind and energy keeps only matching activities, and the link carries the filters", async ({ page, listing }) => {
    await listing.goto();
    const everything = await listing.total();
    await listing.choose("Kind", "Group walk");
    await listing.choose("Energy it asks", "Low energy");
    await listing.submit();

    const url = new URL(page.url());
    expect(url.searchParams.getAll("kind")).toEqual(["walk"]);
    expect(url.searchParams.getAll("energy")).toEqual(["low"]);
    const filtered = await listing.total();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(everything);
    for (const card of await listing.cards.all()) {
      await expect(card).toContainText("Group walk");
      await expect(card).toContainText("Low energy");
      await expect(card).not.toContainText(/Medium energy|High energy|Volunteer project|Hobby meetup/);
    }

    // The same link, opened afresh, gives the same search with the choices still ticked.
    const shared = new ListingPage(await page.context().newPage());
    await shared.page.goto(page.url());
    expect(await shared.total()).toBe(filtered);
    await expect(shared.filters.getByLabel("Group walk", { exact: true })).toBeChecked();
    await expect(shared.filters.getByLabel("Low energy", { exact: true })).toBeChecked();
  });

  test("a text search finds an activity by its title", async ({ page, listing }) => {
    await listing.goto();
    const everything = await listing.total();
    const [title] = await listing.titles();
    await listing.search.fill(title);
    await listing.submit();

    expect(new URL(page.url()).searchParams.get("q")).toBe(title);
    await expect(listing.search).toHaveValue(title);
    expect(await listing.titles()).toContain(title);
    expect(await listing.total()).toBeLessThan(everything);
  });

  test("the filters work with JavaScript turned off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const listing = new ListingPage(await context.newPage());
    await listing.goto();
    await listing.choose("Kind", "Volunteer project");
    await listing.submit();

    await expect(listing.page).toHaveURL(/[?&]kind=volunteer/);
    expect(await listing.total()).toBeGreaterThan(0);
    for (const card of await listing.cards.all()) await expect(card).toContainText("Volunteer project");
    await expect(listing.filters.getByLabel("Volunteer project", { exact: true })).toBeChecked();
    await context.close();
  });

  test("“Near me” with the position allowed lists what is nearby, nearest first", async ({ browser, baseURL }) => {
    // Standing at Hillcrest Park's gates; the browser has been told the member allows location.
    const context = await browser.newContext({ baseURL, geolocation: { latitude: 53.8087, longitude: -1.5603 }, permissions: ["geolocation"] });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/permissions policy|geolocation/i.test(m.text())) refused.push(m.text());
    });
    const listing = new ListingPage(page);
    await listing.goto();
    await page.getByTestId("near-me").click();
    await expect(page).toHaveURL(/[?&]lat=53\.809&.*lng=-1\.56/);
    await expect(page).toHaveURL(/[?&]sort=nearest/);
    await expect(listing.resultCount).toContainText("nearest first");
    await expect(page.getByTestId("using-location")).toBeVisible();
    const distances = (await listing.cards.getByTestId("distance").allInnerTexts()).map((t) => Number(/([\d.]+) km away/.exec(t)?.[1]));
    expect(distances.length).toBeGreaterThan(5);
    expect(distances.every((d) => Number.isFinite(d) && d <= 5)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Something at the park itself comes first, and places across town come later.
    expect(distances[0]).toBeLessThan(0.5);
    expect(distances[distances.length - 1]).toBeGreaterThan(distances[0]);
    expect(refused).toEqual([]);
    await context.close();
  });

  test("a malformed link gets a clear message and a usable listing, not an error page", async ({ page, listing }) => {
    const response = await page.goto("/activities?energy=lava&page=-3&from=notadate");
    expect(response?.status()).toBe(200);
    await expect(listing.filterErrors).toBeVisible();
    await expect(listing.filterErrors).toContainText("energy");
    await expect(listing.filterErrors).toContainText("from");
    await expect(listing.filterErrors).toContainText("page");
    await expect(listing.cards.first()).toBeVisible();
  });

  test("a page past the last one says so and leads back to the last page", async ({ page, listing }) => {
    await page.goto("/activities?page=999");
    await expect(page.getByTestId("past-last-page")).toContainText(/There (is|are) only \d+ pages?/);
    await page.getByTestId("past-last-page").getByRole("link").click();
    await expect(page).toHaveURL(/page=\d+$/);
    await expect(listing.cards.first()).toBeVisible();
  });
});

test.describe("an activity's page", () => {
  test("shows its facts, who is going, places left and its times", async ({ page, listing, activityPage }) => {
    await listing.goto();
    const [title] = await listing.titles();
    await listing.openActivity(title);

    await expect(page).toHaveURL(/\/activities\/[0-9a-f-]{36}$/);
    await expect(activityPage.title).toHaveText(title);
    await expect(activityPage.fact("Energy it asks")).toHaveText(/^(Low|Medium|High) energy$/);
    await expect(activityPage.fact("Talking")).toHaveText(/^(Quiet|Some chat|Conversation-led)$/);
    await expect(activityPage.fact("Where")).not.toBeEmpty();
    await expect(activityPage.fact("Step-free access")).toHaveText(/^(Yes|No)$/);
    await expect(activityPage.goingCount).toHaveText(/^\d+$/);
    await expect(activityPage.spotsLeft).toHaveText(/going/);
    await expect(activityPage.waitlist).not.toBeEmpty();
    await expect(activityPage.time).toContainText("Europe/London");
    await expect(activityPage.time.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

    // "Add to my calendar" downloads this activity as an iCalendar event.
    const starts = await activityPage.time.locator("time").getAttribute("datetime");
    const download = page.waitForEvent("download");
    await page.getByTestId("add-to-calendar").click();
    const file = await (await download).path();
    const ics = fs.readFileSync(file, "utf8").replace(/\r\n /g, "");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(`SUMMARY:${title.replace(/[\\;,]/g, (c) => `\\${c}`)}`);
    // Times are written in the activity's own zone (TZID), with its VTIMEZONE in the file.
    const local = DateTime.fromISO(starts!).setZone("Europe/London").toFormat("yyyyMMdd'T'HHmmss");
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(ics).toContain(`DTSTART;TZID=Europe/London:${local}`);
  });

  // The demo activities with the most to say: long addresses, every fact, a full one with a waitlist.
  for (const title of ["Canal towpath walk to Kirkby Lock", "Lino printing taster"]) {
    test(`on a phone the RSVP box comes right after when and where, before the other facts and the discussion; on a wide screen it sits beside them (${title})`, async ({ page, member: _signedIn, listing }) => {
      await page.setViewportSize(PHONE);
      await listing.goto(`?q=${encodeURIComponent(title)}`);
      await listing.openActivity(title);
      await expect(page.getByTestId("activity-title")).toHaveText(title);
      const whenWhere = page.getByTestId("activity-facts");
      const conditions = page.getByTestId("activity-conditions");
      const rsvp = page.getByTestId("rsvp-panel");
      const about = page.locator("#about-heading");
      const discussion = page.getByTestId("discussion");
      await expect(rsvp.getByRole("heading", { name: "Are you coming?" })).toBeVisible();
      // Signed in as a new member, the box holds the whole form, "I'd rather not arrive alone" included.
      await expect(rsvp.getByTestId("rsvp-go-together")).toBeVisible();
      const energy = page.locator('dt:text-is("Energy it asks")');
      await expect(energy).toBeVisible();
      await expect(discussion).toBeVisible();
      const box = async (l: typeof rsvp) => (await l.boundingBox())!;

      const [time, rsvpOnPhone, energyOnPhone, aboutOnPhone, talkOnPhone] = [await box(page.getByTestId("activity-time")), await box(rsvp), await box(energy), await box(about), await box(discussion)];
      // Within half a screen of the time: the next thing a thumb meets, not a screen or more down.
      expect(rsvpOnPhone.y).toBeGreaterThan(time.y);
      expect(rsvpOnPhone.y - (time.y + time.height)).toBeLessThan(500);
      // Then the other facts (energy, talk, access…), the description and the discussion.
      expect(rsvpOnPhone.y + rsvpOnPhone.height).toBeLessThanOrEqual(energyOnPhone.y);
      expect(energyOnPhone.y).toBeLessThan(aboutOnPhone.y);
      expect(aboutOnPhone.y).toBeLessThan(talkOnPhone.y);
      // Screen readers meet everything in the same order as the eye.
      expect(
        await page.evaluate(() => {
          const els = [
            document.querySelector('[data-testid="activity-time"]'),
            document.querySelector('[data-testid="rsvp-panel"]'),
            [...document.querySelectorAll("dt")].find((dt) => dt.textContent === "Energy it asks"),
            document.querySelector("#about-heading"),
            document.querySelector('[data-testid="discussion"]'),
          ];
          return els.every(Boolean) && els.slice(1).every((el, i) => Boolean(els[i]!.compareDocumentPosition(el!) & Node.DOCUMENT_POSITION_FOLLOWING));
        }),
      ).toBe(true);

      // When and where, with the places left and who is going, are what one weighs before answering; the rest is in a list of its own.
      for (const term of ["When", "Where", "Places", "Going"]) await expect(whenWhere.locator(`dt:text-is("${term}")`)).toBeVisible();
      for (const term of ["Energy it asks", "Talking", "Step-free access", "Seating available"]) await expect(conditions.locator(`dt:text-is("${term}")`)).toBeVisible();

      await page.setViewportSize(DESKTOP);
      const [factsWide, rsvpWide, conditionsWide, talkWide] = [await box(whenWhere), await box(rsvp), await box(conditions), await box(discussion)];
      // A column of its own to the right of the facts, starting level with them; the other facts follow when and where.
      expect(rsvpWide.x).toBeGreaterThanOrEqual(factsWide.x + factsWide.width);
      expect(Math.abs(rsvpWide.y - factsWide.y)).toBeLessThan(80);
      expect(conditionsWide.x + conditionsWide.width).toBeLessThanOrEqual(rsvpWide.x);
      expect(conditionsWide.y).toBeGreaterThanOrEqual(factsWide.y + factsWide.height);
      // The next card in the left column: only the cards' padding and the gap between them.
      expect(conditionsWide.y - (factsWide.y + factsWide.height)).toBeLessThan(120);
      expect(talkWide.x).toBeLessThan(rsvpWide.x);
      expect(talkWide.x + talkWide.width).toBeLessThanOrEqual(rsvpWide.x);
      await expectNoAxeViolations(page, { widths: [PHONE, DESKTOP] });
    });
  }

  test("the going count matches the places left", async ({ listing, activityPage }) => {
    await listing.goto("?spotsLeft=1");
    const [title] = await listing.titles();
    await listing.openActivity(title);
    const going = Number(await activityPage.goingCount.innerText());
    const spots = await activityPage.spotsLeft.innerText();
    const limited = /(\d+) of (\d+) places? left/.exec(spots);
    if (limited) expect(Number(limited[2]) - Number(limited[1])).toBe(going);
    else expect(spots).toContain(`${going} going`);
  });

  test("a visitor in another time zone also sees the times in their own zone", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ timezoneId: "America/New_York", baseURL });
    const page = await context.newPage();
    const listing = new ListingPage(page);
    await listing.goto();
    const [title] = await listing.titles();
    await listing.openActivity(title);
    const activity = new ActivityPage(page);
    await expect(activity.time).toContainText("Europe/London");
    await expect(activity.viewerTime).toContainText("America/New_York");
    await context.close();
  });

  test("a first-time visitor who opens an activity straight from a link sees their own time too", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ timezoneId: "Asia/Tokyo", baseURL });
    const { activities } = await (await context.request.get("/api/activities?perPage=1")).json();
    const page = await context.newPage();
    await page.goto(`/activities/${activities[0].id}`);
    const activity = new ActivityPage(page);
    await expect(activity.time).toContainText("Europe/London");
    await expect(activity.viewerTime).toContainText("Asia/Tokyo");
    await context.close();
  });

  test("links to its group's page", async ({ page, listing, activityPage }) => {
    await listing.goto();
    const [title] = await listing.titles();
    await listing.openActivity(title);
    const groupName = (await activityPage.groupLink.innerText()).trim();
    await activityPage.groupLink.click();
    await expect(page).toHaveURL(/\/groups\/[a-z0-9-]+$/);
    await expect(page.getByTestId("group-name")).toHaveText(groupName);
    await expect(page.getByTestId("member-count")).toHaveText(/^\d+$/);
  });

  test("an unknown activity is a kind 'not found', not an error", async ({ page }) => {
    const response = await page.goto("/activities/not-an-id");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that");
  });
});

test("the help page with crisis lines is linked from the footer", async ({ page, chrome }) => {
  await page.goto("/activities");
  await chrome.helpLink.click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help and crisis lines");
  await expect(page.getByTestId("crisis-lines")).not.toBeEmpty();
});

test("the header's My connections opens a page of that name, heading and title, with participation as its first tab", async ({ page, member }) => {
  void member;
  await page.getByTestId("me-link").click();
  await expect(page).toHaveURL(/\/me\/participation$/);
  await expect(page.getByTestId("me-link")).toHaveText("My connections");
  await expect(page.getByTestId("me-area")).toHaveText("My connections");
  // The page is called what the link said, in its heading and in the window's title.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My connections");
  await expect(page).toHaveTitle(/^My connections\b/);
  expect(await page.title()).not.toContain("My participation");
  await expect(page.getByRole("navigation", { name: "My connections" }).getByRole("link", { name: "Participation", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the crisis lines are links a phone can tap, and say which region they serve", async ({ page }) => {
  await page.goto("/help");
  const lines = page.getByTestId("crisis-lines");
  await expect(page.getByTestId("crisis-region")).toContainText("United Kingdom");
  await expect(lines.getByRole("link", { name: "116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(lines.getByRole("link", { name: "999" })).toHaveAttribute("href", "tel:999");
  await expect(lines.getByRole("link", { name: "0300 123 6600" })).toHaveAttribute("href", "tel:03001236600");
  await expect(lines.getByRole("link", { name: "SHOUT to 85258" })).toHaveAttribute("href", "sms:85258?body=SHOUT");
  await expect(lines.getByRole("link", { name: "jo@samaritans.org" })).toHaveAttribute("href", "mailto:jo@samaritans.org");
});
