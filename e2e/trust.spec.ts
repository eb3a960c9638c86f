import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { newPerson, PASSWORD, signInThroughForm, type Person } from "./people";

/*
 * Trust and safety as members meet it: changing a password signs out every other device and
 * token; blocking someone takes their name out of who's going.
 */

/** A member in a browser of their own; `listed` also ticks "list my name as going" on the account page. */
async function signedIn(browser: Browser, request: APIRequestContext, label: string, listed = false): Promise<Person> {
  const person = await newPerson(browser, request, label);
  const page = person.page;
  if (listed) {
    await page.goto("/account");
    await page.getByTestId("listed-as-going").check();
    await page.getByTestId("privacy-save").click();
    await expect(page.getByTestId("privacy-outcome")).toBeVisible();
  }
  return person;
}

test("changing the password signs out the other device and the old API token", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const robin = await signedIn(browser, request, "Robin");
  const laptop = await signedIn(browser, request, "Spare");
  // A second device of Robin's.
  const phone = await (await browser.newContext()).newPage();
  await signInThroughForm(phone, robin.email, PASSWORD, robin.name);
  const token = (await (await request.post("/api/tokens", { data: { email: robin.email, password: PASSWORD, name: "old" } })).json()).token;

  await robin.page.goto("/account");
  await robin.page.getByTestId("change-password").getByLabel("Current password").fill(PASSWORD);
  await robin.page.getByTestId("change-password").getByLabel("New password").fill("an entirely new secret");
  await robin.page.getByTestId("change-password-submit").click();
  await expect(robin.page.getByTestId("password-changed")).toBeVisible();
  await expect(robin.page.getByTestId("account-link")).toHaveText(robin.name);

  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/signin/);
  expect((await request.get("/api/tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  expect(laptop.email).toBeTruthy();
});

test("blocking a member takes their name out of who's going, quietly", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const sam = await signedIn(browser, request, "Sam", true);
  const kit = await signedIn(browser, request, "Kit", true);
  // An activity two days or more ahead with room for both: nothing about to start or close its RSVPs.
  const from = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
  const { activities } = await (await request.get(`/api/activities?spotsLeft=1&from=${from}&perPage=50`)).json();
  const roomy = (activities as Array<{ id: string; spotsLeft: number | null; rsvpCutoff: string | null }>).find((a) => (a.spotsLeft === null || a.spotsLeft >= 2) && !a.rsvpCutoff);
  expect(roomy, "the demo town has an activity with room for two").toBeTruthy();
  const activityId = roomy!.id;
  for (const who of [sam, kit]) {
    const res = await who.page.request.post(`/api/activities/${activityId}/rsvp`, { data: { status: "going" } });
    expect(res.status()).toBe(200);
  }
  await sam.page.goto(`/activities/${activityId}`);
  await expect(sam.page.getByTestId("who-names")).toContainText(kit.name);

  await sam.page.getByTestId("who-names").getByRole("link", { name: kit.name }).click();
  await expect(sam.page.getByTestId("member-name")).toHaveText(kit.name);
  await sam.page.getByText("Block", { exact: true }).click();
  await sam.page.getByTestId("block-member").click();
  await expect(sam.page.getByTestId("blocked-list")).toContainText(kit.name);

  await sam.page.goto(`/activities/${activityId}`);
  await expect(sam.page.getByTestId("who-is-going")).toBeVisible();
  await expect(sam.page.getByTestId("who-is-going")).not.toContainText(kit.name);
  // Kit no longer sees Sam either, and Sam's page does not exist for Kit.
  await kit.page.goto(`/activities/${activityId}`);
  await expect(kit.page.getByTestId("who-is-going")).not.toContainText(sam.name);
  expect((await kit.page.goto(`/members/${sam.id}`))?.status()).toBe(404);
});

test("forgot password: the mailbox link sets a new one, the old session is signed out, and the link works once", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const robin = await signedIn(browser, request, "Rowan");
  const helper = await (await browser.newContext()).newPage();
  await helper.goto("/signin");
  await helper.getByTestId("forgot-link").click();
  await helper.getByTestId("forgot-form").getByLabel("Email").fill(robin.email);
  await helper.getByTestId("forgot-form-submit").click();
  await expect(helper.getByTestId("forgot-form-outcome")).toContainText("If there is an account with that email");

  await helper.goto("/dev/mailbox");
  const mail = helper.locator(`[data-testid="mail"][data-type="password_reset"][data-to="${robin.email}"]`);
  await expect(mail).toHaveCount(1);
  const text = (await mail.getByTestId("mail-text").textContent()) ?? "";
  const path = /\/reset-password\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(path).toBeTruthy();

  await helper.goto(path!);
  await helper.getByTestId("reset-form").getByLabel("New password").fill("my fresh new password");
  await helper.getByTestId("reset-form-submit").click();
  await expect(helper.getByTestId("reset-done")).toBeVisible();
  await new SignInPage(helper).signIn(robin.email, "my fresh new password");
  await expect(helper.getByTestId("account-link")).toHaveText(robin.name);

  // The browser that was signed in before the reset is signed out on its next request.
  await robin.page.goto("/account");
  await expect(robin.page).toHaveURL(/\/signin/);
  // And the link is spent.
  await helper.goto(path!);
  await expect(helper.getByTestId("reset-link-invalid")).toBeVisible();
});

test("a member downloads all their data as JSON from the account page", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const ash = await signedIn(browser, request, "Ash");
  await ash.page.goto("/account");
  const [download] = await Promise.all([ash.page.waitForEvent("download"), ash.page.getByTestId("export-data").click()]);
  const file = await download.path();
  const data = JSON.parse(await (await import("node:fs/promises")).readFile(file, "utf8"));
  expect(data.member.email).toBe(ash.email);
  expect(data.tables.users[0]).toMatchObject({ id: ash.id, email: ash.email });
  expect(data.tables.users[0]).not.toHaveProperty("passwordHash");
  expect(Object.keys(data.tables)).toEqual(expect.arrayContaining(["rsvps", "memberships", "notifications", "blocks", "api_tokens"]));
});
