import { expect, type Locator, type Page } from "@playwright/test";

/** /activities: the filter form (a GET form), the results and the pages. */
export class ListingPage {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly search: Locator;
  readonly apply: Locator;
  readonly resultCount: Locator;
  readonly cards: Locator;
  readonly filterErrors: Locator;
  readonly nextPage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Activities" });
    this.filters = page.getByTestId("filter-form");
    this.search = this.filters.getByLabel("Search");
    this.apply = page.getByTestId("apply-filters");
    this.resultCount = page.getByTestId("result-count");
    this.cards = page.getByTestId("activity-list").getByTestId("activity-card");
    this.filterErrors = page.getByTestId("filter-errors");
    this.nextPage = page.getByTestId("next-page");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/activities${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** Ticks a choice in a fieldset of the filter form, e.g. ("Kind", "Group walk"). */
  async choose(legend: string, label: string): Promise<void> {
    await this.filters.getByRole("group", { name: legend }).getByLabel(label, { exact: true }).check();
  }

  async submit(): Promise<void> {
    await this.apply.click();
    await this.page.waitForLoadState("load");
    await expect(this.heading).toBeVisible();
  }

  /** The number of matching activities, from "N activities, soonest first." (0 for none). */
  async total(): Promise<number> {
    const text = await this.resultCount.innerText();
    const match = /^(\d+) activit/.exec(text.trim());
    return match ? Number(match[1]) : 0;
  }

  async titles(): Promise<string[]> {
    return (await this.cards.getByRole("heading").allInnerTexts()).map((t) => t.trim());
  }

  async openActivity(title: string): Promise<void> {
    await this.cards.getByRole("link", { name: title, exact: true }).first().click();
  }
}
