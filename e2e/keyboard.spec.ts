import crypto from "node:crypto";
import type { APIRequestContext, Browser, BrowserContextOptions, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { londonLocal, signUpThroughForm } from "./people";

/*
 * The main flows done with the keyboard alone: browse and filter the listing, RSVP, claim a
 * task, join a group, check in with a partner and set a plan. Only Tab, Shift+Tab, Enter,
 * Space, the arrow keys and typing into the focused field move things along (no clicks, no
 * filling of fields the keyboard has not reached), and after every key the focused element
 * must show a visible focus indicator. Setting the stage (other people, a group, an invite)
 * uses the API and ordinary clicks; only the flow under test is keyboard-only.
 *
 * Then reading, RSVP, claiming and joining with JavaScript switched off, where other specs
 * do not already: paging the listing and reading an activity, an RSVP asking for a greeter
 * and withdrawn, a place claimed, given back and marked done, and joining and leaving a group.
 */

const run = crypto.randomBytes(3).toString("hex");

interface Person {
  name: string;
  email: string;
  /** Requests made with this person's session, for setting things up. */
  api: APIRequestContext;
  page: Page;
}

/**
 * A member signed up through the sign-up page (one password hash: the server is shared), in a
 * browser of their own; with `javaScriptEnabled: false` the session moves to a browser without it.
 */
async function person(browser: Browser, label: string, options: BrowserContextOptions = {}): Promise<Person> {
  const who = await signUpThroughForm(browser, label);
  let page = who.page;
  let context = page.context();
  if (options.javaScriptEnabled === false) {
    const signedIn = await context.storageState();
    await context.close();
    context = await browser.newContext({ ...options, storageState: signedIn });
    page = await context.newPage();
  }
  return { name: who.name, email: who.email, api: context.request, page };
}

/** An organizer with a public group of their own, and API calls to post an activity and a project with a task. */
async function organizerWithGroup(browser: Browser) {
  const organizer = await person(browser, "Olu");
  const groupName = `Keyboard Club ${run} ${crypto.randomBytes(2).toString("hex")}`;
  await organizer.page.goto("/groups/new");
  await organizer.page.getByLabel("Group name").fill(groupName);
  await organizer.page.getByLabel("Agreements").fill("Listening over fixing.");
  await organizer.page.getByTestId("create-group").click();
  await expect(organizer.page.getByTestId("group-name")).toHaveText(groupName);
  const slug = new URL(organizer.page.url()).pathname.split("/")[2];
  const request = organizer.api;
  return {
    organizer,
    slug,
    groupName,
    async activity(title: string, capacity = 6): Promise<string> {
      const start = new Date(Date.now() + 3 * 24 * 3600_000);
      const res = await request.post(`/api/groups/${slug}/activities`, {
        data: { kind: "walk", title, capacity, startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Riverside café", address: "1 River Lane", energyLevel: "low", talkLevel: "some_chat" },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()).activity.id as string;
    },
    async project(tasks: { title: string; placesNeeded: number }[]): Promise<string> {
      const res = await request.post(`/api/groups/${slug}/projects`, { data: { title: "Bird boxes for the park", goal: "Twelve boxes up before March.", description: "" } });
      expect(res.status(), await res.text()).toBe(201);
      const id = (await res.json()).project.id as string;
      for (const task of tasks) {
        const made = await request.post(`/api/projects/${id}/tasks`, { data: { ...task, description: "", effort: "low", fromHome: true } });
        expect(made.status(), await made.text()).toBe(201);
      }
      return `/projects/${id}`;
    },
  };
}

/** Where the focus is and whether it can be seen, read in the page. */
interface FocusState {
  /** The element aimed at has the focus (or holds it, for a control inside it). */
  reached: boolean;
  /** Nothing on the page has the focus. */
  outside: boolean;
  visible: boolean;
  what: string;
}

function readFocus(target: Element | null): FocusState {
  const active = document.activeElement;
  const what =
    !active || active === document.body
      ? "nothing (the page itself)"
      : `<${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""}${active.getAttribute("type") ? ` type=${active.getAttribute("type")}` : ""}> "${(active.getAttribute("aria-label") || active.textContent || active.getAttribute("name") || "").trim().slice(0, 60)}"${active.getAttribute("data-testid") ? ` [${active.getAttribute("data-testid")}]` : ""}`;
  if (!active || active === document.body) return { reached: false, outside: true, visible: false, what };
  // The hub draws focus as an outline (app/globals.css), only on focus; nothing else has one.
  const style = getComputedStyle(active);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== "rgba(0, 0, 0, 0)";
  const box = active.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  return { reached: target !== null && (target === active || target.contains(active)), outside: false, visible: outline && onScreen, what };
}

/** Fails unless whatever has the focus now shows a visible focus indicator on screen. */
async function expectFocusVisible(page: Page, step: string): Promise<void> {
  const state = await page.evaluate(readFocus, null);
  expect(state.visible, `after ${step}, the focus on ${state.what} is visible`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until the target has the focus, checking after every press that
 * the focus can be seen; fails if the target is not reached within `limit` presses.
 */
async function tabTo(target: Locator, { backwards = false, limit = 90 } = {}): Promise<void> {
  const page = target.page();
  const key = backwards ? "Shift+Tab" : "Tab";
  await expect(target).toBeAttached();
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const state = await target.evaluate(readFocus);
    // Past the last element the focus leaves the page for the browser's own controls, and the
    // next press brings it back to the first; that step has nothing on the page to show.
    if (state.outside) {
      passed.push(state.what);
      continue;
    }
    expect(state.visible, `after ${key} ×${i + 1}, the focus on ${state.what} is visible`).toBe(true);
    if (state.reached) return;
    passed.push(state.what);
  }
  throw new Error(`${limit} presses of ${key} never reached ${target}; they passed ${passed.slice(-8).join(", ")}`);
}

/** Presses a key on the focused element and checks the focus is still visible afterwards. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusVisible(page, key);
}

// Several people, a group and a production server share two cores here.
test.describe.configure({ timeout: 150_000 });

test.describe("with the keyboard alone", () => {
  test("browse, filter the listing by kind and open an activity", async ({ page }) => {
    await page.goto("/");
    // The first Tab reaches the skip link, which appears when focused.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await expectFocusVisible(page, "the first Tab");
    await tabTo(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activities" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/activities$/);
    await expect(page.getByRole("heading", { level: 1, name: "Activities" })).toBeVisible();

    const filters = page.getByTestId("filter-form");
    const walk = filters.getByRole("group", { name: "Kind" }).getByLabel("Group walk", { exact: true });
    await tabTo(walk);
    await press(page, "Space");
    await expect(walk).toBeChecked();
    // One too far, and back: Shift+Tab returns to the box just ticked.
    await press(page, "Tab");
    await tabTo(walk, { backwards: true });
    await tabTo(page.getByTestId("apply-filters"));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]kind=walk/);
    const cards = page.getByTestId("activity-list").getByTestId("activity-card");
    await expect(cards.first()).toBeVisible();
    for (const card of await cards.all()) await expect(card).toContainText("Group walk");
    await expect(page.getByTestId("filter-form").getByLabel("Group walk", { exact: true })).toBeChecked();

    const first = cards.first().getByRole("link").first();
    const title = (await first.innerText()).trim();
    await tabTo(first);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("activity-title")).toHaveText(title);
  });

  test("RSVP to an activity, asking not to arrive alone", async ({ browser }) => {
    const club = await organizerWithGroup(browser);
    const activityId = await club.activity("Keyboard canal walk");
    const ama = await person(browser, "Ama");
    const page = ama.page;
    await page.goto(`/activities/${activityId}`);
    const goTogether = page.getByTestId("rsvp-go-together");
    await tabTo(goTogether);
    await press(page, "Space");
    await expect(goTogether).toBeChecked();
    await tabTo(page.getByTestId("rsvp-going"));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("rsvp-state")).toHaveText("You're going.");
    await expect(page.getByTestId("rsvp-greeter")).toBeVisible();
    await expect(page.getByTestId("rsvp-places")).toHaveText("1 of 6 places taken · 5 spots left");
  });

  test("claim a place on a project's task, joining its group on the way", async ({ browser }) => {
    const club = await organizerWithGroup(browser);
    const project = await club.project([{ title: "Paint the bird boxes", placesNeeded: 2 }]);
    const ben = await person(browser, "Ben");
    const page = ben.page;
    await page.goto(project);
    const card = page.locator('[data-testid="task-card"][data-task-title="Paint the bird boxes"]');
    await expect(card.getByTestId("task-places")).toHaveText("0 of 2 places taken · 2 free");
    await tabTo(card.getByTestId("task-accept-agreements"));
    await press(page, "Space");
    await expect(card.getByTestId("task-accept-agreements")).toBeChecked();
    await tabTo(card.getByTestId("task-claim-button"));
    await page.keyboard.press("Enter");
    await expect(card.getByTestId("task-places")).toHaveText("1 of 2 places taken · 1 free");
    await expect(card.getByTestId("task-release")).toBeVisible();
    await page.goto(`/groups/${club.slug}`);
    await expect(page.getByTestId("membership-status")).toContainText("You're a member");
  });

  test("join a group, accepting its agreements", async ({ browser }) => {
    const cai = await person(browser, "Cai");
    const page = cai.page;
    await page.goto("/groups/station-quarter-board-games");
    const accept = page.getByTestId("accept-agreements");
    await tabTo(accept);
    await press(page, "Space");
    await expect(accept).toBeChecked();
    await tabTo(page.getByTestId("join-group"));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("membership-status")).toContainText("You're a member");
  });

  test("check in with a partner, choosing mood and energy with the arrow keys", async ({ browser }) => {
    const dee = await person(browser, "Dee");
    const eve = await person(browser, "Eve");
    const invite = await dee.api.post("/api/me/partners", { data: {} });
    expect(invite.status()).toBe(201);
    const accepted = await eve.api.post("/api/me/partners/accept", { data: { code: (await invite.json()).code } });
    expect(accepted.ok(), await accepted.text()).toBe(true);

    const page = dee.page;
    await page.goto("/me/partners");
    await tabTo(page.getByTestId("partner").getByRole("link", { name: eve.name }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Checking in with ${eve.name}`);
    await tabTo(page.getByTestId("check-in-note"));
    await page.keyboard.type("Walked to the allotment and back.");
    await expectFocusVisible(page, "typing the note");
    // Tab enters each radio group at its chosen answer; the arrows move the choice.
    await tabTo(page.getByTestId("mood-3"));
    await press(page, "ArrowRight");
    await expect(page.getByTestId("mood-4")).toBeChecked();
    await tabTo(page.getByTestId("energy-medium"));
    await press(page, "ArrowLeft");
    await expect(page.getByTestId("energy-low")).toBeChecked();
    await tabTo(page.getByTestId("check-in-submit"));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("check-in-form-outcome")).toContainText("Checked in.");

    await eve.page.goto(new URL(page.url()).pathname);
    await expect(eve.page.getByTestId("check-in").first()).toContainText("Walked to the allotment and back.");
    await expect(eve.page.getByTestId("check-in").first()).toContainText("mood 4 of 5");
  });

  test("set a connection plan: a weekly goal, free times, energy and a kind", async ({ browser }) => {
    const fay = await person(browser, "Fay");
    const page = fay.page;
    await page.goto("/me/plan");
    await expect(page.getByTestId("plan-progress")).toContainText("You haven't made a plan yet");
    await tabTo(page.getByLabel("Activities a week"));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("3");
    await expectFocusVisible(page, "typing the weekly goal");
    await tabTo(page.getByTestId("free-6-morning"));
    await press(page, "Space");
    await press(page, "Tab");
    await expect(page.getByTestId("free-6-afternoon")).toBeFocused();
    await press(page, "Space");
    // "It varies" is chosen until a plan says otherwise; one step back along the arrows is "High".
    await tabTo(page.getByRole("radio", { name: "It varies" }));
    await press(page, "ArrowLeft");
    await expect(page.getByTestId("usual-energy-high")).toBeChecked();
    await tabTo(page.getByTestId("interest-kind-walk"));
    await press(page, "Space");
    await tabTo(page.getByTestId("plan-save"));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("plan-form-outcome")).toContainText("Saved");

    await page.reload();
    await expect(page.getByTestId("plan-progress")).toContainText("0 of 3 activities this week");
    for (const box of ["free-6-morning", "free-6-afternoon", "usual-energy-high", "interest-kind-walk"]) await expect(page.getByTestId(box)).toBeChecked();
    await expect(page.getByTestId("free-6-evening")).not.toBeChecked();
  });
});

test.describe("with JavaScript switched off", () => {
  test.use({ javaScriptEnabled: false });

  test("the listing pages on and an activity page shows its facts, times and group", async ({ page }) => {
    await page.goto("/activities");
    const cards = page.getByTestId("activity-list").getByTestId("activity-card");
    await expect(cards.first()).toBeVisible();
    const firstPage = await cards.getByRole("heading").allInnerTexts();
    await page.getByTestId("next-page").click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(cards.first()).toBeVisible();
    expect(await cards.getByRole("heading").allInnerTexts()).not.toEqual(firstPage);

    const title = (await cards.first().getByRole("heading").innerText()).trim();
    await cards.first().getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByTestId("activity-title")).toHaveText(title);
    const facts = page.getByTestId(/^activity-(facts|conditions)$/);
    for (const term of ["When", "Where", "Energy it asks"]) await expect(facts.locator(`dt:text-is("${term}") + dd`)).not.toBeEmpty();
    await expect(page.getByTestId("activity-time")).toContainText(/\d/);
    await expect(page.getByTestId("going-count")).toHaveText(/\d/);
    await expect(page.getByTestId("rsvp-sign-in")).toBeVisible();
    const group = page.getByRole("article").locator("header").getByRole("link").first();
    const groupName = (await group.innerText()).trim();
    await group.click();
    await expect(page.getByTestId("group-name")).toHaveText(groupName);
    await expect(page.getByTestId("agreements")).toBeVisible();
  });

  test("an RSVP asks for a greeter and is withdrawn", async ({ browser }) => {
    const club = await organizerWithGroup(browser);
    const activityId = await club.activity("Quiet canal walk", 4);
    const gil = await person(browser, "Gil", { javaScriptEnabled: false });
    const page = gil.page;
    await page.goto(`/activities/${activityId}`);
    await page.getByTestId("rsvp-go-together").check();
    await page.getByTestId("rsvp-going").click();
    await expect(page.getByTestId("rsvp-state")).toHaveText("You're going.");
    await expect(page.getByTestId("rsvp-greeter")).toContainText("You asked not to arrive alone.");
    await expect(page.getByTestId("rsvp-go-together")).toBeChecked();
    await expect(page.getByTestId("rsvp-places")).toHaveText("1 of 4 places taken · 3 spots left");
    await page.getByTestId("rsvp-withdraw").click();
    await expect(page.getByTestId("rsvp-going")).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("rsvp-withdraw")).toHaveCount(0);
    await expect(page.getByTestId("rsvp-places")).toHaveText("0 of 4 places taken · 4 spots left");
  });

  test("a place is claimed, given back, claimed again and marked done", async ({ browser }) => {
    const club = await organizerWithGroup(browser);
    const project = await club.project([{ title: "Drill the entrance holes", placesNeeded: 2 }]);
    const hal = await person(browser, "Hal", { javaScriptEnabled: false });
    const page = hal.page;
    await page.goto(project);
    const card = page.locator('[data-testid="task-card"][data-task-title="Drill the entrance holes"]');
    await card.getByTestId("task-accept-agreements").check();
    await card.getByTestId("task-claim-button").click();
    await expect(card.getByTestId("task-places")).toHaveText("1 of 2 places taken · 1 free");
    await card.getByTestId("task-release").click();
    await expect(card.getByTestId("task-places")).toHaveText("0 of 2 places taken · 2 free");
    // Now a member of the group, the claim needs no agreements box.
    await expect(card.getByTestId("task-accept-agreements")).toHaveCount(0);
    await card.getByTestId("task-claim-button").click();
    await expect(card.getByTestId("task-places")).toHaveText("1 of 2 places taken · 1 free");
    await card.getByTestId("task-done").click();
    await expect(card.getByTestId("task-claim-line")).toHaveText("You marked your part done — waiting for an organizer to verify it");
  });

  test("a group is joined with its agreements accepted, and left", async ({ browser }) => {
    const club = await organizerWithGroup(browser);
    const ivy = await person(browser, "Ivy", { javaScriptEnabled: false });
    const page = ivy.page;
    await page.goto(`/groups/${club.slug}`);
    await expect(page.getByTestId("member-count")).toHaveText("1");
    await page.getByTestId("accept-agreements").check();
    await page.getByTestId("join-group").click();
    await expect(page.getByTestId("membership-status")).toContainText("You're a member");
    await expect(page.getByTestId("member-count")).toHaveText("2");
    await page.getByTestId("leave-group").click();
    await expect(page.getByTestId("join-group")).toBeVisible();
    await expect(page.getByTestId("member-count")).toHaveText("1");
  });
});
