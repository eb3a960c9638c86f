import crypto from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../tests/fixtures/hostile-text";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { londonLocal, signInThroughForm } from "./people";

/*
 * Hostile text (tests/fixtures/hostile-text.ts) saved through the hub's own API and forms into
 * every field a member writes, then every page that shows it opened in Chromium: no script
 * runs (window.__pwned stays unset), no dialog opens, no page error, and no element a payload
 * tried to add (data-pwned, javascript: links) exists. One seeded set, each page visited once,
 * including a member's bio, a reflection, and report notes in both moderation queues.
 */
test.describe.configure({ mode: "serial" });

const P = XSS_PAYLOADS;
const pick = (i: number) => P[i % P.length];
/**
 * As many payloads as fit in a field of `max` characters, taken in turn from the `from`th on,
 * one a line. A form sends each line break as CR LF, so a break is counted as two.
 */
function pack(from: number, max: number): string {
  let text = pick(from);
  const sent = (t: string) => t.replaceAll("\n", "\r\n").length;
  for (let i = from + 1; i < from + P.length && sent(`${text}\n${pick(i)}`) <= max; i++) text += `\n${pick(i)}`;
  return text;
}

async function api(request: APIRequestContext, method: "post" | "patch", url: string, data: unknown, token?: string) {
  const res = await request[method](url, { data, headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function member(request: APIRequestContext, name: string) {
  const id = crypto.randomBytes(5).toString("hex");
  const email = `xss-${id}@example.test`;
  const password = `correct horse ${id}`;
  const { user } = await api(request, "post", "/api/users", { name, email, password });
  const { token } = await api(request, "post", "/api/tokens", { email, password, name: "xss" });
  return { id: user.id as string, email, password, token: token as string };
}

async function expectNothingRan(page: Page, path: string, problems: string[]) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${path}: a payload ran`).toBeUndefined();
  expect(await page.locator("[data-pwned], a[href^='javascript:' i], a[href^='data:' i], iframe, script:not([src]):not([id]):not([type='application/ld+json'])").evaluateAll((els) => els.filter((e) => !/self\.__next_f|__NEXT_DATA__|^\s*$/.test(e.textContent ?? "") || e.hasAttribute("data-pwned")).map((e) => e.outerHTML.slice(0, 120)))).toEqual([]);
  expect(problems, path).toEqual([]);
}

/** Notes any dialog, page error or console error that names a payload, on this page. */
function watch(page: Page, problems: string[]) {
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /pwned|alert/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
}

test("hostile text in every member-written field is shown as text on every page, and nothing in it runs", async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  watch(page, problems);

  // Two members named with payloads; the first starts a group through the form.
  const owner = await member(request, `Owner ${pick(2)}`.slice(0, 100));
  const partner = await member(request, `Partner ${pick(3)}`.slice(0, 100));
  const signIn = new SignInPage(page);
  await signIn.goto("/groups/new");
  await signIn.signIn(owner.email, owner.password);
  await page.waitForURL(/\/groups\/new/);
  await page.getByLabel("Group name").fill(`Xss ${crypto.randomBytes(3).toString("hex")}`);
  await page.getByLabel("About the group").fill(P.join("\n\n"));
  await page.getByLabel("Agreements").fill(P.slice().reverse().join("\n"));
  await page.getByTestId("create-group").click();
  await page.waitForURL((url) => /^\/groups\/[a-z0-9-]+$/.test(url.pathname) && url.pathname !== "/groups/new");
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  await api(request, "patch", `/api/groups/${slug}`, { name: `${pick(0)}`.slice(0, 80) }, owner.token);

  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { activity } = await api(
    request,
    "post",
    `/api/groups/${slug}/activities`,
    { kind: "walk", title: pick(1).slice(0, 120), description: P.join("\n\n"), startsLocal: `${day}T10:00`, endsLocal: `${day}T12:00`, timezone: "Europe/London", placeName: pick(4).slice(0, 120), address: pick(5).slice(0, 200), neighbourhood: pick(2).slice(0, 80), latitude: 53.8, longitude: -1.55, onlineUrl: "https://example.org/?q=%3Cscript%3E", energyLevel: "low", talkLevel: "some_chat" },
    owner.token,
  );
  const { project } = await api(request, "post", `/api/groups/${slug}/projects`, { title: pick(6).slice(0, 120), goal: pick(7).slice(0, 200), description: P.join("\n\n"), status: "active" }, owner.token);
  const { task } = await api(request, "post", `/api/projects/${project.id}/tasks`, { title: pick(8).slice(0, 120), description: P.join("\n"), placesNeeded: 2, effort: "low", fromHome: true }, owner.token);
  const commentIds: string[] = [];
  for (const body of P.slice(9, 13)) {
    await api(request, "post", `/api/projects/${project.id}/comments`, { body }, owner.token);
    commentIds.push((await api(request, "post", `/api/activities/${activity.id}/comments`, { body }, owner.token)).comment.id);
  }
  await api(request, "post", `/api/groups/${slug}/join`, { acceptAgreements: true }, partner.token);
  await api(request, "post", `/api/activities/${activity.id}/rsvp`, { status: "going" }, partner.token);
  // The activity is split into time slots through the organize page's form, and the partner takes
  // one: their name shows in the slot's roster there.
  await page.goto(`/activities/${activity.id}/organize`);
  await page.getByLabel("Time slots", { exact: true }).fill("10:00-11:00 1\n11:00-12:00");
  await page.getByTestId("slots-save").click();
  await expect(page.getByTestId("slots-outcome")).toContainText("Saved");
  const { activity: slotted } = await (await request.get(`/api/activities/${activity.id}`, { headers: { authorization: `Bearer ${partner.token}` } })).json();
  await api(request, "post", `/api/activities/${activity.id}/slots/${slotted.slots[0].id}`, {}, partner.token);
  const invite = await api(request, "post", "/api/me/partners", {}, owner.token);
  await api(request, "post", "/api/me/partners/accept", { code: invite.code }, partner.token);
  // Both take a place on the hostile task and are verified: hours pages and the statement show the hostile names.
  for (const who of [owner, partner]) {
    await api(request, "post", `/api/tasks/${task.id}/claim`, { acceptAgreements: true }, who.token);
    await api(request, "post", `/api/tasks/${task.id}/done`, {}, who.token);
    await api(request, "post", `/api/tasks/${task.id}/verify`, { userId: who.id, hours: 2 }, owner.token);
  }
  await api(request, "post", `/api/me/partners/${invite.partnership.id}/check-ins`, { note: P.slice(13).join(" ").slice(0, 500), mood: 3, energy: "low" }, owner.token);

  // The owner writes about themselves through the profile form…
  await page.goto("/account");
  await page.getByTestId("profile-form").getByLabel("About you (optional)").fill(pack(0, 500));
  await page.getByTestId("profile-save").click();
  await expect(page.getByTestId("profile-outcome")).toContainText("Saved");
  // …goes to an activity of their own that has begun, and reflects on it.
  const start = new Date(Date.now() + 2 * 86_400_000);
  const { activity: reflected } = await api(
    request,
    "post",
    `/api/groups/${slug}/activities`,
    { kind: "hobby", title: pick(5).slice(0, 120), startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 7_200_000)), timezone: "Europe/London", placeName: "Hall", energyLevel: "low", talkLevel: "quiet" },
    owner.token,
  );
  await api(request, "post", `/api/activities/${reflected.id}/rsvp`, { status: "going" }, owner.token);
  await api(request, "patch", `/api/activities/${reflected.id}`, { startsLocal: londonLocal(new Date(Date.now() - 3_600_000)), endsLocal: londonLocal(new Date(Date.now() + 3_600_000)) }, owner.token);
  await api(request, "post", `/api/activities/${reflected.id}/attendance`, { userId: owner.id, attendance: "attended" }, owner.token);
  await api(request, "post", `/api/activities/${reflected.id}/reflection`, { feeling: "ok", note: pack(6, 1000) }, owner.token);
  // The organizer records a walk-in with a hostile first name and sends the group a hostile announcement.
  await page.goto(`/activities/${reflected.id}/organize`);
  await page.getByTestId("walk-in-first-name").fill(pick(1).slice(0, 40));
  await page.getByTestId("walk-in-name").getByRole("button", { name: "Record walk-in" }).click();
  await expect(page.getByTestId("walk-in-name-outcome")).toContainText("as a walk-in");
  await page.goto(`/groups/${slug}/manage`);
  await page.getByTestId("announcement").fill(pack(2, 2000));
  await page.getByTestId("announce").getByRole("button", { name: "Send to the group" }).click();
  await expect(page.getByTestId("announce-outcome")).toContainText("Sent to");

  // The partner reports a comment and the owner, each with a hostile note, from the report form.
  const reporter = await (await browser.newContext()).newPage();
  watch(reporter, problems);
  await signInThroughForm(reporter, partner.email, partner.password);
  for (const [target, from] of [[`type=comment&id=${commentIds[0]}`, 3], [`type=member&id=${owner.id}`, 11]] as const) {
    await reporter.goto(`/report?${target}`);
    await reporter.getByTestId("reason-other").check();
    await reporter.getByTestId("report-note").fill(pack(from, 1000));
    await reporter.getByTestId("report-send").click();
    await expect(reporter.getByTestId("report-form-outcome")).toContainText("Thank you");
    await expectNothingRan(reporter, `/report?${target}`, problems);
  }
  // The partner, a member of the group, has the hostile announcement among their notifications.
  await expectNothingRan(reporter, "/notifications", problems);

  // The words are on the pages, as text.
  await page.goto(`/activities/${activity.id}`);
  await expect(page.getByText("window.__pwned='script'").first()).toBeVisible();

  for (const path of [
    `/groups/${slug}`,
    `/groups/${slug}/join`,
    `/groups/${slug}/manage`,
    `/activities/${activity.id}`,
    `/activities/${activity.id}/organize`,
    `/activities/${activity.id}/edit`,
    `/projects/${project.id}`,
    `/projects/${project.id}/edit`,
    `/activities?q=${encodeURIComponent("Xss")}`,
    // The hostile place on the listing's map, in the activity form's saved places, and searched for.
    `/activities?view=map&group=${slug}`,
    `/groups/${slug}/activities/new`,
    `/groups/${slug}/activities/new?placeSearch=${encodeURIComponent(pick(4).slice(0, 40))}`,
    "/groups",
    "/projects",
    `/members/${partner.id}`,
    `/members/${owner.id}`,
    `/activities/${reflected.id}`,
    `/activities/${reflected.id}/organize?walkIn=${encodeURIComponent(pick(4).slice(0, 40))}`,
    `/groups/${slug}/reports`,
    `/groups/${slug}/hours?from=`,
    `/groups/${slug}/manage`,
    `/embed/groups/${slug}`,
    "/me/hours",
    "/",
    "/me",
    "/me/participation",
    "/me/partners",
    "/notifications",
    "/account",
  ]) {
    await expectNothingRan(page, path, problems);
  }
  // The bio, the reflection and the report note are really on those pages, as text.
  await page.goto(`/members/${owner.id}`);
  await expect(page.getByTestId("member-bio")).toContainText(pick(0));
  await page.goto(`/activities/${reflected.id}`);
  await expect(page.getByTestId("reflection-note")).toHaveValue(pack(6, 1000));
  await page.goto(`/groups/${slug}/reports`);
  await expect(page.getByTestId("open-report").first()).toContainText(pick(3).slice(0, 40));

  // The site's moderation queue shows both notes to the demo town's admin (README: admin@example.com).
  const admin = await (await browser.newContext()).newPage();
  watch(admin, problems);
  await signInThroughForm(admin, "admin@example.com", "commonthread");
  await expectNothingRan(admin, "/admin/reports", problems);
  await expect(admin.getByTestId("open-report").filter({ hasText: pick(11).slice(0, 40) }).first()).toBeVisible();
});
