import crypto from "node:crypto";
import sharp from "sharp";
import { XSS_PAYLOADS } from "../tests/fixtures/hostile-text";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { bearer, londonLocal, newPerson, startGroup } from "./people";

/*
 * An organizer puts a cover on an activity from its page (a JPEG made here carrying a GPS
 * position in its EXIF: every width fetched back has none), the activity names its host with
 * initials and bio, and a member asks the organizers a private question, which the organizer
 * answers from the group's inbox and the member reads under My questions. Nobody else sees it.
 */

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 70, g: 150, b: 100 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "ZqCameraMaker" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
    .toBuffer();
}

test("a cover loses its GPS position, the host is named, and a question is asked and answered privately", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const olu = await newPerson(browser, request, "Olu");
  const slug = await startGroup(olu.page, `Riverside Pals ${crypto.randomBytes(3).toString("hex")}`);
  const auth = await bearer(request, olu);
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const created = await request.post(`/api/groups/${slug}/activities`, {
    headers: auth,
    data: { kind: "walk", title: "Gentle river walk", startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", placeName: "The old bridge", energyLevel: "low", talkLevel: "some_chat", firstTimerFriendly: true },
  });
  expect(created.status()).toBe(201);
  const activityId = (await created.json()).activity.id as string;

  // The organizer adds a cover from the activity's page.
  await olu.page.goto(`/activities/${activityId}`);
  await olu.page.getByText("Add a cover picture").click();
  const original = await jpegWithGps();
  expect((await sharp(original).metadata()).exif?.includes("ZqCameraMaker")).toBe(true);
  await olu.page.getByTestId("cover-file").setInputFiles({ name: "river.jpg", mimeType: "image/jpeg", buffer: original });
  // Without a description it is refused, and says why.
  await olu.page.getByTestId("cover-submit").click();
  await expect(olu.page.getByTestId("cover-outcome")).toContainText("Describe the picture");
  await olu.page.getByTestId("cover-alt").fill("Walkers crossing the old bridge over the river");
  await olu.page.getByTestId("cover-submit").click();
  await expect(olu.page.getByTestId("cover-outcome")).toContainText("Saved");
  const cover = olu.page.getByTestId("cover-picture");
  await expect(cover).toHaveAttribute("alt", "Walkers crossing the old bridge over the river");
  const srcset = (await cover.getAttribute("srcset")) ?? "";
  const urls = srcset.split(",").map((part) => part.trim().split(" ")[0]).filter(Boolean);
  expect(urls.length).toBeGreaterThan(1);
  for (const url of urls) {
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/webp");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["cache-control"]).toContain("immutable");
    const body = await res.body();
    const meta = await sharp(body).metadata();
    expect(meta.exif, `${url} carries EXIF`).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(body.includes("ZqCameraMaker")).toBe(false);
  }
  // An SVG is refused whatever it is called.
  await olu.page.getByTestId("cover-file").setInputFiles({ name: "map.jpg", mimeType: "image/jpeg", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><script>alert(1)</script></svg>') });
  await olu.page.getByTestId("cover-alt").fill("A map");
  await olu.page.getByTestId("cover-submit").click();
  await expect(olu.page.getByTestId("cover-outcome")).toContainText("Only JPEG, PNG and WebP");

  // A member sees the cover, the host with initials, and asks privately.
  const mia = await newPerson(browser, request, "Mia");
  await mia.page.goto(`/activities/${activityId}`);
  await expect(mia.page.getByTestId("cover-picture")).toBeVisible();
  const host = mia.page.getByTestId("activity-host");
  await expect(host).toContainText(olu.name);
  await expect(host.getByTestId("avatar-initials")).toHaveText("O" + olu.name.split(" ")[1][0].toUpperCase());
  await expect(mia.page.getByTestId("ask-organizers")).toContainText("Is it OK if I come on my own?");
  await expectNoAxeViolations(mia.page);
  const question = `Is there somewhere to sit on the way? ${crypto.randomBytes(3).toString("hex")}`;
  await mia.page.getByTestId("ask-body").fill(question);
  await mia.page.getByTestId("ask-submit").click();
  await expect(mia.page.getByTestId("ask-form-outcome")).toContainText("Only the group's organizers can read it");

  // The organizer is told, reads it in the group's inbox and replies.
  await olu.page.goto("/notifications");
  await expect(olu.page.getByText("A member asked a question about Gentle river walk")).toBeVisible();
  await expect(olu.page.locator("body")).not.toContainText(question);
  await olu.page.goto(`/groups/${slug}/questions`);
  await expectNoAxeViolations(olu.page);
  await olu.page.getByRole("link", { name: `${mia.name} about Gentle river walk` }).click();
  await expect(olu.page.getByTestId("question-thread")).toContainText(question);
  await olu.page.getByTestId("reply-body").fill("Yes: benches every half mile, and we stop often.");
  await olu.page.getByTestId("reply-submit").click();
  await expect(olu.page.getByTestId("reply-form-outcome")).toContainText("Sent to the member who asked");

  // The member reads the reply under My questions.
  await mia.page.goto("/me/questions");
  await expect(mia.page.getByTestId("my-questions")).toContainText("the organizers replied");
  await mia.page.getByRole("link", { name: "Gentle river walk" }).click();
  await expect(mia.page.getByTestId("question-thread")).toContainText("benches every half mile");
  await expectNoAxeViolations(mia.page);
  const threadUrl = new URL(mia.page.url()).pathname;

  // Nobody else reads it: another member gets the not-found page at its address.
  const kit = await newPerson(browser, request, "Kit");
  const other = await kit.page.goto(threadUrl);
  expect(other?.status()).toBe(404);
  const inbox = await kit.page.goto(`/groups/${slug}/questions`);
  expect(inbox?.status()).toBe(403);

  // Hostile words in a question and a reply are shown as text in the thread, and nothing in them runs.
  const ran: string[] = [];
  olu.page.on("dialog", (d) => {
    ran.push(d.message());
    void d.dismiss();
  });
  await mia.page.getByTestId("reply-body").fill(XSS_PAYLOADS.slice(0, 6).join("\n"));
  await mia.page.getByTestId("reply-submit").click();
  await expect(mia.page.getByTestId("reply-form-outcome")).toContainText("Sent to the organizers");
  await olu.page.goto(`/groups/${slug}/questions`);
  await olu.page.getByRole("link", { name: `${mia.name} about Gentle river walk` }).click();
  await expect(olu.page.getByTestId("question-message")).toHaveCount(3);
  expect(await olu.page.locator("[data-pwned], iframe, a[href^='javascript:' i]").count()).toBe(0);
  expect(ran).toEqual([]);
});

test("a member's photo replaces their initials, and the group page lists its organizers", async ({ browser, request }) => {
  const ada = await newPerson(browser, request, "Ada");
  const slug = await startGroup(ada.page, `Sketch Club ${crypto.randomBytes(3).toString("hex")}`);
  await ada.page.goto("/account");
  const photo = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#a05a2c" } }).png().toBuffer();
  await ada.page.getByTestId("photo-file").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo });
  await ada.page.getByTestId("photo-submit").click();
  await expect(ada.page.getByTestId("photo-outcome")).toContainText("Saved");
  await expect(ada.page.getByTestId("photo-section").getByTestId("avatar-photo")).toBeVisible();
  await expectNoAxeViolations(ada.page);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/groups/${slug}`);
  const organizers = visitor.getByTestId("group-organizers");
  await expect(organizers).toContainText(ada.name);
  await expect(organizers).toContainText("owner");
  await expect(organizers.getByTestId("avatar-photo")).toBeVisible();
  await expect(visitor.getByTestId("ask-organizers")).toContainText("Sign in");
  await expectNoAxeViolations(visitor);
});
