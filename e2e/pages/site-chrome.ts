import { expect, type Locator, type Page } from "@playwright/test";

/** The header and footer every page shares. */
export class SiteChrome {
  readonly accountLink: Locator;
  readonly signInLink: Locator;
  readonly signUpLink: Locator;
  readonly signOutButton: Locator;
  readonly helpLink: Locator;

  constructor(readonly page: Page) {
    this.accountLink = page.getByTestId("account-link");
    this.signInLink = page.getByTestId("sign-in-link");
    this.signUpLink = page.getByTestId("sign-up-link");
    this.signOutButton = page.getByTestId("sign-out");
    this.helpLink = page.getByRole("contentinfo").getByTestId("footer-help");
  }

  async expectSignedInAs(name: string): Promise<void> {
    await expect(this.accountLink).toHaveText(name);
    await expect(this.signInLink).toHaveCount(0);
  }

  async expectSignedOut(): Promise<void> {
    await expect(this.signInLink).toBeVisible();
    await expect(this.accountLink).toHaveCount(0);
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.expectSignedOut();
  }
}
