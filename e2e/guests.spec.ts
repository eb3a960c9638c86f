import crypto from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup } from "./people";

/*
 * RSVP as a guest, with JavaScript on and off: a visitor gives a first name and an email, the
 * confirmation link arrives in the development mailbox, opening it changes nothing until its
 * button is pressed, the manage link cancels and the first member waiting gets the place at
 * once. Members never see the guest's name; the organizer sees it marked as a guest.
 */

async function organizerWithActivity(browser: Browser, request: APIRequestContext, title: string) {
  const organizer = await newPerson(browser, request, "Oona");
  const slug = await startGroup(organizer.page, `Canal Walkers ${crypto.randomBytes(3).toString("hex")}`);
  const auth = await bearer(request, organizer);
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const res = await request.post(`/api/groups/${slug}/activities`, {
    headers: auth,
    data: { kind: "walk", title, capacity: 1, startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Lock 7", energyLevel: "low", talkLevel: "some_chat" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { organizer, slug, auth, activityId: (await res.json()).activity.id as string };
}

/** The latest email to `to` whose subject has `subject`, once the sender has written it; its text. */
async function mailTo(browser: Browser, to: string, subject: string): Promise<string> {
  const mailbox = await (await browser.newContext()).newPage();
  const mail = mailbox.getByTestId("mail").filter({ has: mailbox.getByTestId("mail-subject").filter({ hasText: subject }) });
  await expect(async () => {
    await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    await expect(mail.first()).toBeVisible();
  }).toPass({ timeout: 30_000 });
  const text = (await mail.first().getByTestId("mail-text").textContent()) ?? "";
  await mailbox.context().close();
  return text;
}

const linkIn = (text: string, kind: "confirm" | "manage") => {
  const url = text.match(new RegExp(`https?://\\S+/guest/${kind}/[A-Za-z0-9_.-]+`))?.[0];
  expect(url, `a ${kind} link in: ${text}`).toBeTruthy();
  return new URL(url!).pathname;
};

async function rsvpAsGuest(page: Page, activityId: string, firstName: string, email: string) {
  await page.goto(`/activities/${activityId}`);
  const form = page.getByTestId("guest-rsvp-form");
  await expect(form).toBeVisible();
  await page.getByTestId("guest-first-name").fill(firstName);
  await page.getByTestId("guest-email").fill(email);
  // People take a few seconds over a form; a post quicker than that is turned away as a bot's.
  await page.waitForTimeout(3_200);
  await page.getByTestId("guest-rsvp-submit").click();
  await expect(page.getByTestId("guest-rsvp-outcome")).toContainText("We've emailed you a link");
}

for (const javaScriptEnabled of [true, false]) {
  test(`a visitor RSVPs as a guest, confirms by the emailed link, and cancels, giving the place to the member waiting (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, request }) => {
    test.setTimeout(240_000);
    const title = `Heron spotting ${crypto.randomBytes(2).toString("hex")}`;
    const { organizer, slug, activityId } = await organizerWithActivity(browser, request, title);
    const guest = await (await browser.newContext({ javaScriptEnabled })).newPage();
    // axe runs in the page, so it checks these pages with JavaScript on; the same pages are served without it.
    const axe = async () => (javaScriptEnabled ? expectNoAxeViolations(guest) : undefined);
    const firstName = `Gwen${crypto.randomBytes(3).toString("hex")}`;
    const email = `gwen-${crypto.randomBytes(4).toString("hex")}@e2e.example`;

    await guest.goto(`/activities/${activityId}`);
    await axe();
    await rsvpAsGuest(guest, activityId, firstName, email);
    await axe();

    // The place is held: the activity is full for the next person.
    const member = await newPerson(browser, request, "Wren");
    await member.page.goto(`/groups/${slug}`);
    await member.page.getByTestId("accept-agreements").check();
    await member.page.getByTestId("join-group").click();
    await expect(member.page.getByTestId("membership-status")).toContainText("You're a member");
    await member.page.goto(`/activities/${activityId}`);
    await member.page.getByTestId("rsvp-going").click();
    await expect(member.page.getByTestId("rsvp-state")).toHaveAttribute("data-status", "waitlisted");

    // Opening the link shows a button and changes nothing (a mail scanner following it confirms nothing).
    const confirmPath = linkIn(await mailTo(browser, email, `Confirm your place at ${title}`), "confirm");
    await guest.goto(confirmPath);
    await expect(guest.getByTestId("guest-confirm-what")).toContainText("we're holding a place for you");
    await axe();
    await guest.reload();
    await expect(guest.getByTestId("guest-confirm-submit")).toBeVisible();
    await guest.getByTestId("guest-confirm-submit").click();
    await expect(guest.getByTestId("guest-confirmed")).toBeVisible();
    await expect(guest.getByTestId("guest-manage-state")).toHaveAttribute("data-status", "going");
    await axe();

    // The "you're going" email carries the private manage link.
    const managePath = linkIn(await mailTo(browser, email, `You're going to ${title}`), "manage");

    // Members see counts, never the guest's name; the organizer sees it, marked as a guest.
    await member.page.goto(`/activities/${activityId}`);
    await expect(member.page.getByTestId("rsvp-places")).toContainText("Full");
    expect(await member.page.content()).not.toContain(firstName);
    await organizer.page.goto(`/activities/${activityId}/organize`);
    await expect(organizer.page.getByTestId("roster-guests")).toContainText(`${firstName} (guest · going)`);

    // Cancelling from the manage page gives the place to the member waiting, at once.
    await guest.goto(managePath);
    await guest.getByTestId("guest-cancel-submit").click();
    await expect(guest.getByTestId("saved-status")).toContainText("Your RSVP is cancelled");
    await member.page.goto(`/activities/${activityId}`);
    await expect(member.page.getByTestId("rsvp-state")).toHaveAttribute("data-status", "going");

    // The links no longer work, and say so.
    await guest.goto(managePath);
    await expect(guest.getByTestId("guest-link-expired")).toBeVisible();
    await guest.goto(confirmPath);
    await expect(guest.getByTestId("guest-link-expired")).toBeVisible();
    await axe();
  });
}

test("a form posted at once, or with the hidden field filled, holds no place", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { activityId, auth } = await organizerWithActivity(browser, request, "Quiet bench sit");
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/activities/${activityId}`);
  await page.getByTestId("guest-first-name").fill("Bot");
  await page.getByTestId("guest-email").fill(`bot-${crypto.randomBytes(4).toString("hex")}@e2e.example`);
  await page.getByTestId("guest-rsvp-submit").click();
  await expect(page.getByTestId("guest-rsvp-outcome")).toContainText("quicker than we expected");
  await page.locator("#guest-website").evaluate((el: HTMLInputElement) => (el.value = "https://spam.example"));
  await page.waitForTimeout(3_200);
  await page.getByTestId("guest-rsvp-submit").click();
  await expect(page.getByTestId("guest-rsvp-outcome")).toContainText("We've emailed you a link");
  const attendees = await request.get(`/api/activities/${activityId}/attendees`, { headers: auth });
  expect((await attendees.json()).attendees).toEqual([]);
});

test("a group that turns guest RSVPs off asks visitors to sign in", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { organizer, slug, activityId } = await organizerWithActivity(browser, request, "Members' map walk");
  await organizer.page.goto(`/groups/${slug}/settings`);
  await organizer.page.getByTestId("group-guest-rsvps").selectOption("off");
  await organizer.page.getByTestId("save-group").click();
  await expect(organizer.page).toHaveURL(new RegExp(`/groups/${slug}$`));
  await organizer.page.goto(`/groups/${slug}/settings`);
  await expect(organizer.page.getByTestId("group-guest-rsvps")).toHaveValue("off");
  const visitor = await (await browser.newContext()).newPage();
  await expect(async () => {
    await visitor.goto(`/activities/${activityId}`);
    await expect(visitor.getByTestId("guest-rsvp-form")).toHaveCount(0);
  }).toPass({ timeout: 40_000 });
  await expect(visitor.getByTestId("rsvp-sign-in")).toBeVisible();
});
