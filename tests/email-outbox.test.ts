import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { enqueueEmail, setEmailPreference } from "@/db/mutations/email";
import { notify } from "@/db/mutations/notifications";
import { cancelRsvp, respondToActivity } from "@/db/mutations/rsvps";
import { emailOutbox, notifications } from "@/db/schema";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { makeActivity, makeGroup, makeUser } from "./helpers/factories";

async function outboxFor(userId: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
}

describe("email outbox", () => {
  it("a member moved off the waitlist is emailed, with absolute links and a working unsubscribe link", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 1 });
    const [first, second] = [await makeUser(), await makeUser()];
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: first.id, status: "going" });
    await respondToActivity(db, { activityId: activity.id, userId: second.id, status: "going" });
    expect(await outboxFor(second.id)).toHaveLength(0);
    await cancelRsvp(db, { activityId: activity.id, userId: first.id });
    const [mail] = await outboxFor(second.id);
    expect(mail).toMatchObject({ type: "waitlist_promoted", toAddress: second.email, activityId: activity.id });
    expect(mail.subject).toContain(activity.title);
    expect(mail.bodyText).toContain(`http://localhost:3000/activities/${activity.id}`);
    expect(mail.bodyHtml).toContain(`href="http://localhost:3000/activities/${activity.id}"`);
    const link = mail.bodyText.match(/http:\/\/localhost:3000\/unsubscribe\/(\S+)/);
    expect(link && verifyUnsubscribeToken(link[1])).toEqual({ userId: second.id, type: "waitlist_promoted" });
    // An RSVP confirmation is in-app only.
    expect((await outboxFor(first.id)).map((m) => m.type)).toEqual([]);
  });

  it("a change that rolls back leaves neither the notice nor the email", async () => {
    const member = await makeUser();
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { userId: member.id, type: "activity_cancelled", title: "Walk is cancelled", href: "/activities" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outboxFor(member.id)).toHaveLength(0);
    expect(await db.select().from(notifications).where(eq(notifications.userId, member.id))).toHaveLength(0);
  });

  it("the same cause enqueued twice (a retried change, two instances) is one email", async () => {
    const member = await makeUser();
    const db = await getDb();
    const input = { userId: member.id, type: "organizer_message" as const, data: { title: "Bring gloves", body: "It is muddy." }, dedupeKey: `test:${member.id}` };
    expect(await db.transaction((tx) => enqueueEmail(tx, input))).toBe(true);
    expect(await db.transaction((tx) => enqueueEmail(tx, input))).toBe(false);
    expect(await outboxFor(member.id)).toHaveLength(1);
  });

  it("a member who turned a kind of email off still gets the notice in-app, but no email", async () => {
    const member = await makeUser();
    const db = await getDb();
    await db.transaction((tx) => setEmailPreference(tx, member.id, "activity_cancelled", false));
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "activity_cancelled", title: "Walk is cancelled" }));
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "activity_changed", title: "Walk has changed" }));
    expect((await outboxFor(member.id)).map((m) => m.type)).toEqual(["activity_changed"]);
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, member.id)));
    expect(notes.map((n) => n.type).sort()).toEqual(["activity_cancelled", "activity_changed"]);
  });

  it("a password reset goes to the address even when no member is named, and cannot be turned off", async () => {
    const db = await getDb();
    const to = `someone-${Date.now()}@test.example`;
    await db.transaction((tx) => enqueueEmail(tx, { to, type: "password_reset", data: { url: "http://localhost:3000/reset/abc", expiresInMinutes: 30 }, dedupeKey: `reset:${to}` }));
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
    expect(mail.bodyText).toContain("http://localhost:3000/reset/abc");
    expect(mail.bodyText).not.toContain("/unsubscribe/");
  });
});
