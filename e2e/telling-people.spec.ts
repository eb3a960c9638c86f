import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, newCredentials, test } from "./fixtures";
import { confirmEmail, newPerson } from "./people";

/*
 * Telling people: an organizer cancels, the attendee's email shows in the development mailbox
 * and its unsubscribe link (opened signed out) turns that kind of email off; a member makes a
 * private calendar link, a calendar app reads it, and once revoked it is gone.
 */

const run = Date.now().toString(36);

async function signUp(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const who = { ...newCredentials(), name };
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByTestId("signup-submit").click();
  await expect(page.getByTestId("account-link")).toHaveText(name);
  // Until the email is confirmed, the hub sends it nothing but that link.
  await confirmEmail(page, who.email);
  return { page, email: who.email };
}

async function postActivity(organizer: Page, title: string): Promise<{ activityUrl: string; groupUrl: string }> {
  await organizer.goto("/groups/new");
  const name = `Riverside Tidy-up ${run} ${title.length}`;
  await organizer.getByLabel("Group name").fill(name);
  await organizer.getByLabel("Agreements").fill("Gloves on, kindness always.");
  await organizer.getByTestId("create-group").click();
  await expect(organizer.getByTestId("group-name")).toHaveText(name);
  const groupUrl = new URL(organizer.url()).pathname;
  await organizer.goto(`${groupUrl}/activities/new`);
  await organizer.getByLabel("Title").fill(title);
  await organizer.getByLabel("Place name").fill("Mill bridge");
  await organizer.getByTestId("activity-submit").click();
  await expect(organizer.getByTestId("activity-title")).toHaveText(title);
  return { activityUrl: new URL(organizer.url()).pathname, groupUrl };
}

async function joinAndGo(member: Page, { activityUrl, groupUrl }: { activityUrl: string; groupUrl: string }): Promise<void> {
  await member.goto(groupUrl);
  await member.getByTestId("accept-agreements").check();
  await member.getByTestId("join-group").click();
  await expect(member.getByTestId("membership-status")).toContainText("You're a member");
  await member.goto(activityUrl);
  await member.getByTestId("rsvp-going").click();
  await expect(member.getByTestId("rsvp-state")).toHaveText("You're going.");
}

test("an organizer cancels; the attendee's email arrives and its unsubscribe link turns that email off", async ({ browser }) => {
  test.setTimeout(360_000);
  const organizer = await signUp(browser, "Orla Organizer");
  const attendee = await signUp(browser, "Ade Attendee");
  const posted = await postActivity(organizer.page, "Saturday litter pick");
  const { activityUrl } = posted;
  await joinAndGo(attendee.page, posted);

  await organizer.page.goto(activityUrl);
  await organizer.page.getByTestId("cancel-toggle").click();
  await organizer.page.getByTestId("cancel-confirm").check();
  await organizer.page.getByTestId("cancel-activity").click();
  await expect(organizer.page.getByTestId("cancelled-notice")).toBeVisible();

  // The sender runs every few seconds; the mailbox shows the message once it is written.
  const mailbox = await (await browser.newContext()).newPage();
  const mail = mailbox.getByTestId("mail").filter({ has: mailbox.getByTestId("mail-subject").filter({ hasText: "Saturday litter pick is cancelled" }) });
  await expect(async () => {
    await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(attendee.email)}`);
    await expect(mail).toHaveCount(1);
    await expect(mail.getByText("sent", { exact: true })).toBeVisible();
  }).toPass({ timeout: 30_000 });
  await expectNoAxeViolations(mailbox);
  const text = (await mail.getByTestId("mail-text").textContent()) ?? "";
  expect(text).toContain(`${new URL(mailbox.url()).origin}${activityUrl}`);
  const unsubscribeUrl = text.match(/Stop these emails: (\S+)/)?.[1];
  expect(unsubscribeUrl).toBeTruthy();

  // Opened signed out (the mailbox's own context has no session), one press turns it off.
  await mailbox.goto(unsubscribeUrl!);
  await expect(mailbox.getByRole("heading", { name: "Stop these emails" })).toBeVisible();
  await expectNoAxeViolations(mailbox);
  await mailbox.getByTestId("confirm-unsubscribe").click();
  await expect(mailbox.getByTestId("unsubscribed")).toContainText("won't get these emails");

  await attendee.page.goto("/account");
  await expect(attendee.page.getByTestId("email-pref-activity_cancelled")).not.toBeChecked();
  await expect(attendee.page.getByTestId("email-pref-reminder")).toBeChecked();
  await expectNoAxeViolations(attendee.page);

  // The in-app notice still came, and the header counts it.
  await attendee.page.goto("/notifications");
  const notice = attendee.page.getByTestId("notification").filter({ hasText: "Saturday litter pick is cancelled" });
  await expect(notice).toHaveAttribute("data-read", "false");
  await expect(attendee.page.getByTestId("notification").first()).toHaveAttribute("data-read", "false");
  const before = Number(await attendee.page.getByTestId("header-unread-count").evaluate((el) => el.firstChild?.textContent ?? "0"));
  await notice.getByRole("button", { name: /Mark as read/ }).click();
  await expect(notice).toHaveAttribute("data-read", "true");
  if (before > 1) await expect(attendee.page.getByTestId("header-unread-count")).toContainText(String(before - 1));
  else await expect(attendee.page.getByTestId("header-unread-count")).toHaveCount(0);
});

test("a member subscribes to their private calendar link and revokes it", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const organizer = await signUp(browser, "Odo Organizer");
  const member = await signUp(browser, "Mo Member");
  await joinAndGo(member.page, await postActivity(organizer.page, "Thursday repair café"));

  await member.page.goto("/account");
  await member.page.getByTestId("create-feed").click();
  const url = (await member.page.getByTestId("feed-url").textContent())!.trim();
  expect(url).toMatch(/\/feeds\/cf_[A-Za-z0-9_-]{43}\.ics$/);
  await expect(member.page.getByTestId("feed-webcal")).toHaveAttribute("href", url.replace(/^https?:\/\//, "webcal://"));
  await expectNoAxeViolations(member.page);

  // A calendar app fetches the link with no session at all.
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("SUMMARY:Thursday repair café");
  expect(body).toContain("BEGIN:VTIMEZONE");

  await member.page.getByTestId("feed").getByTestId("revoke-feed").click();
  // The revoked link leaves the list at once, and its address is no longer shown above it.
  await expect(member.page.getByTestId("feed")).toHaveCount(0);
  await expect(member.page.getByTestId("feed-url")).toHaveCount(0);
  await expect(member.page.getByText("You have no calendar links.")).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
});

for (const javaScriptEnabled of [true, false]) {
  test(`"New link" shows the new calendar address at once and the old one stops working (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, request }) => {
    test.setTimeout(180_000);
    const member = await newPerson(browser, request, "Fen", { javaScriptEnabled, permissions: javaScriptEnabled ? ["clipboard-read", "clipboard-write"] : [] });
    const page = member.page;
    await page.goto("/account");
    await page.getByTestId("create-feed").click();
    const old = (await page.getByTestId("feed-url").textContent())!.trim();
    expect((await request.get(old)).status()).toBe(200);

    // Straight on, as a person would, without reloading the page in between.
    await page.getByTestId("feed").getByTestId("renew-feed").click();
    const shown = page.getByTestId("feed").getByTestId("feed-url");
    await expect(shown).toBeVisible();
    const renewed = (await shown.textContent())!.trim();
    expect(renewed).toMatch(/\/feeds\/cf_[A-Za-z0-9_-]{43}\.ics$/);
    expect(renewed).not.toBe(old);
    await expect(page.getByTestId("feed")).toHaveCount(1);
    await expect(page.getByTestId("feed").getByTestId("feed-webcal")).toHaveAttribute("href", renewed.replace(/^https?:\/\//, "webcal://"));
    // Only the address that works is on the page: the dead one, its copy button and its webcal link are gone.
    await expect(page.getByTestId("feed-url")).toHaveCount(1);
    await expect(page.getByTestId("feed-webcal")).toHaveCount(1);
    if (javaScriptEnabled) await expect(page.getByTestId("feed-copy")).toHaveCount(1);
    expect(await page.locator("main").innerText()).not.toContain(old);
    expect(await page.content()).not.toContain(old.replace(/^https?:\/\//, ""));

    // The old address is gone; the new one is the calendar.
    expect((await request.get(old)).status()).toBe(404);
    const feed = await request.get(renewed);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");

    if (javaScriptEnabled) {
      await page.getByTestId("feed").getByTestId("feed-copy").click();
      await expect(page.getByTestId("feed").getByText("Copied.")).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(renewed);
      await expectNoAxeViolations(page);
    } else {
      // Without JavaScript there is nothing to press: the address is there to select.
      await expect(page.getByTestId("feed-copy")).toHaveCount(0);
    }
    await page.context().close();
  });
}
