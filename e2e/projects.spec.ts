import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, newCredentials, test } from "./fixtures";

/*
 * Group projects from start to finish: an organizer starts a project with tasks, places are
 * claimed and given back, a second member finds a task full, a part is marked done and its
 * hours verified while the progress bar moves, and a comment that opens with "you never"
 * meets the kind-words suggestion and is posted as it is. The claim form also works with
 * JavaScript turned off. Each test makes its own members.
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

/** Starts a group and a project in it with two tasks; returns the project's path. */
async function projectWithTasks(organizer: Page, name: string): Promise<string> {
  await organizer.goto("/groups/new");
  await organizer.getByLabel("Group name").fill(`${name} ${run}`);
  await organizer.getByLabel("Agreements").fill("Listening over fixing.");
  await organizer.getByTestId("create-group").click();
  await expect(organizer.getByTestId("group-name")).toHaveText(`${name} ${run}`);
  await organizer.getByTestId("new-project-link").click();
  await organizer.getByLabel("Title").fill("Library garden planters");
  await organizer.getByLabel("Goal").fill("Four planters by the library door before spring.");
  await organizer.getByLabel("Description").fill("We build them on a **Saturday** and plant them the week after.");
  await organizer.getByTestId("project-submit").click();
  await expect(organizer.getByTestId("project-title")).toHaveText("Library garden planters");
  const path = new URL(organizer.url()).pathname;

  const form = organizer.getByTestId("task-form");
  await expect(form).toBeVisible();
  await form.getByLabel("Task", { exact: true }).fill("Paint the planters");
  await form.getByLabel("People needed").fill("1");
  await form.getByLabel("Effort").selectOption("low");
  await form.getByLabel("Estimated hours (optional)").fill("2");
  await form.getByTestId("task-form-submit").click();
  await expect(organizer.getByTestId("task-form-ok")).toContainText("Paint the planters");
  await form.getByLabel("Task", { exact: true }).fill("Write plant labels at home");
  await form.getByLabel("People needed").fill("3");
  await form.getByLabel("Effort").selectOption("low");
  await form.getByTestId("task-fromHome").check();
  await form.getByTestId("task-form-submit").click();
  await expect(organizer.getByTestId("task-form-ok")).toContainText("Write plant labels at home");
  await organizer.reload();
  await expect(organizer.getByTestId("task-card")).toHaveCount(2);
  return path;
}

const task = (page: Page, title: string) => page.locator(`[data-testid="task-card"][data-task-title="${title}"]`);

test("a project from start to verified hours, with a full task, a moving progress bar and a kind-words comment", async ({ browser }) => {
  test.setTimeout(480_000);
  const organizer = await signUp(browser, "Oona Organizer");
  const path = await projectWithTasks(organizer, "Library Gardeners");
  const paint = task(organizer, "Paint the planters");
  await expect(organizer.getByTestId("project-progress-words")).toHaveText("0 of 4 places filled · 0 of 2 tasks done and verified · 0 hours of volunteering verified");

  // The organizer claims the place and gives it back.
  await paint.getByTestId("task-claim-button").click();
  await expect(paint.getByTestId("task-claim-line")).toHaveText("You have a place");
  await expect(paint.getByTestId("task-places")).toHaveText("1 of 1 place taken · all places are taken");
  await paint.getByTestId("task-release").click();
  await expect(paint.getByTestId("task-places")).toHaveText("0 of 1 place taken · 1 free");
  await expect(paint.getByTestId("task-claim-line")).toHaveCount(0);

  // A member from outside the group joins it by claiming, accepting its agreements.
  const bea = await signUp(browser, "Bea Member");
  await bea.goto(path);
  const beaPaint = task(bea, "Paint the planters");
  await beaPaint.getByTestId("task-claim-button").click();
  await expect(beaPaint.getByTestId("task-claim-button-outcome")).toContainText("accept its agreements");
  await beaPaint.getByTestId("task-accept-agreements").check();
  await beaPaint.getByTestId("task-claim-button").click();
  await expect(beaPaint.getByTestId("task-claim-line")).toHaveText("You have a place");

  // A second member finds the task full.
  const cal = await signUp(browser, "Cal Member");
  await cal.goto(path);
  await expect(task(cal, "Paint the planters").getByTestId("task-full")).toContainText("All places are taken");
  await expect(task(cal, "Paint the planters").getByTestId("task-claim-button")).toHaveCount(0);

  // Bea marks her part done; the organizer verifies it with the estimate and the bar moves.
  await bea.reload();
  await task(bea, "Paint the planters").getByTestId("task-done").click();
  await expect(task(bea, "Paint the planters").getByTestId("task-claim-line")).toContainText("You marked your part done");
  await organizer.reload();
  await expect(organizer.getByTestId("project-progress-words")).toHaveText("1 of 4 places filled · 0 of 2 tasks done and verified · 0 hours of volunteering verified");
  await expect(organizer.getByTestId("project-progress").getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
  await expect(paint.getByTestId("task-verify-hours")).toHaveValue("2");
  await expectNoAxeViolations(organizer);
  await paint.getByTestId("task-verify").click();
  await expect(paint.getByTestId("task-claim-line")).toHaveText("Bea Member: verified · 2 hours");
  await organizer.reload();
  await expect(organizer.getByTestId("project-progress-words")).toHaveText("1 of 4 places filled · 1 of 2 tasks done and verified · 2 hours of volunteering verified");
  await bea.goto("/notifications");
  await expect(bea.getByText("2 hours on \"Paint the planters\" verified")).toBeVisible();

  // The board filters: from home.
  await organizer.getByTestId("filter-home").check();
  await organizer.getByTestId("filter-apply").click();
  await expect(organizer.getByTestId("task-card")).toHaveCount(1);
  await expect(organizer.getByTestId("task-card")).toHaveAttribute("data-task-title", "Write plant labels at home");
  await expect(organizer).toHaveURL(/home=1/);

  // A comment that opens with "you never" meets the suggestion, and is posted as it is.
  await cal.reload();
  const box = cal.getByTestId("comment-body");
  await box.fill("You never say what time the painting starts.");
  await expect(cal.getByTestId("kind-words")).toContainText("I feel … when … ; could we …?");
  await cal.getByTestId("comment-post").click();
  await expect(cal.getByTestId("kind-words")).toBeVisible();
  await expect(box).toHaveValue("You never say what time the painting starts.");
  await cal.getByTestId("comment-post-as-is").click();
  await expect(cal.getByTestId("comment").last()).toContainText("You never say what time the painting starts.");
  await expect(cal.getByTestId("kind-words")).toHaveCount(0);
});

test("the claim form and the kind-words suggestion work without JavaScript", async ({ browser }) => {
  test.setTimeout(300_000);
  const organizer = await signUp(browser, "Nell Organizer");
  const path = await projectWithTasks(organizer, "Quiet Makers");
  const signedIn = await signUp(browser, "Noor NoScript");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
  const page = await context.newPage();
  await page.goto(path);
  const labels = task(page, "Write plant labels at home");
  await labels.getByTestId("task-accept-agreements").check();
  await labels.getByTestId("task-claim-button").click();
  await expect(task(page, "Write plant labels at home").getByTestId("task-places")).toHaveText("1 of 3 places taken · 2 free");
  await expect(task(page, "Write plant labels at home").getByTestId("task-release")).toBeVisible();

  await page.getByTestId("comment-body").fill("You always forget the paint brushes.");
  await page.getByTestId("comment-post").click();
  await expect(page.getByTestId("kind-words")).toContainText("“You always”");
  await expect(page.getByTestId("comment-body")).toHaveValue("You always forget the paint brushes.");
  await page.getByTestId("comment-post-as-is").click();
  await expect(page.getByTestId("comment")).toContainText("You always forget the paint brushes.");
  await context.close();
});

test("an organizer edits a task's places (never below the people who claimed) and removes it, and the claimant is told", async ({ browser }) => {
  test.setTimeout(300_000);
  const organizer = await signUp(browser, "Ida Organizer");
  const path = await projectWithTasks(organizer, "Label Writers");
  const dev = await signUp(browser, "Dev Member");
  await dev.goto(path);
  const devLabels = task(dev, "Write plant labels at home");
  await devLabels.getByTestId("task-accept-agreements").check();
  await devLabels.getByTestId("task-claim-button").click();
  await expect(devLabels.getByTestId("task-claim-line")).toHaveText("You have a place");
  await organizer.reload();
  await task(organizer, "Write plant labels at home").getByTestId("task-claim-button").click();
  await expect(task(organizer, "Write plant labels at home").getByTestId("task-places")).toHaveText("2 of 3 places taken · 1 free");

  // Only organizers see the way in; the member does not.
  await dev.reload();
  await expect(task(dev, "Write plant labels at home").getByTestId("task-edit")).toHaveCount(0);
  await task(organizer, "Write plant labels at home").getByTestId("task-edit").click();
  await expect(organizer.getByRole("heading", { level: 1 })).toHaveText("Edit “Write plant labels at home”");
  await expect(organizer.getByTestId("edit-task-places")).toHaveText("2 people have a place, so it needs at least 2 places.");
  const form = organizer.getByTestId("task-form");
  await expect(form.getByLabel("People needed")).toHaveValue("3");
  await expect(form.getByTestId("task-fromHome")).toBeChecked();
  await expectNoAxeViolations(organizer);

  // Fewer places than people who claimed is refused, saying how many; what was typed stays.
  await form.getByLabel("Task", { exact: true }).fill("Write and laminate plant labels");
  await form.getByLabel("People needed").fill("1");
  await form.getByTestId("task-form-submit").click();
  await expect(organizer.getByTestId("task-placesNeeded-error")).toHaveText("2 people already have a place on this task, so it needs at least 2 places. Take a place off first if you need fewer.");
  await expect(organizer.getByTestId("task-form-error")).toBeVisible();
  await expect(form.getByLabel("Task", { exact: true })).toHaveValue("Write and laminate plant labels");
  await expectNoAxeViolations(organizer);
  await form.getByLabel("People needed").fill("2");
  await form.getByTestId("task-form-submit").click();
  await expect(organizer.getByTestId("project-title")).toHaveText("Library garden planters");
  const edited = task(organizer, "Write and laminate plant labels");
  await expect(edited.getByTestId("task-places")).toHaveText("2 of 2 places taken · all places are taken");

  // Removing asks for a tick first, and works without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await organizer.context().storageState() });
  const plain = await context.newPage();
  await plain.goto(path);
  await task(plain, "Write and laminate plant labels").getByTestId("task-edit").click();
  await plain.getByTestId("task-remove").click();
  await expect(plain.getByTestId("task-remove-outcome")).toHaveText("Please tick the box to confirm you want to remove this task.");
  await plain.getByTestId("task-remove-confirm").check();
  await plain.getByTestId("task-remove").click();
  await expect(plain.getByTestId("project-title")).toHaveText("Library garden planters");
  await expect(plain.getByTestId("task-card")).toHaveCount(1);
  await expect(task(plain, "Write and laminate plant labels")).toHaveCount(0);
  await expect(plain.getByTestId("project-progress-words")).toHaveText("0 of 1 places filled · 0 of 1 task done and verified · 0 hours of volunteering verified");
  await context.close();

  await dev.goto("/notifications");
  await expect(dev.getByText('"Write and laminate plant labels" was taken off the board')).toBeVisible();
});

test("the demo town's projects are listed with those that need people first, and the garden shows its progress and work days", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/projects");
  const titles = await page.getByTestId("project-card").getByRole("heading").allInnerTexts();
  expect(titles.indexOf("Winter hamper drive")).toBeLessThan(titles.indexOf("Riverside garden rebuild"));
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Riverside garden rebuild" }).click();
  await expect(page.getByTestId("project-title")).toHaveText("Riverside garden rebuild");
  await expect(page.getByTestId("project-progress-words")).toContainText("11 of 12 places filled");
  await expect(page.getByTestId("work-days").getByRole("link").first()).toBeVisible();
  // The garden is planned to end in three weeks; the weekly mornings and the shed painting go on after it,
  // and are listed as after the end, not as if inside the project's dates.
  await expect(page.getByTestId("work-days-after-end")).toContainText("The project is planned to end on");
  await expect(page.getByTestId("work-days-after").getByRole("link", { name: "Tool shed painting day" })).toBeVisible();
  await expect(page.getByTestId("work-days").getByRole("link", { name: "Tool shed painting day" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
