import crypto from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { newCredentials } from "./fixtures";
import { SignInPage, SignUpPage, type Credentials } from "./pages/auth-pages";
import { SiteChrome } from "./pages/site-chrome";

/*
 * The people a spec needs, each made through the API with a unique name and email and signed
 * in through the sign-in form in a browser of their own, and the small things most stories
 * then do: start a group through its form, ask for an API token, write a London wall-clock time.
 */

/** The password of everyone made by newPerson. */
export const PASSWORD = "a thread in common";

export interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
  page: Page;
}

/** A name and email no other test uses: "Label 1a2b3c4d", "label-1a2b3c4d@e2e.example". */
export function uniquePerson(label: string): { name: string; email: string } {
  const id = crypto.randomBytes(4).toString("hex");
  return { name: `${label} ${id}`, email: `${label.toLowerCase()}-${id}@e2e.example` };
}

/** Local wall-clock "YYYY-MM-DDTHH:mm" in Europe/London for an instant. */
export function londonLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Signs in through the form at /signin and waits until the header names the member (it does
 * only once the sign-in has landed; on a phone the name sits in the folded menu, so it is
 * checked as text, not as visible). Without a name, waits for the account link to show.
 */
export async function signInThroughForm(page: Page, email: string, password: string, name?: string): Promise<void> {
  const form = new SignInPage(page);
  await form.goto();
  await form.signIn(email, password);
  if (name === undefined) await expect(page.getByTestId("account-link")).toBeVisible();
  else await expect(page.getByTestId("account-link")).toHaveText(name);
}

/** A member signed up through the API and signed in through the sign-in form in a browser of their own. */
export async function newPerson(browser: Browser, request: APIRequestContext, label: string, options: BrowserContextOptions = {}): Promise<Person> {
  const who = uniquePerson(label);
  const res = await request.post("/api/users", { data: { ...who, password: PASSWORD } });
  expect(res.status()).toBe(201);
  const { user } = await res.json();
  const page = await (await browser.newContext(options)).newPage();
  await signInThroughForm(page, who.email, PASSWORD, who.name);
  return { ...who, id: user.id, password: PASSWORD, page };
}

/** Someone signed up through the sign-up page (with a unique email) in a browser of their own. */
export async function signUpThroughForm(browser: Browser, label: string): Promise<Credentials & { page: Page }> {
  const who = { ...newCredentials(), name: `${label} ${crypto.randomBytes(3).toString("hex")}` };
  const page = await (await browser.newContext()).newPage();
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(who);
  await new SiteChrome(page).expectSignedInAs(who.name);
  return { ...who, page };
}

/** The text of the newest email of a kind to an address, read from the test server's mailbox in `page`. */
export async function newestMail(page: Page, to: string, type: string): Promise<string> {
  const mail = page.locator(`[data-testid="mail"][data-type="${type}"][data-to="${to}"]`).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    await expect(mail).toBeVisible();
  }).toPass({ timeout: 30_000 });
  return (await mail.getByTestId("mail-text").textContent()) ?? "";
}

/**
 * Confirms a new account's email the way its owner does: the link from the mailbox, opened in
 * `page`, and its button pressed. New accounts get no reminders or organizer messages by email
 * until then.
 */
export async function confirmEmail(page: Page, email: string): Promise<void> {
  const path = /\/confirm-email\/[A-Za-z0-9_-]+/.exec(await newestMail(page, email, "email_verification"))?.[0];
  expect(path, `no confirmation link was emailed to ${email}`).toBeTruthy();
  await page.goto(path!);
  await page.getByTestId("confirm-email-submit").click();
  await expect(page.getByTestId("email-confirmed")).toBeVisible();
}

/** The Authorization header of a fresh personal API token for someone. */
export async function bearer(request: APIRequestContext, who: { email: string; password: string }, name = "e2e"): Promise<{ authorization: string }> {
  const res = await request.post("/api/tokens", { data: { email: who.email, password: who.password, name } });
  expect(res.status()).toBe(201);
  return { authorization: `Bearer ${(await res.json()).token as string}` };
}

/** Starts a group through its form as the signed-in member on the page; returns its slug. */
export async function startGroup(page: Page, name: string, agreements = "Listening over fixing."): Promise<string> {
  await page.goto("/groups/new");
  await page.getByLabel("Group name").fill(name);
  await page.getByLabel("Agreements").fill(agreements);
  await page.getByTestId("create-group").click();
  await expect(page.getByTestId("group-name")).toHaveText(name);
  return new URL(page.url()).pathname.split("/")[2];
}
