import { DESKTOP, expect, expectNoAxeViolations, PHONE, test } from "./fixtures";

/*
 * axe checks (WCAG 2.0/2.1 A and AA, 2.2 AA) on pages in states a plain visit does not reach:
 * a listing given filters and a bad parameter, and a form showing its errors, each at a
 * phone's and a desktop's width in the light and the dark theme. Every page as it first opens
 * is checked in e2e/accessibility-everywhere.spec.ts.
 */

const WIDTHS = [PHONE, DESKTOP];

// Each check runs axe four times; the listing is the hub's largest page.
test.describe.configure({ timeout: 120_000 });

test("the listing with filters and a bad parameter has no WCAG 2.2 AA violations", async ({ page }) => {
  await page.goto("/activities?energy=lava&kind=walk&firstTimer=1");
  await expect(page.getByTestId("filter-errors")).toBeVisible();
  await expectNoAxeViolations(page, { widths: WIDTHS });
});

test("the sign-in form refusing a password and showing a field's error has no WCAG 2.2 AA violations", async ({ page, member, signInPage, chrome }) => {
  await chrome.signOut();
  await signInPage.goto();
  await signInPage.refusedMessageFor(member.email, "not the password");
  await expectNoAxeViolations(page, { widths: WIDTHS });
  await signInPage.signIn("not an email", "");
  await expect(page.getByTestId("email-error")).toBeVisible();
  await expectNoAxeViolations(page, { widths: WIDTHS });
});

test("the check itself reports what breaks the rules: a picture with no text, faint words, and only in the theme they fail in", async ({ page }) => {
  // A page of our own making, outside the hub: one violation in both themes, one only in the dark.
  await page.setContent(`<!doctype html><html lang="en"><head><title>A page that fails</title>
    <style>@media (prefers-color-scheme: dark) { .night { color: #333; background: #222; } }</style></head>
    <body><main><h1>A page that fails</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p class="night" style="color: #000">Readable by day only</p></main></body></html>`);
  const failure = await expectNoAxeViolations(page, { widths: [PHONE] }).then(
    () => "",
    (error: unknown) => String(error),
  );
  expect(failure, "axe must fail this page").not.toBe("");
  expect(failure).toContain("image-alt");
  expect(failure).toContain(`dark theme at ${PHONE.width}×${PHONE.height}`);
  expect(failure).toContain("color-contrast");
  // The faint words fail once, in the dark theme; the light theme has only the picture.
  expect(failure.match(/"rule": "color-contrast"/g), failure).toHaveLength(1);
  expect(failure.match(/"rule": "image-alt"/g), failure).toHaveLength(1);
});
