import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { confirmEmail, newestMail, signUpThroughForm } from "./people";

/*
 * "Still coming?": the day-before reminder's two links, read from the development mailbox and
 * clicked through signed out. Opening one changes nothing; its page's button does, once. "Free
 * my place" gives the place to the first person waiting. The same with JavaScript turned off.
 */

const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/London" }).slice(0, 16).replace(" ", "T");

async function member(browser: Browser, label: string) {
  const who = await signUpThroughForm(browser, label);
  // Until the email is confirmed, the hub sends it nothing but that link.
  await confirmEmail(who.page, who.email);
  return { ...who, api: who.page.request };
}

/** An organizer's group and an activity three days ahead with `places` places, with a question on RSVP. */
async function activityWith(organizer: Awaited<ReturnType<typeof member>>, places: number): Promise<{ slug: string; id: string }> {
  await organizer.page.goto("/groups/new");
  await organizer.page.getByLabel("Group name").fill(`Still Coming Walkers ${crypto.randomBytes(3).toString("hex")}`);
  await organizer.page.getByLabel("Agreements").fill("Come as you are.");
  await organizer.page.getByTestId("create-group").click();
  await expect(organizer.page.getByTestId("group-name")).toBeVisible();
  const slug = new URL(organizer.page.url()).pathname.split("/")[2];
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const posted = await organizer.api.post(`/api/groups/${slug}/activities`, {
    data: { kind: "walk", title: "Canal walk and tea", startsLocal: local(start), endsLocal: local(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Lock 4", address: "Canal path", energyLevel: "low", talkLevel: "some_chat", capacity: places },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  return { slug, id: (await posted.json()).activity.id as string };
}

async function joinAndGo(who: Awaited<ReturnType<typeof member>>, { slug, id: activityId }: { slug: string; id: string }) {
  expect((await who.api.post(`/api/groups/${slug}/join`, { data: { acceptAgreements: true } })).ok()).toBe(true);
  const rsvp = await who.api.post(`/api/activities/${activityId}/rsvp`, { data: { status: "going" } });
  expect(rsvp.ok(), await rsvp.text()).toBe(true);
}

async function sendReminder(page: Page, activityId: string) {
  await page.goto("/dev/mailbox");
  await page.getByLabel(/day-before reminder now/).fill(activityId);
  await page.getByTestId("remind-now").getByRole("button").click();
}

async function linkFor(page: Page, email: string, purpose: "coming" | "free"): Promise<string> {
  const path = new RegExp(`/still-coming/${purpose}/[A-Za-z0-9_-]{43}`).exec(await newestMail(page, email, "reminder"))?.[0];
  expect(path, `no ${purpose} link was emailed to ${email}`).toBeTruthy();
  return path!;
}

test("a reminder's links: “Yes, I'm coming” shows to the organizers, “Free my place” gives the place to the first waiting, each once", async ({ browser }) => {
  test.setTimeout(300_000);
  const organizer = await member(browser, "Orin Organizer");
  const ana = await member(browser, "Ana Going");
  const ben = await member(browser, "Ben Going");
  const cai = await member(browser, "Cai Waiting");
  const activity = await activityWith(organizer, 2);
  const activityId = activity.id;
  await joinAndGo(ana, activity);
  await joinAndGo(ben, activity);
  await joinAndGo(cai, activity);

  const mailbox = await (await browser.newContext()).newPage();
  await sendReminder(mailbox, activityId);

  // Ana says she's coming: opening the link changes nothing, the button does, and only once.
  const coming = await linkFor(mailbox, ana.email, "coming");
  await mailbox.goto(coming);
  await expect(mailbox.getByTestId("still-coming-question")).toContainText("Canal walk and tea");
  await expectNoAxeViolations(mailbox);
  await organizer.page.goto(`/activities/${activityId}/organize`);
  await expect(organizer.page.getByTestId("still-coming-list").getByRole("listitem")).toHaveCount(0);
  await mailbox.getByTestId("still-coming-coming").click();
  await expect(mailbox.getByTestId("still-coming-done")).toContainText("still coming");
  await organizer.page.reload();
  await expect(organizer.page.getByTestId("still-coming-list")).toContainText("Ana Going");
  await mailbox.goto(coming);
  await expect(mailbox.getByTestId("still-coming-sorry")).toContainText("done its job already");

  // Ben frees his place from his email: Cai moves off the waitlist at once and is told.
  const free = await linkFor(mailbox, ben.email, "free");
  await mailbox.goto(free);
  await cai.page.goto(`/activities/${activityId}`);
  await expect(cai.page.getByTestId("rsvp-state")).toHaveAttribute("data-status", "waitlisted");
  await mailbox.getByTestId("still-coming-free").click();
  await expect(mailbox.getByTestId("still-coming-done")).toContainText("Your place is free");
  await cai.page.reload();
  await expect(cai.page.getByTestId("rsvp-state")).toHaveAttribute("data-status", "going");
  await cai.page.goto("/notifications");
  await expect(cai.page.getByTestId("notification").filter({ hasText: "A place opened up" })).toHaveCount(1);

  // A link with a changed letter, or one used for the other purpose, is turned away kindly.
  const tampered = free.slice(0, -1) + (free.endsWith("A") ? "B" : "A");
  await mailbox.goto(tampered);
  await expect(mailbox.getByTestId("still-coming-sorry")).toContainText("don't recognise");
  await mailbox.goto(free.replace("/free/", "/coming/"));
  await expect(mailbox.getByTestId("still-coming-sorry")).toContainText("don't recognise");
  await expectNoAxeViolations(mailbox);

  // The in-app reminder carries the same two answers for a signed-in member.
  await ana.page.goto("/notifications");
  const anaReminder = ana.page.getByTestId("notification").filter({ has: ana.page.getByRole("button", { name: "Yes, I'm coming" }) }).first();
  await expect(anaReminder).toBeVisible();
  await anaReminder.getByRole("button", { name: "Yes, I'm coming" }).click();
  await expect(anaReminder.getByText("the organizers can see you're still coming")).toBeVisible();
  await expectNoAxeViolations(ana.page);
});

test("with JavaScript turned off, “Free my place” from the email still works, once", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const organizer = await member(browser, "Nia Organizer");
  const dev = await member(browser, "Dev Going");
  const activity = await activityWith(organizer, 5);
  const activityId = activity.id;
  await joinAndGo(dev, activity);

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await sendReminder(page, activityId);
  const free = await linkFor(page, dev.email, "free");
  await page.goto(free);
  await page.getByTestId("still-coming-free").click();
  await expect(page.getByTestId("still-coming-done")).toContainText("Your place is free");
  await dev.page.goto(`/activities/${activityId}`);
  await expect(dev.page.getByTestId("rsvp-state")).toHaveAttribute("data-status", "not_going");
  await page.goto(free);
  await expect(page.getByTestId("still-coming-sorry")).toContainText("done its job already");
});

test("questions on RSVP: a needed answer is asked for beside its question, and the organizer reads the answers", async ({ browser }) => {
  test.setTimeout(240_000);
  const organizer = await member(browser, "Ola Organizer");
  const eve = await member(browser, "Eve Member");
  const { slug, id: activityId } = await activityWith(organizer, 5);

  await organizer.page.goto(`/activities/${activityId}/organize`);
  await organizer.page.getByLabel("Question", { exact: true }).first().fill("T-shirt size");
  await organizer.page.getByTestId("rsvp-question-0").getByLabel("Answer", { exact: true }).selectOption("choice");
  await organizer.page.getByTestId("rsvp-questions-save").click();
  await expect(organizer.page.getByTestId("q0-choices-error")).toContainText("at least two choices");
  // What was typed is still there beside the message.
  await expect(organizer.page.getByTestId("rsvp-question-0").getByLabel("Question", { exact: true })).toHaveValue("T-shirt size");
  await organizer.page.getByTestId("rsvp-question-0").getByLabel(/Choices/).fill("S\nM\nL");
  await organizer.page.getByTestId("rsvp-question-0").getByLabel("An answer is needed to RSVP").check();
  await organizer.page.getByTestId("rsvp-questions-save").click();
  await expect(organizer.page.getByTestId("rsvp-questions-outcome")).toContainText("1 question");
  await expectNoAxeViolations(organizer.page);

  expect((await eve.api.post(`/api/groups/${slug}/join`, { data: { acceptAgreements: true } })).ok()).toBe(true);
  await eve.page.goto(`/activities/${activityId}`);
  await expect(eve.page.getByTestId("rsvp-questions")).toContainText("T-shirt size");
  await eve.page.getByTestId("rsvp-going").click();
  await expect(eve.page.getByTestId("rsvp-questions").getByText("Please choose an answer.")).toBeVisible();
  await eve.page.reload();
  await expect(eve.page.getByTestId("rsvp-state")).toHaveCount(0);
  await eve.page.getByRole("radio", { name: "M", exact: true }).check();
  await eve.page.getByTestId("rsvp-going").click();
  await expect(eve.page.getByTestId("rsvp-outcome")).toContainText("You're going");
  await expectNoAxeViolations(eve.page);

  await organizer.page.reload();
  await expect(organizer.page.getByTestId("rsvp-answers")).toContainText("Eve Member");
  await expect(organizer.page.getByTestId("rsvp-answers")).toContainText("M");
  const csv = await organizer.api.get(`/activities/${activityId}/organize/attendees.csv`);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("T-shirt size");
  expect(text).toMatch(/Eve Member[^\r\n]*,M(\r\n|$)/m);
});
