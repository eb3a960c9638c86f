import { expect, test } from "./fixtures";

/*
 * Field errors come from the catalogs in the visitor's language: a Spanish browser that sends
 * the sign-up form badly reads the answer in Spanish, whether the form was posted by the
 * browser itself (no JavaScript) or by the page's script; an English one reads it in English.
 */

for (const javaScriptEnabled of [false, true]) {
  test(`a Spanish visitor's badly filled sign-up form is answered in Spanish (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled, locale: "es-ES" })).newPage();
    await page.goto("/signup");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const form = page.getByTestId("signup-form");
    await form.locator("#email").fill("not-an-email");
    await form.locator("#password").fill("short");
    await page.getByTestId("signup-submit").click();
    await expect(form.locator("#email-error")).toHaveText("Escribe una dirección de correo como nombre@example.com.");
    await expect(form.locator("#password-error")).toHaveText("Usa al menos 10 caracteres en tu contraseña.");
    await expect(form.locator("#name-error")).toHaveText("Dinos cómo quieres que te llamemos.");
    await expect(form.locator("#email")).toHaveValue("not-an-email");
  });
}

test("an English visitor's is answered in English, as before", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await page.goto("/signup");
  const form = page.getByTestId("signup-form");
  await form.locator("#email").fill("not-an-email");
  await form.locator("#password").fill("short");
  await page.getByTestId("signup-submit").click();
  await expect(form.locator("#email-error")).toHaveText("Enter an email address like name@example.com.");
  await expect(form.locator("#password-error")).toHaveText("Use at least 10 characters for your password.");
});
