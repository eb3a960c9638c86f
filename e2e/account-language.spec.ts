import { expect, test } from "./fixtures";
import { LANGUAGE_COOKIE } from "./languages";
import { newPerson } from "./people";

/*
 * The account page's language choice: a member's own setting, which the whole hub then
 * follows, and "As my browser asks" to go back to the browser's language.
 */

test("a member chooses Spanish on the account page, sees the hub in Spanish, and goes back to their browser's language", async ({ browser, request }) => {
  const member = await newPerson(browser, request, "Ines", { locale: "en-GB" });
  const page = member.page;
  await page.goto("/account");
  const choice = page.getByTestId("account-language").getByLabel("Show the hub in");
  await expect(choice).toHaveValue("");
  await choice.selectOption("es");
  await page.getByTestId("account-language-save").click();

  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu cuenta");
  await expect(page.getByTestId("account-language").getByLabel("Mostrar el espacio en")).toHaveValue("es");
  await page.goto("/me/participation");
  await expect(page.getByTestId("me-area")).toHaveText("Mis conexiones");
  await page.goto("/activities");
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Actividades" })).toBeVisible();

  await page.goto("/account");
  await page.getByTestId("account-language").getByLabel("Mostrar el espacio en").selectOption("");
  await page.getByTestId("account-language-save").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByTestId("account-language").getByLabel("Show the hub in")).toHaveValue("");
  expect((await page.context().cookies()).find((c) => c.name === LANGUAGE_COOKIE)).toBeUndefined();
});
