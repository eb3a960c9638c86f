import crypto from "node:crypto";
import { expect, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup } from "./people";

/*
 * An online circle's meeting link, as people meet it on the page: a visitor and a member who
 * has not said they are going read that the link appears once they RSVP; the moment the member
 * says they are going, the link is there; the organizer always sees it.
 */

test("an online activity's link is shown to the members going and the organizer, never to a visitor", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const link = `https://meet.example.org/circle-${crypto.randomBytes(4).toString("hex")}`;
  const organizer = await newPerson(browser, request, "Olu");
  const slug = await startGroup(organizer.page, `Evening Circle ${crypto.randomBytes(3).toString("hex")}`);
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const res = await request.post(`/api/groups/${slug}/activities`, {
    headers: await bearer(request, organizer),
    data: { kind: "hobby", title: "Tuesday evening circle", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 3600_000)), timezone: "Europe/London", onlineUrl: link, energyLevel: "low", talkLevel: "conversation" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).activity.id as string;
  const html = async (page: import("@playwright/test").Page) => page.content();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/activities/${id}`);
  await expect(visitor.getByTestId("online-link-hidden")).toHaveText("Online. The link appears once you RSVP.");
  await expect(visitor.getByTestId("online-link")).toHaveCount(0);
  expect(await html(visitor)).not.toContain("meet.example.org");

  const ada = await newPerson(browser, request, "Ada");
  await ada.page.goto(`/activities/${id}`);
  await expect(ada.page.getByTestId("online-link-hidden")).toBeVisible();
  expect(await html(ada.page)).not.toContain("meet.example.org");
  await ada.page.getByTestId("rsvp-going").click();
  await expect(ada.page.getByTestId("rsvp-state")).toHaveText("You're going.");
  await expect(ada.page.getByTestId("online-link")).toHaveText(`Online: ${link}`);
  await expect(ada.page.getByRole("link", { name: link })).toHaveAttribute("href", link);
  await ada.page.reload();
  await expect(ada.page.getByTestId("online-link")).toHaveText(`Online: ${link}`);

  await organizer.page.goto(`/activities/${id}`);
  await expect(organizer.page.getByTestId("online-link")).toHaveText(`Online: ${link}`);

  // The visitor's page, perhaps kept since, still has no link.
  await visitor.reload();
  await expect(visitor.getByTestId("online-link-hidden")).toBeVisible();
  expect(await html(visitor)).not.toContain("meet.example.org");
});
