import { expect, expectNoAxeViolations, test } from "./fixtures";

/*
 * The API's reference page and its OpenAPI document, from the production server: the page is
 * the hub's own HTML under the site's usual Content-Security-Policy, needs no script, and
 * passes axe in both colour schemes.
 */

test("the API reference page lists every endpoint of the OpenAPI document, with nothing from elsewhere", async ({ page, request }) => {
  // A long page: axe's contrast checks on every line, in two colour schemes, take a while on two cores.
  test.slow();
  const document = await (await request.get("/api/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(r.url()));
  const res = await page.goto("/api/docs");
  const origin = new URL(res!.url()).origin;
  expect(res?.status()).toBe(200);
  expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  await expect(page.getByRole("heading", { level: 1, name: "Common Thread API" })).toBeVisible();
  for (const path of Object.keys(document.paths)) await expect(page.locator("h3 code", { hasText: new RegExp(`^${path.replace(/[{}.]/g, "\\$&")}$`) }).first()).toBeAttached();
  await page.getByRole("link", { name: "Projects and tasks" }).click();
  await expect(page).toHaveURL(/#projects-and-tasks$/);
  expect(refused, "nothing the policy refused").toEqual([]);
  expect(fetched.filter((u) => !u.startsWith(origin)), "nothing fetched from another site").toEqual([]);
  await expectNoAxeViolations(page);
});
