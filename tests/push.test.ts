import fs from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sendDuePushes } from "@/db/jobs/push-sender";
import { notify } from "@/db/mutations/notifications";
import { savePushChoices, savePushSubscription } from "@/db/mutations/push";
import { cancelRsvp, respondToActivity } from "@/db/mutations/rsvps";
import { pushDeliveries, pushSubscriptions, users } from "@/db/schema";
import { vapidKeys } from "@/lib/env";
import { makeActivity, makeGroup, makeUser, usingPostgres } from "./helpers/factories";
import { ownDatabaseForTheseTests } from "./helpers/own-database";
import { type PushService, startPushService, type TestSubscription } from "./helpers/push-service";

/*
 * Push notifications from the notice to the push service: a real push service of our own on
 * 127.0.0.1 (web-push-testing) gives out subscriptions, checks the VAPID signature and
 * decrypts each push, so what the tests read is what a browser would get.
 */

let service: PushService;
let publicKey: string;

beforeAll(async () => {
  service = await startPushService();
  publicKey = vapidKeys()!.publicKey;
});
afterAll(async () => {
  await service.close();
});
ownDatabaseForTheseTests("ct_push");

/** A browser of `userId` that turned push on: subscribed at the push service and kept by the hub. */
async function device(userId: string): Promise<TestSubscription & { id: string }> {
  const sub = await service.subscribe(publicKey);
  const saved = await savePushSubscription(userId, { endpoint: sub.endpoint, keys: sub.keys, browser: "Chrome", system: "Android" });
  return { ...sub, ...saved };
}

async function drain() {
  for (let i = 0; i < 5; i++) {
    await sendDuePushes();
    const db = await getDb();
    if ((await db.select({ id: pushDeliveries.id }).from(pushDeliveries).where(eq(pushDeliveries.status, "pending"))).length === 0) return;
  }
}

const payloads = async (sub: TestSubscription) => (await service.received(sub.clientHash)).map((m) => JSON.parse(m) as { title: string; body: string; url: string; tag: string });

async function waitlistPromotion(promoted: { id: string }) {
  const db = await getDb();
  const group = await makeGroup();
  const activity = await makeActivity(group.id, { capacity: 1, title: "Canal towpath litter pick" });
  const first = await makeUser();
  await respondToActivity(db, { activityId: activity.id, userId: first.id, status: "going" });
  await respondToActivity(db, { activityId: activity.id, userId: promoted.id, status: "going" });
  await cancelRsvp(db, { activityId: activity.id, userId: first.id });
  return activity;
}

describe("push notifications", () => {
  it("keeps its VAPID keys in the data folder, the same pair on every read", () => {
    const file = path.join(process.cwd(), ".data", "vapid-keys.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ publicKey, privateKey: vapidKeys()!.privateKey });
    expect(Buffer.from(publicKey, "base64url")).toHaveLength(65);
    expect(vapidKeys()!.subject).toBe("mailto:push@localhost");
  });

  it("a place off the waitlist reaches each of the member's devices once, saying only what kind of notice it is", async () => {
    const member = await makeUser({ name: "Priya Waiting" });
    const [phone, laptop] = [await device(member.id), await device(member.id)];
    const activity = await waitlistPromotion(member);

    // Two senders at once, then another pass: each device still gets the notice once.
    await Promise.all([sendDuePushes(), sendDuePushes()]);
    await drain();
    for (const sub of [phone, laptop]) {
      const got = await payloads(sub);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ title: "A place opened up for you", body: "Open Common Thread to see it.", url: `/activities/${activity.id}` });
      expect(JSON.stringify(got[0])).not.toContain("Canal towpath");
    }
    const db = await getDb();
    const rows = await db.select().from(pushDeliveries).where(inArray(pushDeliveries.subscriptionId, [phone.id, laptop.id]));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
    const [kept] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, phone.id));
    expect(kept.lastSuccessAt).toBeInstanceOf(Date);
  });

  it("with details allowed on the lock screen, the notice's own words are pushed", async () => {
    const member = await makeUser();
    const phone = await device(member.id);
    expect(await savePushChoices(member.id, phone.id, { kinds: ["waitlist"], showDetails: true })).toBe(true);
    const activity = await waitlistPromotion(member);
    await drain();
    const [got] = await payloads(phone);
    expect(got.title).toContain("Canal towpath litter pick");
    expect(got.url).toBe(`/activities/${activity.id}`);
  });

  it("a kind turned off for a device queues nothing for it, and kinds never pushed queue nothing at all", async () => {
    const member = await makeUser();
    const [phone, laptop] = [await device(member.id), await device(member.id)];
    await savePushChoices(member.id, laptop.id, { kinds: ["reminder", "answer"], showDetails: false });
    await waitlistPromotion(member);
    const db = await getDb();
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "task_claimed", title: "Someone took a task", href: "/projects" }));
    const rows = await db.select().from(pushDeliveries).where(inArray(pushDeliveries.subscriptionId, [phone.id, laptop.id]));
    expect(rows.map((r) => [r.subscriptionId, r.kind])).toEqual([[phone.id, "waitlist"]]);
  });

  it("a check-in nudge names no partner on a locked screen, in the member's own language", async () => {
    const member = await makeUser({ locale: "es" });
    const phone = await device(member.id);
    const db = await getDb();
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "partner_nudge", title: "Ana hasn't heard from you this week", href: "/me/partners" }));
    await drain();
    const [got] = await payloads(phone);
    expect(got).toMatchObject({ title: "Toca un check-in", body: "Abre Common Thread para verlo.", url: "/me/partners" });
    expect(JSON.stringify(got)).not.toContain("Ana");
  });

  it("a device the push service has forgotten (410 Gone) is removed, with what was waiting for it", async () => {
    const member = await makeUser();
    const [gone, kept] = [await device(member.id), await device(member.id)];
    await service.expire(gone.clientHash);
    const db = await getDb();
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "organizer_message", title: "Message about the walk", href: "/notifications" }));
    await drain();
    const left = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, member.id));
    expect(left.map((d) => d.id)).toEqual([kept.id]);
    expect(await db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, gone.id))).toEqual([]);
    expect((await payloads(kept)).map((p) => p.title)).toEqual(["A message from organizers"]);
  });

  it("a push service that keeps failing is tried again later, then the push is marked failed", async () => {
    const member = await makeUser();
    const db = await getDb();
    // The address answers nothing: connection refused on a loopback port nobody listens on.
    const [dead] = await db.insert(pushSubscriptions).values({ userId: member.id, endpoint: "http://127.0.0.1:9/push/nobody", p256dh: (await service.subscribe(publicKey)).keys.p256dh, auth: "c2VjcmV0c2VjcmV0c2VjcmV0" }).returning();
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "question_answered", title: "Organizers answered", href: "/me/questions" }));
    const first = await sendDuePushes({ backoffMs: 1 });
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await sendDuePushes({ backoffMs: 1, maxAttempts: 3 });
    }
    const [row] = await db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, dead.id));
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.lastError).toBeTruthy();
  });

  it("a suspended member's devices get nothing", async () => {
    const member = await makeUser();
    const phone = await device(member.id);
    const db = await getDb();
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, member.id));
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "reminder", title: "Tomorrow", href: "/activities" }));
    expect(await db.select().from(pushDeliveries).where(eq(pushDeliveries.subscriptionId, phone.id))).toEqual([]);
  });
});

describe.skipIf(!usingPostgres())("push notifications on PostgreSQL", () => {
  it("senders racing on many waiting pushes send each exactly once", async () => {
    const member = await makeUser();
    const devices = await Promise.all(Array.from({ length: 6 }, () => device(member.id)));
    const db = await getDb();
    for (let i = 0; i < 4; i++) await db.transaction((tx) => notify(tx, { userId: member.id, type: "organizer_message", title: `Message ${i}`, href: "/notifications" }));
    await Promise.all(Array.from({ length: 4 }, () => sendDuePushes({ limit: 5 })));
    await drain();
    for (const d of devices) expect(await service.received(d.clientHash)).toHaveLength(4);
  });
});
