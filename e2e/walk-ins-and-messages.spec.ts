import crypto from "node:crypto";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup } from "./people";

/*
 * At the door and after: an organizer records someone without an account by first name and a
 * member found by name once the activity has started; the member sees it in their participation.
 * Then the organizer sends the group an announcement, and the member finds it in their notifications.
 */

test.describe.configure({ timeout: 240_000 });

test("walk-ins are recorded after the start, count for the member, and an announcement reaches the group", async ({ browser, request }) => {
  const olu = await newPerson(browser, request, "Olu");
  const slug = await startGroup(olu.page, `Garden Crew ${crypto.randomBytes(3).toString("hex")}`);
  const auth = await bearer(request, olu);
  const start = new Date(Date.now() + 2 * 24 * 3600_000);
  const created = await request.post(`/api/groups/${slug}/activities`, {
    headers: auth,
    data: { kind: "volunteer", title: "Bed digging morning", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Allotment gate", energyLevel: "medium", talkLevel: "some_chat" },
  });
  expect(created.status()).toBe(201);
  const activityId = (await created.json()).activity.id as string;

  // A member of the group who never RSVPed.
  const kit = await newPerson(browser, request, "Kit");
  await kit.page.goto(`/groups/${slug}`);
  await kit.page.getByTestId("accept-agreements").check();
  await kit.page.getByTestId("join-group").click();
  await expect(kit.page.getByTestId("membership-status")).toContainText("You're a member");

  // Before the start, walk-ins wait.
  const organize = `/activities/${activityId}/organize`;
  await olu.page.goto(organize);
  await expect(olu.page.getByTestId("walk-in-first-name")).toHaveCount(0);
  await expect(olu.page.locator("#walk-ins")).toContainText("Walk-ins can be recorded once the activity has started.");

  // It started an hour ago.
  const moved = await request.patch(`/api/activities/${activityId}`, { headers: auth, data: { startsLocal: londonLocal(new Date(Date.now() - 3600_000)), endsLocal: londonLocal(new Date(Date.now() + 3600_000)) } });
  expect(moved.status()).toBe(200);

  await olu.page.goto(organize);
  // Someone without an account, by first name; an empty name is refused beside the field.
  await olu.page.getByTestId("walk-in-name").getByRole("button", { name: "Record walk-in" }).click();
  await expect(olu.page.getByTestId("walk-in-first-name-error")).toHaveText("Enter their first name.");
  await olu.page.getByTestId("walk-in-first-name").fill("Rosa");
  await olu.page.getByTestId("walk-in-name").getByRole("button", { name: "Record walk-in" }).click();
  await expect(olu.page.getByTestId("walk-in-name-outcome")).toHaveText("Recorded Rosa as a walk-in.");

  // A member, found by name (a GET search, as without JavaScript).
  await olu.page.getByTestId("walk-in-search").fill(kit.name.split(" ")[1]);
  await olu.page.getByTestId("walk-in-search-submit").click();
  await expect(olu.page).toHaveURL(/walkIn=/);
  await olu.page.getByTestId(`walk-in-member-${kit.id}`).getByRole("button").click();
  await expect(olu.page.getByTestId(`walk-in-member-${kit.id}-outcome`)).toContainText(`Recorded ${kit.name} as a walk-in`);
  await expect(olu.page.getByTestId(`walk-in-member-${kit.id}`)).toContainText("Recorded as a walk-in");
  await expectNoAxeViolations(olu.page);
  await olu.page.goto(organize);
  await expect(olu.page.getByTestId("walk-ins-row")).toHaveCount(2);
  await expect(olu.page.getByTestId("walk-ins")).toContainText("Rosa");
  await expect(olu.page.getByTestId("walk-ins")).toContainText(kit.name);
  await expectNoAxeViolations(olu.page);

  // The member sees it counted; the first name is the organizers' alone.
  await kit.page.goto("/me/participation");
  await expect(kit.page.getByTestId("attended-count")).toContainText("1");
  await kit.page.goto(`/activities/${activityId}`);
  await expect(kit.page.locator("body")).not.toContainText("Rosa");

  // An announcement to the whole group, from its manage page.
  await olu.page.goto(`/groups/${slug}/manage`);
  await olu.page.getByTestId("announcement").fill("Seed swap next Saturday, bring spares.");
  await olu.page.getByTestId("announce").getByRole("button", { name: "Send to the group" }).click();
  await expect(olu.page.getByTestId("announce-outcome")).toHaveText("Sent to 1 member. Each got it on their own.");
  await expectNoAxeViolations(olu.page);

  await kit.page.goto("/notifications");
  const notice = kit.page.getByTestId("notification").filter({ hasText: "Seed swap next Saturday" });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("Announcement from Garden Crew");
});
