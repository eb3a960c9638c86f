import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, newCredentials, test } from "./fixtures";

/*
 * An organizer starts a group, a second member joins accepting its agreements, a weekly
 * series is posted, standing places are held, a skip moves the waitlist up, the attendee
 * list is exported and an occurrence is cancelled; a group's settings are changed from its
 * manage page. Each test makes its own members.
 */

const run = Date.now().toString(36);

async function signUp(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const who = { ...newCredentials(), name };
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByTestId("signup-submit").click();
  await expect(page.getByTestId("account-link")).toHaveText(name);
  return page;
}

test("an organizer runs a weekly walk with standing places from start to cancellation", async ({ browser }) => {
  test.setTimeout(180_000);
  const organizer = await signUp(browser, "Ola Organizer");
  const bea = await signUp(browser, "Bea Member");
  const cal = await signUp(browser, "Cal Member");

  // Start a group.
  await organizer.goto("/groups/new");
  await expectNoAxeViolations(organizer);
  await organizer.getByLabel("Group name").fill(`Canal Walkers ${run}`);
  await organizer.getByLabel("Agreements").fill("Listening over fixing. What is said here stays here.");
  await organizer.getByTestId("create-group").click();
  await expect(organizer.getByTestId("group-name")).toHaveText(`Canal Walkers ${run}`);
  const groupUrl = new URL(organizer.url()).pathname;

  // A second member must accept the agreements to join.
  await bea.goto(groupUrl);
  // The agreements are shown once, beside the join box, which points to them.
  await expect(bea.getByTestId("agreements").getByText("Listening over fixing.")).toBeVisible();
  await expect(bea.getByText("Listening over fixing.")).toHaveCount(1);
  await expect(bea.getByTestId("join-form").getByRole("link", { name: "our agreements" })).toHaveAttribute("href", "#agreements");
  await bea.getByTestId("join-group").click();
  // The browser refuses the unticked required box; nothing is joined yet.
  await expect(bea.getByTestId("membership-status")).toHaveCount(0);
  await bea.getByTestId("accept-agreements").check();
  await bea.getByTestId("join-group").click();
  await expect(bea.getByTestId("membership-status")).toContainText("You're a member");

  // Create a weekly series with one place.
  await organizer.goto(`${groupUrl}/activities/new`);
  await expectNoAxeViolations(organizer);
  await organizer.getByLabel("Title").fill("Tuesday canal walk");
  await organizer.getByLabel("Place name").fill("Lock 4 bench");
  await organizer.getByLabel("Places (optional)").fill("1");
  await organizer.getByLabel("Repeats").selectOption("weekly");
  await organizer.getByTestId("toggle-preview").click();
  await organizer.getByTestId("toggle-preview").click();
  // A wrong end time is shown next to its field and nothing typed is lost.
  const start = await organizer.getByLabel("Starts").inputValue();
  await organizer.getByLabel("Ends").fill(start.replace(/T\d\d:\d\d/, "T09:00"));
  await organizer.getByTestId("activity-submit").click();
  await expect(organizer.getByTestId("endsLocal-error")).toContainText("after the start");
  await expect(organizer.getByLabel("Title")).toHaveValue("Tuesday canal walk");
  await organizer.getByLabel("Ends").fill(start.replace(/T\d\d:\d\d/, "T12:00"));
  await organizer.getByTestId("activity-submit").click();
  await expect(organizer.getByTestId("activity-title")).toHaveText("Tuesday canal walk");
  const activityUrl = new URL(organizer.url()).pathname;

  // Bea holds a standing place and gets the one place; Cal holds one too and waits.
  await bea.goto(activityUrl);
  await bea.getByTestId("standing-hold").click();
  await expect(bea.getByTestId("standing-outcome")).toContainText("You hold a standing place");
  await cal.goto(activityUrl);
  await cal.getByTestId("standing-hold").click();
  await expect(cal.getByTestId("standing-outcome")).toContainText("You hold a standing place");
  await cal.reload();
  await expect(cal.getByTestId("going-count")).toHaveText("1");
  await expect(cal.getByTestId("waitlist-length")).toHaveText("1 waiting");

  // Bea skips this one: Cal moves off the waitlist at once.
  await bea.reload();
  await bea.getByTestId("standing-skip").click();
  await expect(bea.getByTestId("standing-outcome")).toContainText("Skipped");
  await cal.reload();
  await expect(cal.getByTestId("going-count")).toHaveText("1");
  await expect(cal.getByTestId("waitlist-length")).toHaveText("Nobody waiting");
  await expect(cal.getByTestId("rsvp-state")).toHaveAttribute("data-status", "going");

  // The organizer exports the attendee list as CSV (RFC 4180, organizers only).
  await organizer.goto(`${activityUrl}/organize`);
  const href = await organizer.getByTestId("csv-link").getAttribute("href");
  const csv = await organizer.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Cal Member");
  expect((await bea.request.get(href!)).status()).not.toBe(200);

  // Edit "this and following": every later occurrence takes the new title.
  await organizer.goto(`${activityUrl}/edit`);
  await expectNoAxeViolations(organizer);
  await organizer.getByLabel("Title").fill("Tuesday canal walk, new route");
  await organizer.getByTestId("scope-following").check();
  await organizer.getByTestId("activity-submit").click();
  await expect(organizer.getByTestId("activity-title")).toHaveText("Tuesday canal walk, new route");

  // Duplicate opens the form filled in with a copy a week later; nothing is posted yet.
  await organizer.goto(activityUrl);
  await organizer.getByTestId("duplicate-activity").click();
  await expect(organizer.getByTestId("copy-notice")).toBeVisible();
  await expect(organizer.locator("#title")).toHaveValue("Tuesday canal walk, new route");
  await expect(organizer.locator("#repeat")).toHaveValue("none");

  // Cancel this occurrence: the page stays, marked cancelled.
  await organizer.goto(activityUrl);
  await organizer.getByTestId("cancel-toggle").click();
  await organizer.getByTestId("cancel-confirm").check();
  await organizer.getByTestId("cancel-activity").click();
  await expect(organizer.getByTestId("cancelled-notice")).toBeVisible();
  await cal.reload();
  await expect(cal.getByTestId("cancelled-notice")).toBeVisible();
  // Nothing invites an answer or suggests people are still coming.
  await expect(cal.getByTestId("rsvp-going")).toHaveCount(0);
  await expect(cal.getByTestId("standing-place")).toHaveCount(0);
  await expect(cal.getByTestId("spots-left")).toHaveText("None: it is cancelled");

  // The dashboard shows the series with its fullness.
  await organizer.goto(`${groupUrl}/manage`);
  const renamed = organizer.getByTestId("upcoming-activities").getByRole("link", { name: "Tuesday canal walk, new route" });
  await expect(renamed.first()).toBeVisible();
  expect(await renamed.count()).toBeGreaterThanOrEqual(11);
  await expectNoAxeViolations(organizer);
});

test("the group and activity forms work without JavaScript and keep what was typed", async ({ browser }) => {
  test.setTimeout(120_000);
  const signedIn = await signUp(browser, "Nia NoScript");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
  const page = await context.newPage();
  await page.goto("/groups/new");
  await page.getByLabel("Group name").fill(`Quiet Readers ${run}`);
  await page.getByTestId("create-group").click();
  await expect(page.getByTestId("group-name")).toHaveText(`Quiet Readers ${run}`);
  const groupUrl = new URL(page.url()).pathname;

  // The settings come filled in, and a bad name comes back beside its field with the rest kept.
  await page.goto(`${groupUrl}/settings`);
  await expect(page.getByLabel("Group name")).toHaveValue(`Quiet Readers ${run}`);
  await page.getByLabel("Group name").fill("Q");
  await page.getByLabel("About the group").fill("We read, quietly, together.");
  await page.getByTestId("save-group").click();
  await expect(page.getByTestId("name-error")).toContainText("at least 3 characters");
  await expect(page.getByLabel("About the group")).toHaveValue("We read, quietly, together.");
  await page.getByLabel("Group name").fill(`Quiet Readers ${run}`);
  await page.getByTestId("save-group").click();
  await expect(page.getByText("We read, quietly, together.")).toBeVisible();

  await page.goto(`${groupUrl}/activities/new`);
  await page.getByLabel("Title").fill("Silent reading hour");
  await page.getByTestId("activity-submit").click();
  await expect(page.getByTestId("placeName-error")).toContainText("Say where it happens");
  await expect(page.getByLabel("Title")).toHaveValue("Silent reading hour");
  await page.getByLabel("Place name").fill("Library, first floor");
  await page.getByTestId("activity-submit").click();
  await expect(page.getByTestId("activity-title")).toHaveText("Silent reading hour");
});

test("a private group is joined through its invite link, and its address alone finds nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const organizer = await signUp(browser, "Pia Private");
  const dan = await signUp(browser, "Dan Member");

  await organizer.goto("/groups/new");
  await organizer.getByLabel("Group name").fill(`Evening Circle ${run}`);
  await organizer.getByLabel("Agreements").fill("What is said here stays here.");
  await organizer.getByLabel("Who can see it").selectOption("private");
  await organizer.getByTestId("create-group").click();
  await expect(organizer.getByTestId("group-name")).toHaveText(`Evening Circle ${run}`);
  const groupUrl = new URL(organizer.url()).pathname;

  // The organizer copies the invite link from the manage page.
  await organizer.goto(`${groupUrl}/manage`);
  await expectNoAxeViolations(organizer);
  const link = new URL(await organizer.getByTestId("invite-link").inputValue());
  expect(link.pathname).toBe(`${groupUrl}/join`);
  expect(link.searchParams.get("invite")).toMatch(/^[A-Za-z0-9_-]{24,}$/);

  // The group's join address without the code is the same "not found" as a made-up one.
  await dan.goto(`${groupUrl}/join`);
  await expect(dan.getByRole("heading", { name: "We couldn't find that" })).toBeVisible();
  await expect(dan.getByText(`Evening Circle ${run}`)).toHaveCount(0);
  await dan.goto(`${groupUrl}/join?invite=not-the-code`);
  await expect(dan.getByRole("heading", { name: "We couldn't find that" })).toBeVisible();

  // A new link stops the old one working.
  await organizer.getByTestId("renew-invite").click();
  await expect(organizer.getByTestId("invite-outcome")).toContainText("new invite link");
  const renewed = new URL(await organizer.getByTestId("invite-link").inputValue());
  expect(renewed.searchParams.get("invite")).not.toBe(link.searchParams.get("invite"));
  await dan.goto(link.pathname + link.search);
  await expect(dan.getByRole("heading", { name: "We couldn't find that" })).toBeVisible();

  // With the code from the current link, Dan sees the agreements and joins.
  await dan.goto(renewed.pathname + renewed.search);
  await expect(dan.getByRole("heading", { name: `Join Evening Circle ${run}` })).toBeVisible();
  await expect(dan.getByTestId("join-form").getByText("What is said here stays here.")).toBeVisible();
  await expectNoAxeViolations(dan);
  await dan.getByTestId("accept-agreements").check();
  await dan.getByTestId("join-group").click();
  await expect(dan.getByTestId("membership-status")).toContainText("You're a member");
  await dan.goto(groupUrl);
  await expect(dan.getByTestId("membership-status")).toContainText("You're a member");
});

test("an organizer changes the group's about text and agreements from its settings", async ({ browser }) => {
  test.setTimeout(120_000);
  const organizer = await signUp(browser, "Sol Settings");
  const eli = await signUp(browser, "Eli Member");

  await organizer.goto("/groups/new");
  await organizer.getByLabel("Group name").fill(`Repair Cafe ${run}`);
  await organizer.getByLabel("About the group").fill("We fix things.");
  await organizer.getByLabel("Agreements").fill("Be kind.");
  await organizer.getByTestId("create-group").click();
  await expect(organizer.getByTestId("group-name")).toHaveText(`Repair Cafe ${run}`);
  const groupUrl = new URL(organizer.url()).pathname;

  // Settings open from the manage page, filled in with the group as it is.
  await organizer.goto(`${groupUrl}/manage`);
  await organizer.getByTestId("group-settings").click();
  await expect(organizer.getByRole("heading", { name: `Settings for Repair Cafe ${run}` })).toBeVisible();
  await expect(organizer.getByLabel("About the group")).toHaveValue("We fix things.");
  await expectNoAxeViolations(organizer);

  // A name too short is shown beside its field, and what was typed stays.
  await organizer.getByLabel("Group name").fill("R");
  await organizer.getByLabel("About the group").fill("We fix lamps, bikes and jumpers, together.");
  await organizer.getByTestId("save-group").click();
  await expect(organizer.getByTestId("name-error")).toContainText("at least 3 characters");
  await expect(organizer.getByLabel("About the group")).toHaveValue("We fix lamps, bikes and jumpers, together.");

  await organizer.getByLabel("Group name").fill(`Repair Cafe ${run}`);
  await organizer.getByLabel("Agreements").fill("Be kind. Nobody is judged for what they broke.");
  await organizer.getByTestId("save-group").click();
  await expect(organizer).toHaveURL(new RegExp(`${groupUrl}$`));
  await expect(organizer.getByText("We fix lamps, bikes and jumpers, together.")).toBeVisible();
  await expect(organizer.getByText("Nobody is judged for what they broke.")).toBeVisible();

  // A plain member is told settings are for organizers.
  await eli.goto(groupUrl);
  await eli.getByTestId("accept-agreements").check();
  await eli.getByTestId("join-group").click();
  await expect(eli.getByTestId("membership-status")).toContainText("You're a member");
  await eli.goto(`${groupUrl}/settings`);
  await expect(eli.getByTestId("settings-refused")).toContainText("Only this group's organizers");
});
