import { expect, test } from "./fixtures";
import { PASSWORD, uniquePerson } from "./people";
import { SignInPage } from "./pages/auth-pages";

/*
 * Pages that keep their address to themselves (a reset link's token, a private group's invite
 * code) still take their forms' posts with JavaScript turned off. Their referrer policy is
 * "same-origin", not "no-referrer": with "no-referrer" a browser sends `Origin: null` on a
 * form's post, which the hub refuses as a post from another site.
 */

test("a reset link sets a new password with JavaScript turned off", async ({ browser, request, baseURL }) => {
  const who = uniquePerson("Noscript");
  expect((await request.post("/api/users", { data: { ...who, password: PASSWORD } })).status()).toBe(201);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();

  await page.goto("/forgot-password");
  await page.getByTestId("forgot-form").getByLabel("Email").fill(who.email);
  await page.getByTestId("forgot-form-submit").click();
  await expect(page.getByTestId("forgot-form-outcome")).toContainText("If there is an account with that email");

  const mail = page.locator(`[data-testid="mail"][data-type="password_reset"][data-to="${who.email}"]`).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(who.email)}`);
    await expect(mail).toBeVisible();
  }).toPass({ timeout: 30_000 });
  const reset = /\/reset-password\/[A-Za-z0-9_-]+/.exec((await mail.getByTestId("mail-text").textContent()) ?? "")?.[0];
  expect(reset).toBeTruthy();

  await page.goto(reset!);
  const fresh = "a new thread entirely";
  await page.getByTestId("reset-form").getByLabel("New password").fill(fresh);
  await page.getByTestId("reset-form-submit").click();
  await expect(page).toHaveURL(/\/signin\?reset=done$/);

  const signIn = new SignInPage(page);
  await signIn.goto("/account");
  await signIn.signIn(who.email, fresh);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(who.email);
  await context.close();
});

test("joining a group from its join page works with JavaScript turned off", async ({ browser, request, baseURL }) => {
  const who = uniquePerson("Joiner");
  expect((await request.post("/api/users", { data: { ...who, password: PASSWORD } })).status()).toBe(201);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto("/groups/sunday-sketchers/join");
  await signIn.signIn(who.email, PASSWORD);
  await expect(page).toHaveURL(/\/groups\/sunday-sketchers\/join$/);
  await page.getByTestId("accept-agreements").check();
  await page.getByTestId("join-group").click();
  // Without JavaScript the post answers with the page again, which now knows them as a member.
  await expect(page.getByRole("main")).toContainText("You're a member of this group.");
  await context.close();
});
