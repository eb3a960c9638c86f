import { expect, expectNoAxeViolations, test } from "./fixtures";

/*
 * axe checks (WCAG 2.0/2.1 A and AA, 2.2 AA) on the key pages, as a visitor and as a member;
 * each check covers the light and the dark theme.
 */

const visitorPages: [string, string][] = [
  ["home", "/"],
  ["activity listing", "/activities"],
  ["listing with filters and a bad parameter", "/activities?energy=lava&kind=walk&firstTimer=1"],
  ["help", "/help"],
  ["sign-in", "/signin"],
  ["sign-up", "/signup"],
  ["groups", "/groups"],
];

for (const [name, path] of visitorPages) {
  test(`the ${name} page has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test("an activity page and its group page have no WCAG 2.2 AA violations", async ({ page, listing, activityPage }) => {
  await listing.goto();
  const [title] = await listing.titles();
  await listing.openActivity(title);
  await expect(activityPage.title).toHaveText(title);
  await expectNoAxeViolations(page);
  await activityPage.groupLink.click();
  await expect(page.getByTestId("group-name")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a member's home and account page, and a form showing errors, have no WCAG 2.2 AA violations", async ({ page, member, signInPage, chrome }) => {
  // Four pages, each checked in both themes, and two sign-in attempts: more than the default allows.
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${member.name}`);
  await expectNoAxeViolations(page);
  await page.goto("/account");
  await expectNoAxeViolations(page);
  await chrome.signOut();
  await signInPage.goto();
  await signInPage.refusedMessageFor(member.email, "not the password");
  await expectNoAxeViolations(page);
  await signInPage.signIn("not an email", "");
  await expect(page.getByTestId("email-error")).toBeVisible();
  await expectNoAxeViolations(page);
});
