import { expect, type Locator, type Page } from "@playwright/test";

export interface Credentials {
  name: string;
  email: string;
  password: string;
}

/** /signin: the form, and the one message it gives for any wrong email or password. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    const form = page.getByTestId("signin-form");
    this.email = form.getByLabel("Email");
    this.password = form.getByLabel("Password");
    this.submit = page.getByTestId("signin-submit");
    this.formError = page.getByTestId("form-error");
  }

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Submits wrong details and returns the message shown. */
  async refusedMessageFor(email: string, password: string): Promise<string> {
    await this.signIn(email, password);
    await expect(this.formError).toBeVisible();
    await expect(this.page).toHaveURL(/\/signin/);
    return (await this.formError.innerText()).trim();
  }
}

/** /signup: name, email and password; a new account is signed in at once. */
export class SignUpPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    const form = page.getByTestId("signup-form");
    this.name = form.getByLabel("Your name");
    this.email = form.getByLabel("Email");
    this.password = form.getByLabel("Password");
    this.submit = page.getByTestId("signup-submit");
  }

  async goto(): Promise<void> {
    await this.page.goto("/signup");
  }

  async signUp(who: Credentials): Promise<void> {
    await this.name.fill(who.name);
    await this.email.fill(who.email);
    await this.password.fill(who.password);
    await this.submit.click();
  }
}
