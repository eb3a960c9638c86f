import { expect, newCredentials, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";

test.describe("accounts", () => {
  test("a new member signs up, is greeted by name, signs out and signs back in", async ({ page, signUpPage, signInPage, chrome }) => {
    const who = newCredentials();
    await signUpPage.goto();
    await signUpPage.signUp(who);
    await expect(page).toHaveURL(/\/$/);
    await chrome.expectSignedInAs(who.name);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${who.name}`);

    await chrome.signOut();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);

    await signInPage.goto();
    await signInPage.signIn(who.email, who.password);
    await chrome.expectSignedInAs(who.name);
  });

  test("signing up twice with one email is refused with a message beside the email", async ({ page, member, chrome, signUpPage }) => {
    await chrome.signOut();
    await signUpPage.goto();
    await signUpPage.signUp({ ...newCredentials(), email: member.email });
    await expect(page.getByTestId("email-error")).toContainText("already an account");
    await expect(signUpPage.email).toHaveAttribute("aria-invalid", "true");
    await chrome.expectSignedOut();
  });

  test("a wrong password and an unknown email get exactly the same message", async ({ member, chrome, signInPage }) => {
    await chrome.signOut();
    await signInPage.goto();
    const wrongPassword = await signInPage.refusedMessageFor(member.email, `${member.password}-not`);
    await signInPage.goto();
    const unknownEmail = await signInPage.refusedMessageFor(`nobody-${member.email}`, member.password);
    expect(wrongPassword).not.toBe("");
    expect(unknownEmail).toBe(wrongPassword);
    await chrome.expectSignedOut();
  });

  test("after ten wrong passwords the form says to wait, even for the right one", async ({ member, chrome, signInPage }) => {
    // Eleven sign-ins, each a deliberately slow password check: on a busy machine that takes a while.
    test.setTimeout(120_000);
    await chrome.signOut();
    for (let i = 0; i < 10; i++) {
      await signInPage.goto();
      expect(await signInPage.refusedMessageFor(member.email, `wrong guess ${i}`)).toMatch(/don't match an account/);
    }
    await signInPage.goto();
    expect(await signInPage.refusedMessageFor(member.email, member.password)).toMatch(/too many sign-in attempts/i);
    await chrome.expectSignedOut();
  });

  test("signing out ends the session: a copy of its cookie no longer signs anyone in", async ({ browser, baseURL, page, member, chrome }) => {
    await chrome.expectSignedInAs(member.name);
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);
    await chrome.signOut();

    const elsewhere = await browser.newContext({ baseURL });
    await elsewhere.addCookies(copied);
    const other = await elsewhere.newPage();
    await other.goto("/account");
    await expect(other).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
    await elsewhere.close();
  });

  test("the account page sends a visitor to sign in, then back to the account page", async ({ page, member, chrome, signInPage }) => {
    await chrome.signOut();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
    await signInPage.signIn(member.email, member.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText(member.email);
    await expect(page.getByTestId("account-name")).toHaveText(member.name);
  });

  test("sign-in works with JavaScript turned off", async ({ browser, baseURL, member }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto("/account");
    await signIn.signIn(member.email, member.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText(member.email);
    await context.close();
  });

  test("next-auth's endpoints: its redirects stay on the address the site was reached at, what the hub does not use is JSON, and its error page is the sign-in page", async ({ request, baseURL, member }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const signIn = await request.post("/api/auth/callback/credentials", { form: { email: member.email, password: member.password, csrfToken, callbackUrl: "/activities" }, maxRedirects: 0 });
    expect(signIn.status()).toBe(302);
    expect(signIn.headers().location).toBe(`${baseURL}/activities`);
    for (const [method, path] of [["GET", "/api/auth/callback/credentials"], ["GET", "/api/auth/signout"], ["GET", "/api/auth/verify-request"], ["GET", "/api/auth/webauthn-options"], ["POST", "/api/auth/csrf"]]) {
      const res = await request.fetch(path, { method, maxRedirects: 0, failOnStatusCode: false });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect((await res.json()).error.code, `${method} ${path}`).toBe("not_found");
    }
    const error = await request.get("/api/auth/error?error=Configuration", { maxRedirects: 0 });
    expect(error.status()).toBe(302);
    expect(error.headers().location).toBe(`${baseURL}/signin?problem=1`);
  });
});
