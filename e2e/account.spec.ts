import crypto from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { SiteChrome } from "./pages/site-chrome";
import { londonLocal, signUpThroughForm, startGroup } from "./people";

/*
 * The account page as a member meets it: their profile, downloading everything the hub holds
 * about them, deleting the account with their password, and handing a group over first.
 */

test("export and delete an account: the data comes as JSON, deletion needs the password, frees the place and the account cannot sign in again", async ({ page, member, browser, request }) => {
  test.setTimeout(180_000);
  // An organizer posts an activity with one place.
  const olu = await signUpThroughForm(browser, "Olu");
  const groupPath = `/groups/${await startGroup(olu.page, `Soup Circle ${crypto.randomBytes(3).toString("hex")}`)}`;
  const token = (await (await request.post("/api/tokens", { data: { email: olu.email, password: olu.password, name: "e2e" } })).json()).token as string;
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const created = await request.post(`/api/groups${groupPath.slice("/groups".length)}/activities`, {
    headers: { authorization: `Bearer ${token}` },
    data: { kind: "hobby", title: "Soup and chat", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "Old library", energyLevel: "low", talkLevel: "some_chat", capacity: 1 },
  });
  expect(created.status()).toBe(201);
  const activityId = (await created.json()).activity.id as string;

  // The member fills in their profile: a name error keeps what was typed.
  await page.goto("/account");
  const profile = page.getByTestId("profile-form");
  await profile.getByLabel("Your name").fill("   ");
  await profile.getByLabel("About you (optional)").fill("Soup, walks and herons.");
  await page.getByTestId("profile-save").click();
  await expect(page.getByTestId("profile-name-error")).toHaveText("Tell us what to call you.");
  await expect(profile.getByLabel("About you (optional)")).toHaveValue("Soup, walks and herons.");
  const newName = `${member.name} Jones`;
  await profile.getByLabel("Your name").fill(newName);
  await profile.getByLabel("Neighbourhood (optional)").fill("Riverside");
  await page.getByTestId("profile-save").click();
  await expect(page.getByTestId("profile-outcome")).toContainText("Saved");
  await expect(page.getByTestId("account-link")).toHaveText(newName);

  // …and takes the one place.
  await page.goto(`/activities/${activityId}`);
  await page.getByTestId("rsvp-going").click();
  await expect(page.getByTestId("rsvp-state")).toHaveText("You're going.");

  // Export: one JSON file with their profile and RSVP, and no password hash.
  await page.goto("/account");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-data").click()]);
  const data = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(data.tables.users[0]).toMatchObject({ email: member.email, name: newName, bio: "Soup, walks and herons.", neighbourhood: "Riverside" });
  expect(data.tables.users[0]).not.toHaveProperty("passwordHash");
  expect(data.tables.rsvps).toEqual([expect.objectContaining({ activityId, status: "going" })]);

  // The deletion section says what goes and what stays, with their own counts.
  const deletion = page.getByTestId("delete-account");
  await expect(deletion.getByTestId("deletion-goes")).toContainText("1 RSVP to upcoming activities: each place is freed, and goes to the first person waiting if anyone is.");
  await expect(deletion.getByTestId("deletion-stays")).toContainText("0 activities you came to stay in organizers' attendance totals");
  await expectNoAxeViolations(page);

  // A wrong password deletes nothing.
  await deletion.getByLabel("Your password, to confirm").fill("not my password at all");
  await page.getByTestId("delete-account-form-submit").click();
  await expect(page.getByTestId("delete-account-form-outcome")).toHaveText("That isn't your password, so nothing was deleted.");
  await expect(page.getByTestId("delete-account-form-password-error")).toHaveText("That isn't your password.");
  await expectNoAxeViolations(page);

  await deletion.getByLabel("Your password, to confirm").fill(member.password);
  await page.getByTestId("delete-account-form-submit").click();
  await expect(page.getByTestId("account-deleted")).toContainText("Your account is deleted");
  await new SiteChrome(page).expectSignedOut();
  await expectNoAxeViolations(page);

  // The place is free again, and the account cannot sign in.
  const activity = await (await request.get(`/api/activities/${activityId}`)).json();
  expect(activity.activity.goingCount).toBe(0);
  const signIn = new SignInPage(page);
  await signIn.goto();
  expect(await signIn.refusedMessageFor(member.email, member.password)).toBe("That email and password don't match an account. Check them and try again.");
});

test("an owner hands the group to an organizer, stays an organizer, and can then delete their account", async ({ page, member, browser }) => {
  test.setTimeout(180_000);
  const groupName = `Canal Walkers ${crypto.randomBytes(3).toString("hex")}`;
  const groupPath = `/groups/${await startGroup(page, groupName)}`;

  // While they own a group, the account page says to hand it over first, and offers no deletion.
  await page.goto("/account");
  const owns = page.getByTestId("deletion-owns-groups");
  await expect(owns).toContainText(groupName);
  await expect(page.getByTestId("delete-account-form")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Another member joins, and the owner makes them an organizer.
  const rowan = await signUpThroughForm(browser, "Rowan");
  await rowan.page.goto(`${groupPath}/join`);
  await rowan.page.getByTestId("accept-agreements").check();
  await rowan.page.getByTestId("join-group").click();
  await expect(rowan.page.getByTestId("membership-status")).toContainText("You're a member");

  await owns.getByRole("link", { name: groupName }).click();
  await expect(page).toHaveURL(new RegExp(`${groupPath}/manage`));
  const row = page.getByTestId("member-row").filter({ hasText: rowan.name });
  await row.getByTestId("member-options").click();
  await row.getByTestId("member-promote").click();
  // The answer, not the row's text (its "Make organizer" button says "organizer" already): the reload
  // below must not cut the promotion short.
  await expect(row.getByTestId("member-outcome")).toHaveText("Now an organizer.");

  // Handing over asks for a tick first.
  await page.reload();
  await row.getByTestId("member-options").click();
  await row.getByTestId("member-handover").click();
  await expect(row.getByTestId("member-outcome")).toHaveText("Tick the box to confirm the hand-over.");
  await expectNoAxeViolations(page);
  await row.getByTestId("handover-confirm").check();
  await row.getByTestId("member-handover").click();
  await expect(page.getByTestId("handed-over")).toContainText("You stay on as an organizer");
  await expect(page.getByTestId("member-row").filter({ hasText: rowan.name })).toContainText("owner");
  await expect(page.getByTestId("member-row").filter({ hasText: member.name })).toContainText("organizer");

  // The new owner is told.
  await rowan.page.goto("/notifications");
  await expect(rowan.page.getByText(`You're now the owner of ${groupName}`)).toBeVisible();

  // Now the old owner can delete their account; the group carries on with its new owner.
  await page.goto("/account");
  await page.getByTestId("delete-account").getByLabel("Your password, to confirm").fill(member.password);
  await page.getByTestId("delete-account-form-submit").click();
  await expect(page.getByTestId("account-deleted")).toBeVisible();
  await rowan.page.goto(`${groupPath}/manage`);
  await expect(rowan.page.getByTestId("member-row").filter({ hasText: member.name })).toHaveCount(0);
  await expect(rowan.page.getByTestId("member-row").filter({ hasText: rowan.name })).toContainText("owner");
});
