import type { Locator, Page } from "@playwright/test";

/** /activities/[id]: the facts a person weighs before going. */
export class ActivityPage {
  readonly title: Locator;
  readonly facts: Locator;
  readonly time: Locator;
  readonly viewerTime: Locator;
  readonly goingCount: Locator;
  readonly spotsLeft: Locator;
  readonly waitlist: Locator;
  readonly groupLink: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("activity-title");
    this.facts = page.getByTestId("activity-facts");
    this.time = page.getByTestId("activity-time");
    this.viewerTime = page.getByTestId("viewer-time");
    this.goingCount = page.getByTestId("going-count");
    this.spotsLeft = this.facts.getByTestId("spots-left");
    this.waitlist = page.getByTestId("waitlist-length");
    this.groupLink = page.getByRole("article").locator("header").getByRole("link").first();
  }

  /** The value shown for a fact, by its term ("Energy it asks", "Where", …), from either list of facts. */
  fact(term: string): Locator {
    return this.page.getByTestId(/^activity-(facts|conditions)$/).locator(`dt:text-is("${term}") + dd`);
  }
}
