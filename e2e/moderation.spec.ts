import crypto from "node:crypto";
import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { bearer, londonLocal, newPerson, PASSWORD, signInThroughForm, startGroup, type Person } from "./people";

/*
 * Reports and moderation as the people involved meet them: a member reports a comment from
 * its quiet link, the group's organizer hides it from the reports page, and the comment's
 * words are gone for the member, who is told the outcome. A member blocks a comment's author
 * from the comment's own menu, and an organizer's Remove asks once more.
 */

/** A member in a browser of their own, with an API token's Authorization header. */
async function person(browser: Browser, request: APIRequestContext, label: string): Promise<Person & { auth: Record<string, string> }> {
  const who = await newPerson(browser, request, label);
  return { ...who, auth: await bearer(request, who) };
}

test("a member reports a comment and the group's organizer hides it: its words are gone and the member is told", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const organizer = await person(browser, request, "Noor");
  const slug = await startGroup(organizer.page, `Canal Walkers ${crypto.randomBytes(3).toString("hex")}`);
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const created = await request.post(`/api/groups/${slug}/activities`, {
    headers: organizer.auth,
    data: { kind: "walk", title: "Towpath stroll", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Lock 7", energyLevel: "low", talkLevel: "some_chat" },
  });
  expect(created.status()).toBe(201);
  const activityId = (await created.json()).activity.id as string;

  const author = await person(browser, request, "Quill");
  const posted = await request.post(`/api/activities/${activityId}/comments`, { headers: author.auth, data: { body: "Nobody here would miss you if you stopped coming." } });
  expect(posted.status()).toBe(201);

  // The member finds the quiet link under the comment and sends a report.
  const member = await person(browser, request, "Wren");
  await member.page.goto(`/activities/${activityId}`);
  const comment = member.page.getByTestId("comment").filter({ hasText: "Nobody here would miss you" });
  await comment.getByTestId("comment-menu").getByText("More").click();
  await comment.getByTestId("report-comment").click();
  await expect(member.page.getByTestId("report-target")).toContainText("Nobody here would miss you");
  await expectNoAxeViolations(member.page);
  await member.page.getByTestId("reason-harassment").check();
  await member.page.getByTestId("report-note").fill("It felt aimed at someone in the group.");
  await member.page.getByTestId("report-send").click();
  await expect(member.page.getByTestId("report-form-outcome")).toContainText("Thank you");
  // Coming back later to report it again is answered kindly, and nothing is doubled.
  await member.page.reload();
  await member.page.getByTestId("reason-spam").check();
  await member.page.getByTestId("report-send").click();
  await expect(member.page.getByTestId("report-form-outcome")).toContainText("already have your report");

  // Only organizers reach the group's reports page: the member gets a 403, the admin page a 404.
  expect((await member.page.goto(`/groups/${slug}/reports`))?.status()).toBe(403);
  expect((await member.page.goto("/admin/reports"))?.status()).toBe(404);

  // The organizer decides from the queue, which never names who reported.
  await organizer.page.goto(`/groups/${slug}/manage`);
  await organizer.page.getByTestId("group-reports").click();
  const open = organizer.page.getByTestId("open-report").filter({ hasText: "Nobody here would miss you" });
  await expect(open).toContainText("It felt aimed at someone in the group.");
  await expect(organizer.page.getByTestId("open-reports")).not.toContainText(member.name);
  await expectNoAxeViolations(organizer.page);
  await open.getByTestId("outcome-hide").check();
  await open.getByTestId("decision-note").fill("Unkind words aimed at a member; not in keeping with our agreements.");
  await open.getByTestId("decide").click();
  // The decided report leaves the queue at once and is kept on the record below it.
  await expect(organizer.page.getByTestId("queue-empty")).toBeVisible();
  await expect(organizer.page.getByTestId("decided-report").first()).toContainText(`hidden by ${organizer.name}`);
  await expect(organizer.page.getByTestId("decided-report").first().getByTestId("hidden-mark")).toBeVisible();

  // Gone for the member, and in the API; the member is told what came of it.
  await member.page.goto(`/activities/${activityId}`);
  await expect(member.page.getByTestId("comment-removed")).toHaveCount(1);
  await expect(member.page.getByTestId("discussion")).not.toContainText("Nobody here would miss you");
  const api = await (await request.get(`/api/activities/${activityId}/comments`)).text();
  expect(api).not.toContain("Nobody here would miss you");
  await member.page.goto("/notifications");
  await expect(member.page.locator('[data-testid="notification"][data-type="report_outcome"]')).toContainText("hid it");
  // The author learns what was hidden and why, never who reported it.
  await author.page.goto("/notifications");
  const told = author.page.locator('[data-testid="notification"][data-type="content_hidden"]');
  await expect(told).toContainText("Unkind words aimed at a member");
  await expect(author.page.getByTestId("notifications")).not.toContainText(member.name);
});

test("an admin suspends a reported member: they are signed out at once and the sign-in page tells them why", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const reported = await person(browser, request, "Vale");
  const reporter = await person(browser, request, "Ivy");
  await reporter.page.goto(`/members/${reported.id}`);
  await reporter.page.getByTestId("report-member").click();
  await reporter.page.getByTestId("reason-substances").check();
  await reporter.page.getByTestId("report-send").click();
  await expect(reporter.page.getByTestId("report-form-outcome")).toContainText("Thank you");

  // The demo town's admin (README: admin@example.com).
  const admin = await (await browser.newContext()).newPage();
  await signInThroughForm(admin, "admin@example.com", "commonthread");
  expect((await admin.goto("/admin/reports"))?.status()).toBe(200);
  const open = admin.getByTestId("open-report").filter({ hasText: reported.name });
  await open.getByTestId("outcome-suspend").check();
  await open.getByTestId("decision-note").fill("Offering to sell substances to members.");
  await open.getByTestId("decide").click();
  await expect(admin.getByTestId("decided-report").filter({ hasText: reported.name }).first()).toContainText("account suspended");

  await reported.page.goto("/account");
  await expect(reported.page).toHaveURL(/\/signin/);
  await new SignInPage(reported.page).signIn(reported.email, PASSWORD);
  await expect(reported.page.getByTestId("form-error")).toContainText("suspended");
  await expect(reported.page.getByTestId("form-error")).toContainText("Offering to sell substances to members.");
  expect((await request.get("/api/me/rsvps", { headers: reported.auth })).status()).toBe(401);
});

test("a member blocks a comment's author from the comment's menu, and an organizer's Remove asks first", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const organizer = await person(browser, request, "Noor");
  const slug = await startGroup(organizer.page, `Towpath Friends ${crypto.randomBytes(3).toString("hex")}`);
  const start = new Date(Date.now() + 4 * 24 * 3600_000);
  const created = await request.post(`/api/groups/${slug}/activities`, {
    headers: organizer.auth,
    data: { kind: "walk", title: "Lock 7 loop", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Lock 7", energyLevel: "low", talkLevel: "some_chat" },
  });
  expect(created.status()).toBe(201);
  const activityId = (await created.json()).activity.id as string;

  // The author never chose to be listed on who's going, so no page of theirs is linked anywhere.
  const author = await person(browser, request, "Thorn");
  for (const body of ["Nobody asked for your opinion, honestly.", "And the route is boring."]) {
    expect((await request.post(`/api/activities/${activityId}/comments`, { headers: author.auth, data: { body } })).status()).toBe(201);
  }
  const other = await person(browser, request, "Lark");
  expect((await request.post(`/api/activities/${activityId}/comments`, { headers: other.auth, data: { body: "Looking forward to it!" } })).status()).toBe(201);

  const tracesOfAuthor = (html: string) => [author.id, `/members/${author.id}`].filter((t) => html.includes(t));
  for (const javaScriptEnabled of [true, false]) {
    const member = await newPerson(browser, request, javaScriptEnabled ? "Wren" : "Ash", { javaScriptEnabled });
    const page = member.page;
    await page.goto(`/activities/${activityId}`);
    const unkind = page.getByTestId("comment").filter({ hasText: "Nobody asked for your opinion" });
    await expect(unkind).toHaveCount(1);
    // The menu is quiet (folded) and names the comment, never its author: no id, no link to them.
    await expect(unkind.getByTestId("comment-block")).toBeHidden();
    expect(tracesOfAuthor(await page.content())).toEqual([]);
    if (javaScriptEnabled) {
      await expectNoAxeViolations(page);
    }
    await unkind.getByTestId("comment-menu").getByText("More").click();
    await expect(unkind.getByTestId("report-comment")).toBeVisible();
    await unkind.getByTestId("comment-block").click();

    const outcome = page.getByTestId("block-outcome");
    await expect(outcome).toContainText("Blocked.");
    await expect(outcome).not.toContainText(author.name);
    // Neither of the author's comments is left for the member; everyone else's still is.
    const discussion = page.getByTestId("discussion");
    await expect(discussion).not.toContainText("Nobody asked for your opinion");
    await expect(discussion).not.toContainText("And the route is boring.");
    await expect(discussion).not.toContainText(author.name);
    await expect(discussion).toContainText("Looking forward to it!");
    expect(tracesOfAuthor(await page.content())).toEqual([]);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    // And so on every later visit.
    await page.goto(`/activities/${activityId}`);
    await expect(page.getByTestId("discussion")).not.toContainText("And the route is boring.");
    await expect(page.getByTestId("comment")).toHaveCount(1);
    await page.context().close();
  }

  // The author is not told, and still reads their own words.
  await author.page.goto(`/activities/${activityId}`);
  await expect(author.page.getByTestId("discussion")).toContainText("Nobody asked for your opinion");

  // The organizer's Remove asks first.
  await organizer.page.goto(`/activities/${activityId}`);
  const boring = organizer.page.getByTestId("comment").filter({ hasText: "And the route is boring." });
  await expect(boring.getByTestId("comment-hide")).toBeHidden();
  await boring.getByTestId("comment-remove").getByText("Remove…").click();
  await expect(boring.getByTestId("comment-remove")).toContainText("Remove this comment for everyone?");
  await expect(boring.getByTestId("comment-hide")).toBeVisible();
  await expectNoAxeViolations(organizer.page);

  // Without JavaScript too: the question opens, and only its answer removes the comment.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInThroughForm(plain, organizer.email, PASSWORD, organizer.name);
  await plain.goto(`/activities/${activityId}`);
  const again = plain.getByTestId("comment").filter({ hasText: "And the route is boring." });
  await expect(again.getByTestId("comment-hide")).toBeHidden();
  await again.getByTestId("comment-remove").getByText("Remove…").click();
  await again.getByTestId("comment-hide").click();
  await expect(plain.getByTestId("comment-removed")).toHaveCount(1);
  await expect(plain.getByTestId("discussion")).not.toContainText("And the route is boring.");
  await expect(plain.getByTestId("discussion")).toContainText("Nobody asked for your opinion");
  await expect(plain.getByTestId("discussion")).toContainText("Looking forward to it!");
});
