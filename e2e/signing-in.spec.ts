import crypto from "node:crypto";
import { startOidcProvider, type TestProvider } from "../tests/helpers/oidc-provider";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { basePort } from "./servers";
import { newestMail, newPerson, signUpThroughForm, uniquePerson } from "./people";

/*
 * The ways in beside the password: a new account confirms its email from the link (the banner
 * says where it stands and sends the link again); a member signs in by an emailed link, which
 * works once; and single sign-on through a real OpenID provider's own login page, which the
 * spec starts on 127.0.0.1 for the test server's OIDC_ISSUER (scripts/e2e-server.ts).
 */

const links = (text: string, pattern: RegExp) => [...text.matchAll(new RegExp(pattern, "g"))].map((m) => m[0]);

test("a new member sees their email is unconfirmed, sends the link again, and confirms it", async ({ browser }) => {
  const who = await signUpThroughForm(browser, "Noor");
  const page = who.page;
  const banner = page.getByTestId("email-unconfirmed");
  await expect(banner).toContainText(`We sent a link to ${who.email}`);
  await expectNoAxeViolations(page);
  await banner.getByTestId("resend-confirmation-submit").click();
  await expect(page.getByTestId("resend-confirmation-outcome")).toContainText("We've sent a new link");

  // Two links now, in a mailbox read elsewhere; the newest is opened in the member's browser.
  const mailbox = await (await browser.newContext()).newPage();
  await expect(async () => {
    await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(who.email)}`);
    await expect(mailbox.locator('[data-testid="mail"][data-type="email_verification"]')).toHaveCount(2);
  }).toPass({ timeout: 30_000 });
  const [newest, older] = await mailbox.locator('[data-testid="mail"][data-type="email_verification"] [data-testid="mail-text"]').allTextContents();
  const [fresh] = links(newest, /\/confirm-email\/[A-Za-z0-9_-]+/);
  const [first] = links(older, /\/confirm-email\/[A-Za-z0-9_-]+/);

  // A mail scanner fetching the link spends nothing.
  expect((await mailbox.request.get(fresh)).status()).toBe(200);
  await page.goto(fresh);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email");
  await expectNoAxeViolations(page);
  await page.getByTestId("confirm-email-submit").click();
  await expect(page.getByTestId("email-confirmed")).toBeVisible();
  await page.goto("/activities");
  await expect(page.getByTestId("email-unconfirmed")).toHaveCount(0);

  // The same link again, and the older one, say they have been used.
  await page.goto(fresh);
  await expect(page.getByTestId("confirm-link-used")).toContainText("already been used");
  await page.goto(first);
  await expect(page.getByTestId("confirm-link-used")).toBeVisible();
});

test("a member signs in by an emailed link, which works once", async ({ browser, request }) => {
  const member = await newPerson(browser, request, "Lin");
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByTestId("email-link").getByLabel("Email").fill(member.email);
  await page.getByTestId("email-link-submit").click();
  await expect(page.getByTestId("email-link-outcome")).toContainText("If there is an account with that email");

  const [path] = links(await newestMail(page, member.email, "sign_in_link"), /\/signin\/link\/[A-Za-z0-9_-]+/);
  expect(path).toBeTruthy();
  // Opened by a link checker first: nothing is spent.
  expect((await request.get(path)).status()).toBe(200);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByTestId("link-sign-in-submit").click();
  await expect(page.getByTestId("account-link")).toHaveText(member.name);

  // Used: in another browser the link is refused, clearly, and nobody is signed in.
  const other = await (await browser.newContext()).newPage();
  await other.goto(path);
  await expect(other.getByTestId("sign-in-link-used")).toContainText("already been used");
  await expect(other.getByTestId("link-sign-in-submit")).toHaveCount(0);
  await expectNoAxeViolations(other);
  await expect(other.getByTestId("account-link")).toHaveCount(0);
});

test.describe("single sign-on", () => {
  // One provider on one port, so these run one after another in one worker.
  test.describe.configure({ mode: "serial" });
  let provider: TestProvider;
  test.beforeAll(async () => {
    provider = await startOidcProvider({ port: basePort + 50, redirectUris: [`http://127.0.0.1:${basePort}/api/auth/callback/oidc`] });
  });
  test.afterAll(async () => provider?.close());

  test("someone new signs in through the provider's own login page and gets an account", async ({ browser }) => {
    const login = `ada-${crypto.randomBytes(3).toString("hex")}`;
    const who = uniquePerson("Ada");
    provider.people.set(login, { email: who.email, email_verified: true, name: who.name });
    const page = await (await browser.newContext()).newPage();
    await page.goto("/signin");
    await expectNoAxeViolations(page);
    await page.getByTestId("sso-submit").click();
    // The provider's pages: its login form, then its consent.
    await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${basePort + 50}/oidc/interaction/`));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("whatever the provider checks");
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId("account-link")).toHaveText(who.name);
    // Confirmed by the provider: no banner asking for it.
    await expect(page.getByTestId("email-unconfirmed")).toHaveCount(0);
  });

  test("an email the provider has not verified links nothing, and the sign-in page says why", async ({ browser, request }) => {
    const member = await newPerson(browser, request, "Bea");
    const login = `bea-${crypto.randomBytes(3).toString("hex")}`;
    provider.people.set(login, { email: member.email, email_verified: false });
    const page = await (await browser.newContext()).newPage();
    await page.goto("/signin");
    await page.getByTestId("sso-submit").click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId("sso-problem")).toContainText("did not confirm that your email address is verified");
    await expect(page.getByTestId("account-link")).toHaveCount(0);
  });
});
