import crypto from "node:crypto";
import { startPushService, type TestSubscription } from "../tests/helpers/push-service";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { newPerson, startGroup } from "./people";

// Push needs the service worker (playwright.config.ts blocks workers for the other specs).
test.use({ serviceWorkers: "allow" });

/*
 * Push notifications end to end. The hub's half is real: the member's browser subscribes with
 * the hub's VAPID key, an organizer's announcement writes the push, the job runner encrypts,
 * signs and sends it to a push service, here one of our own on 127.0.0.1 (web-push-testing),
 * which checks the signature and decrypts it as a browser would. Chromium's own push service
 * is on the internet, out of reach of the tests, so two steps stand in for it: the browser's
 * pushManager.subscribe asks our push service for the subscription, and the push our service
 * received is handed to the page's service worker through the DevTools protocol
 * (ServiceWorker.deliverPushMessage), as Chromium's push service would hand it over. The
 * service worker (public/sw-push.js) then shows the notification, read back with
 * registration.getNotifications().
 */

test.describe.configure({ timeout: 180_000 });

/** In the page: pushManager.subscribe and getSubscription answered by our push service (through `subscribeAtTestPushService`). */
function subscribeThroughTestService() {
  const KEY = "test-push-subscription";
  const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  type Json = { endpoint: string; keys: { p256dh: string; auth: string } };
  const subscription = (json: Json, key: ArrayBuffer | null) => ({
    endpoint: json.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: key },
    getKey: () => null,
    toJSON: () => ({ endpoint: json.endpoint, expirationTime: null, keys: json.keys }),
    unsubscribe: async () => {
      localStorage.removeItem(KEY);
      return true;
    },
  });
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const key = new Uint8Array(options!.applicationServerKey as ArrayBuffer);
    const json = (await (window as unknown as { subscribeAtTestPushService: (key: string) => Promise<Json> }).subscribeAtTestPushService(base64url(key))) as Json;
    localStorage.setItem(KEY, JSON.stringify(json));
    return subscription(json, key.buffer as ArrayBuffer) as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async function () {
    const kept = localStorage.getItem(KEY);
    return kept ? (subscription(JSON.parse(kept) as Json, null) as unknown as PushSubscription) : null;
  };
}

test("a member turns push on for this browser, and an organizer's announcement pops up saying only that organizers sent a message", async ({ browser, request, baseURL }) => {
  const service = await startPushService();
  try {
    const olu = await newPerson(browser, request, "Olu");
    const slug = await startGroup(olu.page, `Canal Walkers ${crypto.randomBytes(3).toString("hex")}`);
    const kit = await newPerson(browser, request, "Kit", { permissions: ["notifications"] });
    const page = kit.page;
    await page.goto(`/groups/${slug}`);
    await page.getByTestId("accept-agreements").check();
    await page.getByTestId("join-group").click();
    await expect(page.getByTestId("membership-status")).toContainText("You're a member");

    // Turning it on from the account page.
    let subscribed: TestSubscription | undefined;
    await page.exposeFunction("subscribeAtTestPushService", async (key: string) => (subscribed = await service.subscribe(key)));
    await page.addInitScript(subscribeThroughTestService);
    await page.goto("/account");
    await page.getByTestId("push-settings-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Push notifications");
    await expect(page.getByTestId("push-device-status")).toHaveText("Push notifications are off for this device.");
    await page.getByTestId("push-turn-on").click();
    await expect(page.getByTestId("push-device-result")).toHaveText("Push notifications are on for this device.");
    await expect(page.getByTestId("push-device")).toHaveCount(1);
    await expect(page.getByTestId("push-device")).toContainText("Chrome");
    await expect(page.getByTestId("push-kind-organizer_message")).toBeChecked();
    await expect(page.getByTestId("push-details-off")).toBeChecked();
    expect(subscribed?.endpoint).toContain(service.origin);
    await expectNoAxeViolations(page);

    // After a reload the page knows this browser is on.
    await page.reload();
    await expect(page.getByTestId("push-device-status")).toHaveText("Push notifications are on for this device.");
    await expect(page.getByTestId("push-turn-off")).toBeVisible();

    // The organizer's announcement.
    await olu.page.goto(`/groups/${slug}/manage`);
    await olu.page.getByTestId("announcement").fill("Towpath closed at the lock on Saturday, meet at the bridge.");
    await olu.page.getByTestId("announce").getByRole("button", { name: "Send to the group" }).click();
    await expect(olu.page.getByTestId("announce-outcome")).toHaveText("Sent to 1 member. Each got it on their own.");

    // The push reached the push service, signed with the hub's key and decrypted there: it names nothing.
    await expect.poll(async () => (await service.received(subscribed!.clientHash)).length, { timeout: 30_000 }).toBe(1);
    const [delivered] = await service.received(subscribed!.clientHash);
    const payload = JSON.parse(delivered) as { title: string; body: string; url: string };
    expect(payload).toMatchObject({ title: "A message from organizers", body: "Open Common Thread to see it." });
    expect(delivered).not.toContain("Towpath");

    // Handed to the service worker as Chromium's push service would: it shows the notification.
    const cdp = await page.context().newCDPSession(page);
    const registered = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const live = registrations.find((r) => !r.isDeleted && r.scopeURL === `${baseURL}/`);
        if (live) resolve(live.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    const registrationId = await registered;
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: baseURL!, registrationId, data: delivered });
    const shown = () =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url })));
    await expect.poll(shown, { timeout: 15_000 }).toEqual([{ title: "A message from organizers", body: "Open Common Thread to see it.", url: payload.url }]);
    // The same push again (a retried send) replaces the notification rather than adding one.
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: baseURL!, registrationId, data: delivered });
    await page.waitForTimeout(500);
    expect(await shown()).toHaveLength(1);

    // Turned off on this device: the hub forgets it.
    await page.getByTestId("push-turn-off").click();
    await expect(page.getByTestId("push-device-result")).toHaveText("Turned off for this device.");
    await expect(page.getByTestId("push-device")).toHaveCount(0);
  } finally {
    await service.close();
  }
});
