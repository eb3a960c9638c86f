import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { composeEmail } from "@/db/jobs/email-sender";
import { blockMember } from "@/db/mutations/blocks";
import { setEmailPreference } from "@/db/mutations/email";
import { announceToGroup, messageActivityList } from "@/db/mutations/messages";
import { recordMemberWalkIn } from "@/db/mutations/walk-ins";
import { emailOutbox, guestRsvps, memberships, notifications, rsvps, users } from "@/db/schema";
import { smtpTransport } from "@/lib/email/transport";
import { messageListAction } from "@/app/activities/[id]/organize/walk-in-actions";
import { announceToGroupAction } from "@/app/groups/[slug]/manage/announce-actions";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { actAs } from "./helpers/session";
import { mimePart, startSmtpServer } from "./helpers/smtp";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

async function noticesOf(ids: string[], type = "organizer_message") {
  const db = await getDb();
  return db.select().from(notifications).where(and(inArray(notifications.userId, ids), eq(notifications.type, type)));
}

async function emailsTo(ids: string[]) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(inArray(emailOutbox.userId, ids), eq(emailOutbox.type, "organizer_message")));
}

/** A public group with an organizer and one member on each list of an activity. */
async function town() {
  const group = await makeGroup({ visibility: "public" });
  const organizer = await makeUser({ name: "Olu Organizer" });
  await addMember(group.id, organizer.id, "organizer");
  const [going, maybe, waiting, quiet] = [await makeUser({ name: "Gia Going" }), await makeUser({ name: "May Maybe" }), await makeUser({ name: "Wes Waiting" }), await makeUser({ name: "Quin Quiet" })];
  for (const m of [going, maybe, waiting, quiet]) await addMember(group.id, m.id);
  const activity = await makeActivity(group.id);
  const db = await getDb();
  await db.insert(rsvps).values([
    { activityId: activity.id, userId: going.id, status: "going" as const },
    { activityId: activity.id, userId: maybe.id, status: "maybe" as const },
    { activityId: activity.id, userId: waiting.id, status: "waitlisted" as const },
  ]);
  return { group, organizer, activity, going, maybe, waiting, quiet, everyone: [organizer.id, going.id, maybe.id, waiting.id, quiet.id] };
}

beforeEach(() => actAs(null));

describe("messages to a list", () => {
  it("each list reaches only its own people, each on their own, and says how many", async () => {
    const t = await town();
    for (const [audience, who] of [["going", t.going], ["maybe", t.maybe], ["waitlist", t.waiting]] as const) {
      const result = await messageActivityList({ activityId: t.activity.id, actorId: t.organizer.id, audience, message: `For the ${audience} list` });
      expect(result).toEqual({ ok: true, sent: 1 });
      const got = (await noticesOf(t.everyone)).filter((n) => n.body === `For the ${audience} list`);
      expect(got.map((n) => n.userId)).toEqual([who.id]);
      // Nothing in the notice names anyone else who got it.
      expect(got[0].title).toBe(`Message about ${t.activity.title}`);
    }
  });

  it("members who walked in get a message sent to the walk-ins, and every member of the group gets one sent to the group", async () => {
    const t = await town();
    const started = await makeActivity(t.group.id, { startsInHours: -1 });
    expect((await recordMemberWalkIn({ activityId: started.id, actorId: t.organizer.id, userId: t.quiet.id })).ok).toBe(true);
    expect(await messageActivityList({ activityId: started.id, actorId: t.organizer.id, audience: "walk_ins", message: "Thanks for coming" })).toEqual({ ok: true, sent: 1 });
    expect((await noticesOf(t.everyone)).filter((n) => n.body === "Thanks for coming").map((n) => n.userId)).toEqual([t.quiet.id]);

    const result = await messageActivityList({ activityId: t.activity.id, actorId: t.organizer.id, audience: "group", message: "Everyone welcome" });
    // Four members; the organizer who wrote it is not sent their own message.
    expect(result).toEqual({ ok: true, sent: 4 });
    expect((await noticesOf(t.everyone)).filter((n) => n.body === "Everyone welcome").map((n) => n.userId).sort()).toEqual([t.going.id, t.maybe.id, t.waiting.id, t.quiet.id].sort());
  });

  it("an announcement reaches active members only: not pending or banned ones, not the suspended, and nobody with a block either way", async () => {
    const t = await town();
    const db = await getDb();
    await db.update(memberships).set({ status: "pending" }).where(and(eq(memberships.groupId, t.group.id), eq(memberships.userId, t.maybe.id)));
    await db.update(memberships).set({ status: "banned" }).where(and(eq(memberships.groupId, t.group.id), eq(memberships.userId, t.waiting.id)));
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, t.quiet.id));
    const blocker = await makeUser();
    await addMember(t.group.id, blocker.id);
    await blockMember(blocker.id, t.organizer.id);

    expect(await announceToGroup({ groupId: t.group.id, actorId: t.organizer.id, message: "Picnic on Sunday" })).toEqual({ ok: true, sent: 1 });
    const told = await noticesOf([...t.everyone, blocker.id]);
    expect(told.map((n) => n.userId)).toEqual([t.going.id]);
    expect(told[0]).toMatchObject({ title: `Announcement from ${t.group.name}`, href: `/groups/${t.group.slug}` });
  });

  it("is refused to anyone who doesn't organize the group, and nothing is sent", async () => {
    const t = await town();
    expect(await announceToGroup({ groupId: t.group.id, actorId: t.going.id, message: "Hello all" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await messageActivityList({ activityId: t.activity.id, actorId: t.going.id, audience: "group", message: "Hello all" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await noticesOf(t.everyone)).filter((n) => n.body === "Hello all")).toEqual([]);
  });

  it("emails each member on their own as their preferences allow; unconfirmed addresses get none", async () => {
    const t = await town();
    const db = await getDb();
    await setEmailPreference(db, t.maybe.id, "organizer_message", false);
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, t.waiting.id));
    await announceToGroup({ groupId: t.group.id, actorId: t.organizer.id, message: "A note for all" });
    const emails = await emailsTo(t.everyone);
    expect(emails.map((e) => e.userId).sort()).toEqual([t.going.id, t.quiet.id].sort());
    for (const e of emails) {
      expect(e.toAddress).toBe(e.userId === t.going.id ? t.going.email : t.quiet.email);
      // Nobody else's name or address is in it.
      for (const other of [t.going, t.quiet, t.maybe, t.waiting].filter((o) => o.id !== e.userId)) {
        expect(e.bodyText).not.toContain(other.email);
        expect(e.bodyText).not.toContain(other.name);
      }
    }
    // In-app notices still reach the member who turned the emails off.
    expect((await noticesOf([t.maybe.id])).map((n) => n.body)).toEqual(["A note for all"]);
  });

  it("confirmed guests going are emailed a message to those going, but not one to the maybe list", async () => {
    const t = await town();
    const db = await getDb();
    const address = `guest-${Date.now().toString(36)}@lists.example`;
    await db.insert(guestRsvps).values({ activityId: t.activity.id, email: address, firstName: "Gus", status: "going", confirmedAt: new Date() });
    expect(await messageActivityList({ activityId: t.activity.id, actorId: t.organizer.id, audience: "going", message: "See you there" })).toEqual({ ok: true, sent: 2 });
    expect(await messageActivityList({ activityId: t.activity.id, actorId: t.organizer.id, audience: "maybe", message: "Still hoping" })).toEqual({ ok: true, sent: 1 });
    const guestMail = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
    expect(guestMail).toHaveLength(1);
    expect(guestMail[0].bodyText).toContain("See you there");
  });

  it("an announcement arrives by SMTP addressed to one member alone", async () => {
    const t = await town();
    const smtp = await startSmtpServer();
    try {
      await announceToGroup({ groupId: t.group.id, actorId: t.organizer.id, message: "Bring gloves on Saturday" });
      const [row] = (await emailsTo([t.going.id])).filter((e) => e.bodyText.includes("Bring gloves"));
      const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "Common Thread <hello@thread.test>");
      await transport.send(await composeEmail(row, transport.from));
      const mail = smtp.received.find((m) => m.to.includes(t.going.email))!;
      expect(mail.to).toEqual([t.going.email]);
      expect(mail.headers.get("subject")).toBe(`Announcement from ${t.group.name}`);
      expect(mail.headers.get("cc")).toBeUndefined();
      expect(mail.headers.get("bcc")).toBeUndefined();
      const text = mimePart(mail.raw, "text/plain")?.body ?? "";
      expect(text).toContain("Bring gloves on Saturday");
      expect(row.bodyText.replace(/\s+/g, " ")).toContain("you're a member of this group and its organizers wrote to its members");
      for (const other of [t.maybe, t.waiting, t.quiet]) expect(mail.raw).not.toContain(other.email);
      expect(mail.headers.get("list-unsubscribe")).toContain("/api/unsubscribe/");
    } finally {
      await smtp.close();
    }
  });
});

describe("messages from the forms", () => {
  it("say how many people it went to, keep a bad message beside the field, and slow down an organizer sending a great many", async () => {
    const t = await town();
    actAs(t.organizer);
    const empty = await messageListAction(null, form({ activityId: t.activity.id, audience: "going", message: "  " }));
    expect(empty).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { message: "Write a message." } });
    const sent = await messageListAction(null, form({ activityId: t.activity.id, audience: "group", message: "Hello everyone" }));
    expect(sent).toMatchObject({ ok: true, data: { message: "Sent to 4 people (every member of the group). Each got it on their own." } });
    const announced = await announceToGroupAction(t.group.id, t.group.slug, null, form({ message: "Group news" }));
    expect(announced).toMatchObject({ ok: true, data: { message: "Sent to 4 members. Each got it on their own." } });
    let last: Awaited<ReturnType<typeof announceToGroupAction>> = null;
    for (let i = 0; i < 10; i++) last = await announceToGroupAction(t.group.id, t.group.slug, null, form({ message: `News ${i}` }));
    expect(last).toMatchObject({ ok: false, code: "rate_limited", values: { message: "News 9" } });
    expect(last && !last.ok ? last.message : "").toMatch(/^You've sent a lot of messages to lists in the last hour\. Please take a breather and try again in \d+ minutes\.$/);
    expect((await noticesOf([t.going.id])).filter((n) => n.body === "News 9")).toEqual([]);
  });
});
