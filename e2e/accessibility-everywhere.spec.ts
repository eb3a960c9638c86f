import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { DESKTOP, expect, expectNoAxeViolations, PHONE, test } from "./fixtures";
import { expectEveryWordFromCatalogs, inLanguage, TRANSLATED } from "./languages";
import { confirmEmail, newestMail, signUpThroughForm } from "./people";

/*
 * axe (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page a visitor, a member, an organizer or an
 * admin can reach, each in the light and the dark theme at a phone's width and a desktop's,
 * from one load of the page. The pages are kept as data: every `page.tsx` under app/ is either
 * checked by a test below or skipped with a reason, and a test fails when a new page is neither.
 * The demo town's accounts read what the seed gives them; what needs a member's own state
 * (an invite, a reset link, an email's unsubscribe link) is made by members of this test.
 */

const WIDTHS = [PHONE, DESKTOP];

/** The page files checked here, each with the test that opens it. */
const CHECKED = {
  "app/page.tsx": "visitor",
  "app/activities/page.tsx": "visitor",
  "app/activities/[id]/page.tsx": "visitor",
  "app/groups/page.tsx": "visitor",
  "app/groups/[slug]/page.tsx": "visitor",
  "app/projects/page.tsx": "visitor",
  "app/projects/[id]/page.tsx": "visitor",
  "app/help/page.tsx": "visitor",
  "app/offline/page.tsx": "visitor",
  "app/(auth)/signin/page.tsx": "visitor",
  "app/(auth)/signup/page.tsx": "visitor",
  "app/(auth)/forgot-password/page.tsx": "visitor",
  "app/account/deleted/page.tsx": "visitor",
  "app/me/participation/page.tsx": "member",
  "app/me/mix/page.tsx": "member",
  "app/me/plan/page.tsx": "member",
  "app/me/partners/page.tsx": "member",
  "app/me/partners/[id]/page.tsx": "member",
  "app/me/questions/page.tsx": "member",
  "app/me/questions/[id]/page.tsx": "member",
  "app/me/hours/page.tsx": "member",
  "app/me/week/page.tsx": "member",
  "app/notifications/page.tsx": "member",
  "app/account/page.tsx": "member",
  "app/account/push/page.tsx": "member",
  "app/members/[id]/page.tsx": "member",
  "app/report/page.tsx": "member",
  "app/groups/new/page.tsx": "organizer",
  "app/groups/[slug]/manage/page.tsx": "organizer",
  "app/groups/[slug]/settings/page.tsx": "organizer",
  "app/groups/[slug]/reports/page.tsx": "organizer",
  "app/groups/[slug]/hours/page.tsx": "organizer",
  "app/groups/[slug]/questions/page.tsx": "organizer",
  "app/groups/[slug]/questions/[id]/page.tsx": "organizer",
  "app/groups/[slug]/activities/new/page.tsx": "organizer",
  "app/groups/[slug]/projects/new/page.tsx": "organizer",
  "app/activities/[id]/edit/page.tsx": "organizer",
  "app/activities/[id]/organize/page.tsx": "organizer",
  "app/projects/[id]/edit/page.tsx": "organizer",
  "app/projects/[id]/tasks/[taskId]/edit/page.tsx": "organizer",
  "app/admin/reports/page.tsx": "admin",
  "app/admin/email/page.tsx": "admin",
  "app/groups/[slug]/join/page.tsx": "new people",
  "app/me/partners/join/page.tsx": "new people",
  "app/(auth)/reset-password/[token]/page.tsx": "new people",
  "app/unsubscribe/[token]/page.tsx": "new people",
  "app/guest/confirm/[token]/page.tsx": "new people",
  "app/guest/manage/[token]/page.tsx": "new people",
  "app/(auth)/confirm-email/[token]/page.tsx": "new people",
  "app/(auth)/confirm-email/done/page.tsx": "new people",
  "app/(auth)/signin/link/[token]/page.tsx": "new people",
  "app/still-coming/[purpose]/[token]/page.tsx": "new people",
} as const;

type CheckedPage = keyof typeof CHECKED;

/** Page files deliberately left out, each with the reason. */
const SKIPPED: Record<string, string> = {
  "app/me/page.tsx": "it only redirects to /me/participation, which is checked",
  "app/dev/mailbox/page.tsx": "a tool for reading the hub's email on a development or test server; it is a 404 in production unless DEV_MAILBOX=on",
};

/** Every page.tsx under app/, as a path from the repository's root. */
function pageFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

test("every page under app/ is checked here or skipped with a reason", () => {
  const files = pageFiles().sort();
  const listed = [...Object.keys(CHECKED), ...Object.keys(SKIPPED)].sort();
  expect(files.filter((f) => !listed.includes(f)), "pages with no accessibility check and no reason to skip one").toEqual([]);
  expect(listed.filter((f) => !files.includes(f)), "listed pages that no longer exist").toEqual([]);
  expect(Object.keys(CHECKED).filter((f) => f in SKIPPED), "pages both checked and skipped").toEqual([]);
  // Each checked page is really opened by a test in this file, not only listed.
  const source = fs.readFileSync(path.join("e2e", "accessibility-everywhere.spec.ts"), "utf8");
  const opened = new Set([...source.matchAll(/check\([\w.]+, "([^"]+)"/g)].map((m) => m[1]));
  expect(Object.keys(CHECKED).filter((f) => !opened.has(f)), "listed as checked but never opened").toEqual([]);
});

/**
 * Opens a page, makes sure it is the page meant (its status and main heading) and runs axe at
 * both widths in both themes. A page with violations does not stop the test: the others are
 * still checked, and the test fails at its end listing every page that had any. Besides the
 * page files, the not-found and the two "for organizers" answers are checked the same way.
 */
async function check(page: Page, file: CheckedPage | "app/not-found.tsx" | "app/forbidden.tsx" | "app/groups/[slug]/settings/forbidden.tsx", to: string, heading: string | RegExp): Promise<void> {
  const response = await page.goto(to);
  const expected = file.endsWith("not-found.tsx") ? 404 : file.endsWith("forbidden.tsx") ? 403 : 200;
  expect(response?.status(), `${to} (${file})`).toBe(expected);
  await expect(page.getByRole("heading", { level: 1 }).first(), `${page.url()} is the page for ${file}`).toHaveText(heading);
  try {
    await expectNoAxeViolations(page, { widths: WIDTHS });
  } catch (error) {
    failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Every word from a catalog (the pseudo-locale), and axe again in Spanish (e2e/languages.ts).
  if (!TRANSLATED.has(file)) return;
  try {
    await expectEveryWordFromCatalogs(page);
  } catch (error) {
    untranslated.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await inLanguage(page, "es", async () => {
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expectNoAxeViolations(page, { widths: [DESKTOP] });
    });
  } catch (error) {
    failures.push(`${file} in Spanish: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let failures: string[] = [];
let untranslated: string[] = [];
test.beforeEach(() => {
  failures = [];
  untranslated = [];
});
test.afterEach(() => {
  expect(failures, "pages with WCAG violations").toEqual([]);
  expect(untranslated, "pages showing words that came from no catalog").toEqual([]);
});

/** The first link on the page whose address matches, as a path. */
async function linkTo(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `a link matching ${selector} on ${page.url()}`).toBeTruthy();
  return new URL(href!, page.url()).pathname + new URL(href!, page.url()).search;
}

/** The seed's stable ids (db/seed-data/random.ts): the same name always gives the same id. */
function demoId(key: string): string {
  const hex = crypto.createHash("sha256").update(`common-thread-demo:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const DEMO_PASSWORD = "commonthread";

async function signIn(browser: Browser, email: string, password: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByTestId("signin-form").getByLabel("Email").fill(email);
  await page.getByTestId("signin-form").getByLabel("Password").fill(password);
  await page.getByTestId("signin-submit").click();
  await expect(page.getByTestId("account-link")).toHaveText(name);
  return page;
}

// Each test opens several pages, runs axe four times on each, then opens each again in the
// pseudo-locale and in Spanish (axe once more); a busy machine needs the room.
test.describe.configure({ timeout: 600_000 });

test("a visitor's pages: home, the listing, an activity, groups and a group", async ({ page }) => {
  await check(page, "app/page.tsx", "/", "Small, regular things to do together");
  await check(page, "app/activities/page.tsx", "/activities", "Activities");
  const activity = await linkTo(page, '[data-testid="activity-card"] a[href^="/activities/"]');
  await check(page, "app/activities/[id]/page.tsx", activity, /\S/);
  await check(page, "app/groups/page.tsx", "/groups", /Groups/);
  await check(page, "app/groups/[slug]/page.tsx", "/groups/riverside-gardeners", "Riverside Gardeners");
});

test("a visitor's pages: projects, a project, help, signing in and up, and a page not found", async ({ page }) => {
  await check(page, "app/projects/page.tsx", "/projects", /Projects/);
  const project = await linkTo(page, '[data-testid="project-card"] a[href^="/projects/"]');
  await check(page, "app/projects/[id]/page.tsx", project, /\S/);
  await check(page, "app/help/page.tsx", "/help", /\S/);
  await check(page, "app/(auth)/signin/page.tsx", "/signin", "Welcome back");
  await check(page, "app/(auth)/signup/page.tsx", "/signup", /\S/);
  await check(page, "app/(auth)/forgot-password/page.tsx", "/forgot-password", "Forgot your password?");
  await check(page, "app/account/deleted/page.tsx", "/account/deleted", "Your account is deleted");
  await check(page, "app/not-found.tsx", "/activities/00000000-0000-4000-8000-000000000000", "We couldn't find that");
});

test("the page the installed app shows without a connection", async ({ page }) => {
  await check(page, "app/offline/page.tsx", "/offline", "You're offline");
});

test("the demo member's connection pages", async ({ browser }) => {
  const page = await signIn(browser, "member@example.com", DEMO_PASSWORD, "Sam Member");
  await check(page, "app/page.tsx", "/", "Hello, Sam Member");
  await check(page, "app/me/participation/page.tsx", "/me/participation", /\S/);
  await check(page, "app/me/mix/page.tsx", "/me/mix", "My mix");
  await check(page, "app/me/plan/page.tsx", "/me/plan", "Connection plan");
  await check(page, "app/me/partners/page.tsx", "/me/partners", /\S/);
  const partnership = await linkTo(page, '[data-testid="partner"] a[href^="/me/partners/"]');
  await check(page, "app/me/partners/[id]/page.tsx", partnership, /\S/);
  await check(page, "app/me/questions/page.tsx", "/me/questions", "My questions");
  await check(page, "app/me/questions/[id]/page.tsx", await linkTo(page, '[data-testid="my-questions"] a[href^="/me/questions/"]'), "Garden work morning");
  await check(page, "app/me/hours/page.tsx", "/me/hours", "Statement of volunteer hours");
  await check(page, "app/me/week/page.tsx", "/me/week", "My week");
});

test("the demo member's notifications, account, a member's page, a report form and an organizer's page refused", async ({ browser }) => {
  const page = await signIn(browser, "member@example.com", DEMO_PASSWORD, "Sam Member");
  await check(page, "app/notifications/page.tsx", "/notifications", "Notifications");
  await check(page, "app/account/page.tsx", "/account", /\S/);
  await check(page, "app/account/push/page.tsx", "/account/push", "Push notifications");
  await check(page, "app/members/[id]/page.tsx", `/members/${demoId("user:aisha.rahman@example.com")}`, "Aisha Rahman");
  await page.goto("/groups/riverside-gardeners");
  await page.goto(await linkTo(page, 'a[href^="/activities/"]'));
  await check(page, "app/report/page.tsx", await linkTo(page, '[data-testid="report-activity"]'), "Report this activity");
  // What a member meets at an organizer's address.
  await check(page, "app/forbidden.tsx", "/groups/riverside-gardeners/activities/new", "This page is for organizers");
  await check(page, "app/groups/[slug]/settings/forbidden.tsx", "/groups/riverside-gardeners/settings", "Group settings");
});

test("the demo organizer's group pages", async ({ browser }) => {
  const page = await signIn(browser, "organizer@example.com", DEMO_PASSWORD, "Alex Organizer");
  await check(page, "app/groups/new/page.tsx", "/groups/new", "Start a group");
  await check(page, "app/groups/[slug]/manage/page.tsx", "/groups/riverside-gardeners/manage", /Riverside Gardeners/);
  await check(page, "app/groups/[slug]/settings/page.tsx", "/groups/riverside-gardeners/settings", /Settings for Riverside Gardeners/);
  await check(page, "app/groups/[slug]/reports/page.tsx", "/groups/riverside-gardeners/reports", /\S/);
  await check(page, "app/groups/[slug]/hours/page.tsx", "/groups/riverside-gardeners/hours?from=", /Volunteer hours · Riverside Gardeners/);
  await check(page, "app/groups/[slug]/questions/page.tsx", "/groups/riverside-gardeners/questions", /Questions to the organizers/);
  await check(page, "app/groups/[slug]/questions/[id]/page.tsx", await linkTo(page, '[data-testid="group-questions"] a[href*="/questions/"]'), /asked about Garden work morning/);
  await check(page, "app/groups/[slug]/activities/new/page.tsx", "/groups/riverside-gardeners/activities/new", /\S/);
  await check(page, "app/groups/[slug]/projects/new/page.tsx", "/groups/riverside-gardeners/projects/new", /\S/);
});

test("the demo organizer's activity, attendee list, project and task editors", async ({ browser }) => {
  const page = await signIn(browser, "organizer@example.com", DEMO_PASSWORD, "Alex Organizer");
  await page.goto("/groups/riverside-gardeners/manage");
  const activity = await linkTo(page, '[data-testid="upcoming-activities"] a[href^="/activities/"]');
  await check(page, "app/activities/[id]/edit/page.tsx", `${activity}/edit`, /\S/);
  await check(page, "app/activities/[id]/organize/page.tsx", `${activity}/organize`, "Who's coming");
  await page.goto("/groups/riverside-gardeners");
  const project = await linkTo(page, '[data-testid="group-projects"] a[href^="/projects/"]');
  await page.goto(project);
  const taskEdit = await linkTo(page, '[data-testid="task-edit"]');
  await check(page, "app/projects/[id]/edit/page.tsx", `${project}/edit`, /\S/);
  await check(page, "app/projects/[id]/tasks/[taskId]/edit/page.tsx", taskEdit, /\S/);
});

test("the demo admin's pages", async ({ browser }) => {
  const page = await signIn(browser, "admin@example.com", DEMO_PASSWORD, "Ada Admin");
  await check(page, "app/admin/reports/page.tsx", "/admin/reports", "All reports");
  await check(page, "app/admin/email/page.tsx", "/admin/email", "Email that could not be sent");
});

/** A member signed up through the sign-up page, with their session's requests for setting things up. */
async function newMember(browser: Browser, label: string) {
  const who = await signUpThroughForm(browser, label);
  return { ...who, api: who.page.request };
}

/** The text of the newest email of a kind to an address, from the test server's mailbox. */
test("the pages new people reach from a link: joining a group, a partner's invite, a reset link and an email's unsubscribe link", async ({ browser }) => {
  const olu = await newMember(browser, "Olu");
  const mia = await newMember(browser, "Mia");
  // Mia's link to confirm her email, opened in her own browser; and Olu's confirmed the usual way.
  await expect(mia.page.getByTestId("email-unconfirmed")).toBeVisible();
  const confirmPath = /\/confirm-email\/[A-Za-z0-9_-]+/.exec(await newestMail(mia.page, mia.email, "email_verification"))?.[0];
  expect(confirmPath).toBeTruthy();
  await check(mia.page, "app/(auth)/confirm-email/[token]/page.tsx", confirmPath!, "Confirm your email");
  await mia.page.getByTestId("confirm-email-submit").click();
  await expect(mia.page.getByTestId("email-confirmed")).toBeVisible();
  await check(mia.page, "app/(auth)/confirm-email/done/page.tsx", "/confirm-email/done", "Email confirmed");
  await confirmEmail(olu.page, olu.email);

  // Mia is in no group yet: the join page shows the agreements and the form.
  await check(mia.page, "app/groups/[slug]/join/page.tsx", "/groups/sunday-sketchers/join", "Join Sunday Sketchers");
  await expect(mia.page.getByTestId("join-form")).toBeVisible();

  // Olu's invite link, opened by Mia.
  const invite = await olu.api.post("/api/me/partners", { data: {} });
  expect(invite.status()).toBe(201);
  const { inviteUrl } = await invite.json();
  await check(mia.page, "app/me/partners/join/page.tsx", new URL(inviteUrl).pathname + new URL(inviteUrl).search, "A check-in partner invite");
  await expect(mia.page.getByTestId("invite")).toContainText(olu.name);

  // Olu starts a group, posts an activity Mia goes to, then cancels it: Mia's email links to the unsubscribe page.
  await olu.page.goto("/groups/new");
  await olu.page.getByLabel("Group name").fill(`Quiet Checkers ${crypto.randomBytes(3).toString("hex")}`);
  await olu.page.getByLabel("Agreements").fill("Listening over fixing.");
  await olu.page.getByTestId("create-group").click();
  await expect(olu.page.getByTestId("group-name")).toBeVisible();
  const slug = new URL(olu.page.url()).pathname.split("/")[2];
  const start = new Date(Date.now() + 4 * 24 * 3600_000);
  const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/London" }).slice(0, 16).replace(" ", "T");
  const posted = await olu.api.post(`/api/groups/${slug}/activities`, {
    data: { kind: "hobby", title: "Draughts by the window", startsLocal: local(start), endsLocal: local(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Library", address: "1 Mill Lane", energyLevel: "low", talkLevel: "some_chat" },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const activityId = (await posted.json()).activity.id as string;
  // A visitor RSVPs as a guest: the confirmation link's page, then the guest's own manage page.
  const guest = await (await browser.newContext()).newPage();
  const guestEmail = `guest-${crypto.randomBytes(4).toString("hex")}@e2e.example`;
  await guest.goto(`/activities/${activityId}`);
  await guest.getByTestId("guest-first-name").fill("Gale");
  await guest.getByTestId("guest-email").fill(guestEmail);
  await guest.waitForTimeout(3_200);
  await guest.getByTestId("guest-rsvp-submit").click();
  await expect(guest.getByTestId("guest-rsvp-outcome")).toContainText("We've emailed you a link");
  const guestConfirmPath = /\/guest\/confirm\/[A-Za-z0-9_.-]+/.exec(await newestMail(guest, guestEmail, "guest_confirm"))?.[0];
  expect(guestConfirmPath).toBeTruthy();
  await check(guest, "app/guest/confirm/[token]/page.tsx", guestConfirmPath!, "Confirm your place");
  await guest.getByTestId("guest-confirm-submit").click();
  await expect(guest.getByTestId("guest-confirmed")).toBeVisible();
  await check(guest, "app/guest/manage/[token]/page.tsx", new URL(guest.url()).pathname, "Your RSVP");
  await expect(guest.getByTestId("guest-manage-state")).toHaveAttribute("data-status", "going");

  const joined = await mia.api.post(`/api/groups/${slug}/join`, { data: { acceptAgreements: true } });
  expect(joined.ok(), await joined.text()).toBe(true);
  const rsvp = await mia.api.post(`/api/activities/${activityId}/rsvp`, { data: { status: "going" } });
  expect(rsvp.ok(), await rsvp.text()).toBe(true);
  // Mia's day-before reminder (sent now from the mailbox's button): its "Free my place" link, opened signed out.
  const reminderPage = await (await browser.newContext()).newPage();
  await reminderPage.goto("/dev/mailbox");
  await reminderPage.getByLabel(/day-before reminder now/).fill(activityId);
  await reminderPage.getByTestId("remind-now").getByRole("button").click();
  const freePath = /\/still-coming\/free\/[A-Za-z0-9_-]{43}/.exec(await newestMail(reminderPage, mia.email, "reminder"))?.[0];
  expect(freePath).toBeTruthy();
  await check(reminderPage, "app/still-coming/[purpose]/[token]/page.tsx", freePath!, "Still coming?");
  await expect(reminderPage.getByTestId("still-coming-free")).toBeVisible();
  const cancelled = await olu.api.post(`/api/activities/${activityId}/cancel`, { data: { scope: "this" } });
  expect(cancelled.ok(), await cancelled.text()).toBe(true);

  const visitor = await (await browser.newContext()).newPage();
  const unsubscribe = /Stop these emails: (\S+)/.exec(await newestMail(visitor, mia.email, "activity_cancelled"))?.[1];
  expect(unsubscribe).toBeTruthy();
  await check(visitor, "app/unsubscribe/[token]/page.tsx", new URL(unsubscribe!).pathname, "Stop these emails");
  await expect(visitor.getByTestId("confirm-unsubscribe")).toBeVisible();

  // A reset link Mia asks for, opened signed out.
  await visitor.goto("/forgot-password");
  await visitor.getByTestId("forgot-form").getByLabel("Email").fill(mia.email);
  await visitor.getByTestId("forgot-form-submit").click();
  await expect(visitor.getByTestId("forgot-form-outcome")).toContainText("If there is an account with that email");
  const reset = /\/reset-password\/[A-Za-z0-9_-]+/.exec(await newestMail(visitor, mia.email, "password_reset"))?.[0];
  expect(reset).toBeTruthy();
  await check(visitor, "app/(auth)/reset-password/[token]/page.tsx", reset!, "Choose a new password");
  await expect(visitor.getByTestId("reset-form")).toBeVisible();

  // A sign-in link Mia asks for, opened signed out.
  await visitor.goto("/signin");
  await visitor.getByTestId("email-link").getByLabel("Email").fill(mia.email);
  await visitor.getByTestId("email-link-submit").click();
  await expect(visitor.getByTestId("email-link-outcome")).toContainText("If there is an account with that email");
  const signInLink = /\/signin\/link\/[A-Za-z0-9_-]+/.exec(await newestMail(visitor, mia.email, "sign_in_link"))?.[0];
  expect(signInLink).toBeTruthy();
  await check(visitor, "app/(auth)/signin/link/[token]/page.tsx", signInLink!, "Sign in");
  await expect(visitor.getByTestId("link-sign-in-submit")).toBeVisible();
});
