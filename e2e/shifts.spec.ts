import { DESKTOP, expect, expectNoAxeViolations, PHONE, test } from "./fixtures";
import { newPerson, startGroup } from "./people";

/*
 * A volunteer day in time slots: the organizer adds slots through the organize page's form
 * (a wrong line comes back beside the field, quoted as text, with nothing saved), a member takes
 * one and sees it, a second waits for the full slot and moves up when the first leaves. The
 * pages with slots are checked with axe at a phone's and a desktop's width.
 */

const HOSTILE = `<img src=x onerror="document.body.dataset.pwned=1">"'&`;

test("an organizer splits a volunteer day into slots; members take them, wait for a full one and move up", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const organizer = await newPerson(browser, request, "Oda");
  const ama = await newPerson(browser, request, "Ama");
  const ben = await newPerson(browser, request, "Ben");
  const slug = await startGroup(organizer.page, `Food Bank Helpers ${Date.now().toString(36)}`);

  // A volunteer day from 09:00 to 13:00, with no limit of its own.
  const o = organizer.page;
  await o.goto(`/groups/${slug}/activities/new`);
  await o.getByLabel("Title").fill("Sorting day");
  await o.getByLabel("Place name").fill("The food bank");
  const start = await o.getByLabel("Starts").inputValue();
  await o.getByLabel("Starts").fill(start.replace(/T\d\d:\d\d/, "T09:00"));
  await o.getByLabel("Ends").fill(start.replace(/T\d\d:\d\d/, "T13:00"));
  await o.getByTestId("activity-submit").click();
  await expect(o.getByTestId("activity-title")).toHaveText("Sorting day");
  const activityUrl = new URL(o.url()).pathname;

  // A line that is no slot is refused beside the field, quoted as plain text, and kept to fix.
  await o.goto(`${activityUrl}/organize`);
  const slots = o.getByLabel("Time slots", { exact: true });
  await slots.fill(`09:00-11:00 1\n${HOSTILE}`);
  await o.getByTestId("slots-save").click();
  await expect(o.getByTestId("slots-error")).toContainText(`Line 2 (“${HOSTILE.slice(0, 40)}…”)`);
  await expect(slots).toHaveValue(`09:00-11:00 1\n${HOSTILE}`);
  expect(await o.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  // Overlapping slots are refused too, naming both lines.
  await slots.fill("09:00-11:00 1\n10:00-12:00");
  await o.getByTestId("slots-save").click();
  await expect(o.getByTestId("slots-error")).toContainText("overlap");
  await expect(o.getByTestId("slot-roster")).toHaveCount(0);

  await slots.fill("09:00-11:00 1\n11:00-13:00");
  await o.getByTestId("slots-save").click();
  await expect(o.getByTestId("slots-outcome")).toContainText("Saved: 2 time slots.");
  await o.reload();
  await expect(o.getByTestId("slot-roster")).toHaveCount(2);
  await expectNoAxeViolations(o, { widths: [PHONE, DESKTOP] });

  // Ama takes the morning slot and sees she is in it, and going.
  const a = ama.page;
  await a.goto(activityUrl);
  await expect(a.getByTestId("rsvp-slots-note")).toBeVisible();
  const morning = a.getByTestId("slot-row").first();
  await expect(morning).toContainText("09:00–11:00");
  await expect(morning.getByTestId("slot-places")).toHaveText("1 of 1 place left");
  await morning.getByTestId("slot-take").click();
  await expect(morning.getByTestId("slot-outcome")).toContainText("You're in the 09:00–11:00 slot.");
  await a.reload();
  await expect(a.getByTestId("slot-row").first().getByTestId("slot-mine")).toHaveText("You're in this slot.");
  await expect(a.getByTestId("slot-row").first().getByTestId("slot-places")).toHaveText("Full · its waitlist is open");
  await expectNoAxeViolations(a, { widths: [PHONE, DESKTOP] });

  // Ben finds it full and waits; when Ama leaves, the place is his at once.
  const b = ben.page;
  await b.goto(activityUrl);
  await b.getByTestId("slot-row").first().getByTestId("slot-take").click();
  await expect(b.getByTestId("slot-outcome")).toContainText("you're number 1 in its line");
  await a.getByTestId("slot-row").first().getByTestId("slot-leave").click();
  await expect(a.getByTestId("slot-outcome")).toContainText("You've left the 09:00–11:00 slot");
  await b.reload();
  await expect(b.getByTestId("slot-row").first().getByTestId("slot-mine")).toHaveText("You're in this slot.");

  // The organizer sees who is in each slot.
  await o.reload();
  await expect(o.getByTestId("slot-roster").first().getByTestId("slot-roster-going")).toContainText(ben.name);

  // A visitor sees the slots and is told they are for members.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(activityUrl);
  await expect(visitor.getByTestId("slots-members-only")).toBeVisible();
  await expect(visitor.getByTestId("slot-take")).toHaveCount(0);
});
