import crypto from "node:crypto";
import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup } from "./people";

/*
 * Taking part, as members and an organizer would try it: RSVP, the waitlist, promotion
 * after a cancel (seen by the promoted member), go-together pairing, attendance, and an
 * RSVP with JavaScript switched off. Every test makes its own people, group and activity.
 */

/** An organizer with a group of their own (started through the page) and an API token. */
async function organizerWithGroup(browser: Browser, request: APIRequestContext) {
  const organizer = await newPerson(browser, request, "Olu");
  const slug = await startGroup(organizer.page, `Riverside Walkers ${crypto.randomBytes(3).toString("hex")}`);
  const auth = await bearer(request, organizer);
  async function createActivity(fields: Record<string, unknown>): Promise<string> {
    const start = new Date(Date.now() + 3 * 24 * 3600_000);
    const res = await request.post(`/api/groups/${slug}/activities`, {
      headers: auth,
      data: {
        kind: "walk",
        title: "Riverside morning walk",
        startsLocal: londonLocal(start),
        endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)),
        timezone: "Europe/London",
        placeName: "Riverside café",
        address: "1 River Lane",
        energyLevel: "low",
        talkLevel: "some_chat",
        ...fields,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).activity.id as string;
  }
  async function moveStart(activityId: string, startsAt: Date, endsAt: Date) {
    const res = await request.patch(`/api/activities/${activityId}`, { headers: auth, data: { startsLocal: londonLocal(startsAt), endsLocal: londonLocal(endsAt) } });
    expect(res.status(), await res.text()).toBe(200);
  }
  return { organizer, slug, createActivity, moveStart };
}

test("a member RSVPs, the next waits in line, and a cancel promotes them at once", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { createActivity } = await organizerWithGroup(browser, request);
  const activityId = await createActivity({ capacity: 1, title: "One-place pottery taster" });
  const ada = await newPerson(browser, request, "Ada");
  const ben = await newPerson(browser, request, "Ben");

  await ada.page.goto(`/activities/${activityId}`);
  await expect(ada.page.getByTestId("rsvp-places")).toHaveText("0 of 1 places taken · 1 spot left");
  await ada.page.getByTestId("rsvp-going").click();
  await expect(ada.page.getByTestId("rsvp-outcome")).toHaveText("You're going — see you there!");
  await expect(ada.page.getByTestId("rsvp-state")).toHaveText("You're going.");

  await ben.page.goto(`/activities/${activityId}`);
  await expect(ben.page.getByTestId("rsvp-going")).toHaveText("Join the waitlist");
  await ben.page.getByTestId("rsvp-going").click();
  await expect(ben.page.getByTestId("rsvp-outcome")).toHaveText("This activity is full — you're number 1 on the waitlist. We'll tell you if a place opens.");
  await expectNoAxeViolations(ben.page);

  // Sending the same answer again changes nothing.
  await ben.page.getByTestId("rsvp-going").click();
  await expect(ben.page.getByTestId("rsvp-outcome")).toHaveText("You're still number 1 on the waitlist. We'll tell you if a place opens.");

  await ada.page.getByTestId("rsvp-withdraw").click();
  await expect(ada.page.getByTestId("rsvp-outcome")).toContainText("Your RSVP is withdrawn");

  await ben.page.reload();
  await expect(ben.page.getByTestId("rsvp-state")).toHaveText("You're going.");
  // The header tells Ben there is news before he opens his notifications.
  await expect(ben.page.getByTestId("header-unread-count")).toHaveText(/^\d+ unread$/);
  await ben.page.goto("/notifications");
  const promoted = ben.page.locator('[data-testid="notification"][data-type="waitlist_promoted"]');
  await expect(promoted).toContainText("A place opened up — you're going to One-place pottery taster");
  await expectNoAxeViolations(ben.page);
  await ben.page.getByTestId("mark-all-read").click();
  await expect(ben.page.getByTestId("unread-count")).toHaveText("You're all caught up.");
  await expect(ben.page.getByTestId("header-unread-count")).toHaveCount(0);
});

test("someone who'd rather not arrive alone is paired with a greeter, and both are told where to meet", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { organizer, createActivity } = await organizerWithGroup(browser, request);
  const activityId = await createActivity({ title: "Repair café", meetingPoint: undefined, placeName: "Old library", address: "5 Mill Street" });
  const cleo = await newPerson(browser, request, "Cleo");
  const dev = await newPerson(browser, request, "Dev");

  await cleo.page.goto(`/activities/${activityId}`);
  await cleo.page.getByTestId("rsvp-go-together").check();
  await cleo.page.getByTestId("rsvp-going").click();
  await expect(cleo.page.getByTestId("rsvp-greeter")).toContainText("The organizers will pair you with a greeter");

  await dev.page.goto(`/activities/${activityId}`);
  await dev.page.getByTestId("rsvp-offers-to-greet").check();
  await dev.page.getByTestId("rsvp-going").click();
  await expect(dev.page.getByTestId("rsvp-outcome")).toHaveText("You're going — see you there!");

  await organizer.page.goto(`/activities/${activityId}/organize`);
  await expect(organizer.page.getByTestId(`greeter-of-${cleo.id}`)).toHaveText("needs a greeter");
  await expectNoAxeViolations(organizer.page);
  await organizer.page.getByLabel(`Greeter for ${cleo.name}`).selectOption(dev.id);
  await organizer.page.getByTestId(`pair-${cleo.id}`).getByRole("button", { name: "Pair" }).click();
  await expect(organizer.page.getByTestId(`pair-${cleo.id}-outcome`)).toContainText(`Paired ${cleo.name} with ${dev.name}`);
  await expect(organizer.page.getByTestId(`greeter-of-${cleo.id}`)).toHaveText(`meeting ${dev.name}`);

  await cleo.page.goto("/notifications");
  await expect(cleo.page.locator('[data-type="go_together_paired"]')).toContainText(`meet ${dev.name} at Old library, 5 Mill Street`);
  await dev.page.goto("/notifications");
  await expect(dev.page.locator('[data-type="go_together_greeter"]')).toContainText(`Meet them at Old library, 5 Mill Street`);
  await cleo.page.goto(`/activities/${activityId}`);
  await expect(cleo.page.getByTestId("rsvp-greeter")).toContainText(`${dev.name} will meet you`);
});

test("organizers mark attendance one by one or all at once once the activity has started, and export the list", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { organizer, createActivity, moveStart } = await organizerWithGroup(browser, request);
  const activityId = await createActivity({ title: "Community garden shift", kind: "volunteer" });
  const eve = await newPerson(browser, request, "Eve");
  const fin = await newPerson(browser, request, "Fin");
  for (const p of [eve, fin]) {
    await p.page.goto(`/activities/${activityId}`);
    await p.page.getByTestId("rsvp-going").click();
    await expect(p.page.getByTestId("rsvp-state")).toHaveText("You're going.");
  }

  await organizer.page.goto(`/activities/${activityId}/organize`);
  await expect(organizer.page.getByText("Attendance can be marked once the activity has started.")).toBeVisible();
  await expect(organizer.page.getByTestId(`mark-${eve.id}`)).toHaveCount(0);

  // The activity begins: it started half an hour ago.
  await moveStart(activityId, new Date(Date.now() - 30 * 60_000), new Date(Date.now() + 90 * 60_000));
  await organizer.page.reload();
  await organizer.page.getByTestId(`mark-${eve.id}`).getByRole("button", { name: `No-show (${eve.name})` }).click();
  await expect(organizer.page.getByTestId(`attendance-${eve.id}`)).toHaveText("No-show");
  // The row shows its state once, as the pressed half of a toggle.
  await expect(organizer.page.getByRole("button", { name: `No-show (${eve.name})` })).toHaveAttribute("aria-pressed", "true");
  await expect(organizer.page.getByRole("button", { name: `Attended (${eve.name})` })).toHaveAttribute("aria-pressed", "false");
  await expect(organizer.page.getByTestId(`mark-${eve.id}`).getByText("No-show", { exact: true })).toHaveCount(1);
  await organizer.page.getByTestId("mark-all").getByRole("button").click();
  await expect(organizer.page.getByTestId("mark-all-outcome")).toHaveText("Marked 1 person as attended.");
  await expect(organizer.page.getByTestId(`attendance-${fin.id}`)).toHaveText("Attended");
  await expect(organizer.page.getByTestId(`attendance-${eve.id}`)).toHaveText("No-show");
  await expectNoAxeViolations(organizer.page);

  const csv = await organizer.page.request.get(`/activities/${activityId}/organize/attendees.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("name,rsvp,waitlist_position,go_together,offers_to_greet,greeter,attendance,responded_at,guest,guest_email,slots,still_coming_at");
  expect(text).toContain(`${eve.name},going,,no,no,,no_show,`);
  expect(text).toContain(`${fin.name},going,,no,no,,attended,`);
  // Members who are not organizers cannot download it.
  expect((await eve.page.request.get(`/activities/${activityId}/organize/attendees.csv`)).status()).toBe(403);
});

test("RSVPing works with JavaScript switched off", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const { createActivity } = await organizerWithGroup(browser, request);
  const activityId = await createActivity({ title: "Quiet sketching hour", capacity: 5 });
  const gus = await newPerson(browser, request, "Gus", { javaScriptEnabled: false });
  await gus.page.goto(`/activities/${activityId}`);
  await gus.page.getByTestId("rsvp-maybe").click();
  await expect(gus.page.getByTestId("rsvp-state")).toHaveText("You said you'll try to come.");
  await gus.page.getByTestId("rsvp-going").click();
  await expect(gus.page.getByTestId("rsvp-state")).toHaveText("You're going.");
  await expect(gus.page.getByTestId("rsvp-places")).toHaveText("1 of 5 places taken · 4 spots left");
});

test("a member chooses to be named on who's-going lists and manages a personal access token", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const { createActivity } = await organizerWithGroup(browser, request);
  const activityId = await createActivity({ title: "Board games evening" });
  const hana = await newPerson(browser, request, "Hana");
  const ivo = await newPerson(browser, request, "Ivo");

  await hana.page.goto(`/activities/${activityId}`);
  await hana.page.getByTestId("rsvp-going").click();
  await expect(hana.page.getByTestId("rsvp-state")).toHaveText("You're going.");
  await ivo.page.goto(`/activities/${activityId}`);
  await expect(ivo.page.getByTestId("who-others")).toHaveText("1 person who prefers not to be listed.");
  await expect(ivo.page.getByTestId("who-names")).toHaveCount(0);

  await hana.page.goto("/account");
  await hana.page.getByTestId("listed-as-going").check();
  await hana.page.getByTestId("privacy-save").click();
  await expect(hana.page.getByTestId("privacy-outcome")).toContainText("Signed-in members can see your name");
  await ivo.page.reload();
  await expect(ivo.page.getByTestId("who-names")).toHaveText(hana.name);

  await hana.page.getByLabel("Token name").fill("my calendar script");
  await hana.page.getByTestId("create-token").click();
  const token = (await hana.page.getByTestId("new-token").innerText()).trim();
  expect(token).toMatch(/^ct_/);
  await expectNoAxeViolations(hana.page);
  const mine = await request.get("/api/me/rsvps", { headers: { authorization: `Bearer ${token}` } });
  expect((await mine.json()).rsvps).toEqual([expect.objectContaining({ rsvp: { status: "going" } })]);
  await hana.page.reload();
  await hana.page.getByTestId("token-list").getByRole("button", { name: "Revoke token my calendar script" }).click();
  await expect(hana.page.getByTestId("token-list")).toHaveCount(0);
  expect((await request.get("/api/me/rsvps", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});
