import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, signInThroughForm, startGroup } from "./people";

/*
 * Growing connection, as members would live it: a plan and an explained suggestion; being
 * marked as there, reflecting and seeing a milestone; two people in two browsers becoming
 * check-in partners, checking in, missing a week (on a clock the test controls) and pausing;
 * the demo member's private pages. Axe runs on every /me page in both themes, and the plan,
 * reflection, invite and check-in forms are used with JavaScript off.
 */

// Several browsers and a production server share two cores here: give each story room.
test.describe.configure({ timeout: 240_000 });
const GENTLE = /\b(streaks?|lost|failed|behind|ranked|ranking|leaderboard)\b/i;

/**
 * axe runs inside the page, so it cannot run where JavaScript is off: for a member browsing
 * without it, the same page is checked in a second context of theirs that has it.
 */
async function expectNoAxeViolationsForNoJs(page: Page) {
  const context = await page.context().browser()!.newContext({ storageState: await page.context().storageState() });
  try {
    const withJs = await context.newPage();
    await withJs.goto(page.url());
    await expectNoAxeViolations(withJs);
  } finally {
    await context.close();
  }
}

async function expectGentle(page: Page) {
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(GENTLE);
}

test("a plan that fits brings suggestions that say why", async ({ browser, request }) => {
  const sam = await newPerson(browser, request, "Planner");
  const page = sam.page;
  await page.goto("/me/plan");
  await expect(page.getByTestId("plan-progress")).toContainText("You haven't made a plan yet");
  await expectNoAxeViolations(page);
  await page.getByLabel("Activities a week").fill("2");
  await page.getByLabel("Of which low energy").fill("1");
  for (let day = 1; day <= 7; day++) for (const part of ["morning", "afternoon", "evening"]) await page.getByTestId(`free-${day}-${part}`).check();
  await page.getByTestId("usual-energy-high").check();
  await page.getByTestId("interest-kind-walk").check();
  await page.getByTestId("plan-save").click();
  await expect(page.getByTestId("plan-form-outcome")).toContainText("Saved");
  await page.reload();
  await expect(page.getByTestId("plan-progress")).toContainText("0 of 2 activities this week");
  const first = page.getByTestId("suggestion").first();
  await expect(first).toBeVisible();
  await expect(first.getByTestId("suggestion-why")).toContainText(/fits your (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (mornings|afternoons|evenings)/);
  // A plan that asks too much is refused, kindly and specifically.
  await page.getByLabel("Of which low energy").fill("5");
  await page.getByTestId("plan-save").click();
  await expect(page.getByTestId("plan-form-outcome")).toContainText("The low-energy part can't be more than the whole weekly goal.");
  await expectGentle(page);
});

test("the plan form works with JavaScript off", async ({ browser, request }) => {
  const sam = await newPerson(browser, request, "Nojs", { javaScriptEnabled: false });
  await sam.page.goto("/me/plan");
  await sam.page.getByTestId("free-6-morning").check();
  await sam.page.getByTestId("plan-save").click();
  await expect(sam.page.getByTestId("plan-form-outcome")).toContainText("Saved");
  await expect(sam.page.getByTestId("free-6-morning")).toBeChecked();
});

test("marked as there by the organizer, a member reflects and sees their milestones", async ({ browser, request }) => {
  const olu = await newPerson(browser, request, "Olu");
  const slug = await startGroup(olu.page, `Repair Friends ${crypto.randomBytes(3).toString("hex")}`);
  const auth = await bearer(request, olu);
  const start = new Date(Date.now() + 2 * 24 * 3600_000);
  const created = await request.post(`/api/groups/${slug}/activities`, {
    headers: auth,
    data: { kind: "hobby", title: "Repair café evening", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Old library", energyLevel: "low", talkLevel: "some_chat" },
  });
  expect(created.status()).toBe(201);
  const activityId = (await created.json()).activity.id as string;

  // The member reflects with JavaScript off: the one-tap form is a plain form.
  const mia = await newPerson(browser, request, "Mia", { javaScriptEnabled: false });
  await mia.page.goto(`/activities/${activityId}`);
  await mia.page.getByTestId("rsvp-going").click();
  await expect(mia.page.getByTestId("rsvp-state")).toHaveText("You're going.");
  await expect(mia.page.getByTestId("my-reflection")).toHaveCount(0);

  // It happened: it started an hour ago, and the organizer marks Mia as there.
  const moved = await request.patch(`/api/activities/${activityId}`, { headers: auth, data: { startsLocal: londonLocal(new Date(Date.now() - 3600_000)), endsLocal: londonLocal(new Date(Date.now() + 3600_000)) } });
  expect(moved.status()).toBe(200);
  const marked = await request.post(`/api/activities/${activityId}/attendance`, { headers: auth, data: { userId: mia.id, attendance: "attended" } });
  expect(marked.status()).toBe(200);

  await mia.page.goto("/");
  await expect(mia.page.getByTestId("home-milestone")).toContainText("Your first activity");
  const reflection = mia.page.getByTestId("home-reflection");
  await expect(reflection).toContainText("How did Repair café evening leave you?");
  await reflection.getByLabel("A note, if you like").fill("Fixed a lamp with Olu.");
  await reflection.getByTestId("reflect-lifted").click();
  await expect(mia.page.getByTestId("reflection-form-outcome")).toContainText("Noted: Repair café evening left you lifted. Only you can see this.");

  await mia.page.goto("/me/participation");
  await expect(mia.page.getByTestId("attended-count")).toContainText("1");
  await expect(mia.page.getByTestId("milestones")).toContainText("Your first activity");
  await expect(mia.page.getByTestId("milestones")).toContainText("Your first reflection");
  await expect(mia.page.getByTestId("weeks-chart")).toBeVisible();
  await expect(mia.page.getByTestId("weeks-table").locator("tbody tr")).toHaveCount(12);
  await expectNoAxeViolationsForNoJs(mia.page);
  await expectGentle(mia.page);

  await mia.page.goto(`/activities/${activityId}`);
  await expect(mia.page.getByTestId("reflect-lifted")).toHaveAttribute("aria-pressed", "true");
  await expect(mia.page.getByTestId("reflection-note")).toHaveValue("Fixed a lamp with Olu.");
  // The organizer sees who came, never how it left them.
  await olu.page.goto(`/activities/${activityId}`);
  await expect(olu.page.getByTestId("my-reflection")).toHaveCount(0);
  await olu.page.goto(`/activities/${activityId}/organize`);
  await expect(olu.page.locator("body")).not.toContainText("Fixed a lamp");
});

test("two people become check-in partners, check in, get one gentle nudge for a missed week, and one pauses", async ({ browser, request }) => {
  const ann = await newPerson(browser, request, "Ann");
  // Bo uses the site without JavaScript: invite, check-in and pause forms all work that way.
  const bo = await newPerson(browser, request, "Bo", { javaScriptEnabled: false });

  await ann.page.goto("/me/partners");
  await expect(ann.page.getByTestId("no-partners")).toBeVisible();
  await expectNoAxeViolations(ann.page);
  await ann.page.getByTestId("link-rhythm").selectOption("weekly_meeting");
  await ann.page.getByTestId("link-day").selectOption("3");
  await ann.page.getByTestId("make-invite-link").click();
  const link = (await ann.page.getByTestId("invite-link").innerText()).trim();
  expect(link).toMatch(/\/me\/partners\/join\?code=[\w-]{20,}$/);

  await bo.page.goto(new URL(link).pathname + new URL(link).search);
  await expect(bo.page.getByTestId("invite")).toContainText(`${ann.name} would like to be check-in partners with you, with a weekly check-in on Wednesdays.`);
  await expectNoAxeViolationsForNoJs(bo.page);
  await bo.page.getByTestId("accept-invite-button").click();
  await expect(bo.page.getByTestId("partner-welcome")).toContainText(`You and ${ann.name} are check-in partners now.`);
  const pairUrl = new URL(bo.page.url()).pathname;

  // A check-in is due for both until one of them writes one.
  await ann.page.goto("/");
  await expect(ann.page.getByTestId("home-check-in-due")).toContainText(`A check-in with ${bo.name} is due this week.`);
  await bo.page.goto("/");
  await expect(bo.page.getByTestId("home-check-in-due")).toContainText(`A check-in with ${ann.name} is due this week.`);

  await bo.page.goto(pairUrl);
  await bo.page.getByTestId("check-in-note").fill("Slept badly, but the walk helped.");
  await bo.page.getByTestId("mood-2").check();
  await bo.page.getByTestId("energy-low").check();
  await bo.page.getByTestId("check-in-submit").click();
  await expect(bo.page.getByTestId("check-in-form-outcome")).toContainText("Checked in.");

  await ann.page.goto(pairUrl);
  await expect(ann.page.getByTestId("check-in").first()).toContainText("Slept badly, but the walk helped.");
  await expect(ann.page.getByTestId("check-in").first()).toContainText("mood 2 of 5");
  await expectNoAxeViolations(ann.page);
  await ann.page.goto("/");
  await expect(ann.page.getByTestId("home-check-in-due")).toHaveCount(0);

  // Two weeks pass with no check-in: the job (on the test's clock) nudges both, once.
  const later = new Date(Date.now() + 15 * 24 * 3600_000).toISOString();
  const first = await ann.page.request.post("/api/test/nudges", { data: { now: later } });
  expect(await first.json()).toEqual({ nudged: 1 });
  const again = await ann.page.request.post("/api/test/nudges", { data: { now: later } });
  expect(await again.json()).toEqual({ nudged: 0 });
  await ann.page.goto("/notifications");
  await expect(ann.page.locator('[data-testid="notification"][data-type="partner_nudge"]')).toHaveCount(1);
  await expect(ann.page.locator('[data-testid="notification"][data-type="partner_nudge"]')).toContainText(`${bo.name} hasn't heard from you this week — a two-line check-in is plenty`);
  await bo.page.goto("/notifications");
  await expect(bo.page.locator('[data-testid="notification"][data-type="partner_nudge"]')).toContainText(`${ann.name} hasn't heard from you this week — a two-line check-in is plenty`);

  // Bo pauses, at once and without a reason; Ann is told kindly.
  await bo.page.goto(pairUrl);
  await bo.page.getByTestId("partner-pause-button").click();
  await expect(bo.page.getByTestId("partner-pause-or-resume-outcome")).toContainText("Paused.");
  await expect(bo.page.getByTestId("partner-resume-button")).toBeVisible();
  await ann.page.goto("/notifications");
  await expect(ann.page.locator('[data-testid="notification"][data-type="partner_paused"]')).toContainText(`${bo.name} has paused your check-ins for now`);
  await ann.page.goto("/me/partners");
  await expect(ann.page.getByTestId("partner-paused")).toBeVisible();
  await expectGentle(ann.page);
});

test("the demo member's private pages: plan half met, a check-in due, reflections, milestones and a gentle mix", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, "member@example.com", "commonthread", "Sam Member");
  const plan = await page.goto("/me/plan");
  const cacheControl = plan?.headers()["cache-control"] ?? "";
  expect(cacheControl).toContain("private");
  expect(cacheControl).toContain("no-store");
  const progress = await page.getByTestId("plan-progress").locator("p").first().innerText();
  const [done, goal] = progress.match(/(\d+) of (\d+)/)!.slice(1).map(Number);
  expect(done * 2).toBe(goal);
  await page.goto("/me/partners");
  await expect(page.getByTestId("check-in-due")).toContainText("A check-in is due this week.");
  await page.goto("/me/participation");
  expect(await page.getByTestId("milestones").locator("li").count()).toBeGreaterThanOrEqual(3);
  await expectGentle(page);
  await page.goto("/me/mix");
  await expect(page.getByTestId("mix-suggestion")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectGentle(page);
  await page.goto("/");
  await expect(page.getByTestId("home-check-in-due")).toBeVisible();
  await expect(page.getByTestId("home-suggestions").getByTestId("suggestion")).not.toHaveCount(0);
  await expectGentle(page);
});

test("a visitor is sent to sign in from every /me page and their home is unchanged", async ({ page }) => {
  for (const path of ["/me/participation", "/me/plan", "/me/partners", "/me/mix"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  }
  await page.goto("/");
  await expect(page.getByTestId("home-plan")).toHaveCount(0);
  await expect(page.getByTestId("this-week-list")).toBeVisible();
});
