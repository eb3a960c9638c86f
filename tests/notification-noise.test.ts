import { and, eq, inArray } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { composeEmail, sendDueEmails } from "@/db/jobs/email-sender";
import { CHANGE_EMAIL_DELAY_MS } from "@/db/mutations/activity-notices";
import { cancelActivity, createActivity, updateActivity } from "@/db/mutations/activities";
import { respondToActivity } from "@/db/mutations/rsvps";
import { activities, emailOutbox, notifications } from "@/db/schema";
import type { MailTransport, OutgoingEmail } from "@/lib/email/transport";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * One thing that happened is told once: no repeated "You're going", one message for a run of
 * cancelled dates, one email for edits made moments apart, and that email says what changed.
 * The emails are read back from the outbox.
 */

const noticesOf = async (userId: string, type: string) => {
  const db = await getDb();
  return db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, type)));
};
const emailsOf = async (userId: string, type: string) => {
  const db = await getDb();
  return db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.type, type)));
};

/** Makes these members' waiting emails due now and runs the sender until none of theirs is pending; returns what it sent them. */
async function sendNow(userIds: string[]): Promise<OutgoingEmail[]> {
  const db = await getDb();
  await db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(and(inArray(emailOutbox.userId, userIds), eq(emailOutbox.status, "pending")));
  const sent: OutgoingEmail[] = [];
  const transport: MailTransport = { kind: "smtp", from: "Common Thread <hello@thread.test>", send: async (email) => void sent.push(email) };
  for (let pass = 0; pass < 50; pass++) {
    await sendDueEmails(transport, { db });
    const pending = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(and(inArray(emailOutbox.userId, userIds), eq(emailOutbox.status, "pending")));
    if (pending.length === 0) break;
  }
  const addresses = (await db.select({ to: emailOutbox.toAddress }).from(emailOutbox).where(inArray(emailOutbox.userId, userIds))).map((r) => r.to);
  return sent.filter((e) => addresses.includes(e.to));
}

async function organizedActivity(overrides: Parameters<typeof makeActivity>[1] = {}) {
  const owner = await makeUser();
  const group = await makeGroup();
  await addMember(group.id, owner.id, "owner");
  // Whole minutes, as the editor's date-time fields hold them: Saturday 5 June 2027, 10:00–12:00 in London.
  const activity = await makeActivity(group.id, { title: "Riverside walk", placeName: "Community hall", startsAt: new Date("2027-06-05T09:00:00Z"), endsAt: new Date("2027-06-05T11:00:00Z"), ...overrides });
  const member = await makeUser();
  await respondToActivity(await getDb(), { activityId: activity.id, userId: member.id, status: "going" });
  return { owner, group, activity, member };
}

describe("telling people once", () => {
  it("going, then maybe, then going again gives one \"You're going\" notice", async () => {
    const { activity, member } = await organizedActivity();
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "maybe" });
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" });
    expect((await noticesOf(member.id, "rsvp_confirmed")).map((n) => n.title)).toEqual(["You're going to Riverside walk"]);
  });

  it("after being told something else about the activity, going again is confirmed again", async () => {
    const { owner, activity, member } = await organizedActivity();
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "maybe" });
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, placeName: "Old mill" }));
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" });
    expect(await noticesOf(member.id, "rsvp_confirmed")).toHaveLength(2);
  });

  it("cancelling this and the following dates of a series sends one notice and one email listing the dates", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await createActivity(owner, group.id, activityInputSchema.parse({
      kind: "walk", title: "Weekly loop", startsLocal: `${day}T10:00`, endsLocal: `${day}T11:00`, timezone: "Europe/London", placeName: "Gate", energyLevel: "low", talkLevel: "quiet", repeat: "weekly",
    }));
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const occurrences = (await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const regular = await makeUser();
    for (const o of occurrences.slice(0, 3)) await respondToActivity(db, { activityId: o.id, userId: regular.id, status: "going" });

    const result = await cancelActivity(owner, occurrences[0].id, "following");
    expect(result.ok && result.data.cancelled).toBe(occurrences.length);
    const notices = await noticesOf(regular.id, "activity_cancelled");
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toBe("Weekly loop is cancelled on 3 dates");
    const emails = await emailsOf(regular.id, "activity_cancelled");
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe("Weekly loop is cancelled on 3 dates");
    const listed = emails[0].bodyText.split("\n").filter((l) => l.startsWith("- "));
    expect(listed).toHaveLength(3);
  });

  it("two edits a moment apart send one email, which says the time before and after", async () => {
    const { owner, activity, member } = await organizedActivity();
    const values = activityToFormValues(activity);
    const before = Date.now();
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, startsLocal: "2027-06-05T11:00", endsLocal: "2027-06-05T13:00" }));
    await new Promise((r) => setTimeout(r, 25));
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, startsLocal: "2027-06-05T11:30", endsLocal: "2027-06-05T13:30", placeName: "Old mill" }));

    const emails = await emailsOf(member.id, "activity_changed");
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email.subject).toBe("Riverside walk has changed");
    expect(email.bodyText).toContain("The time and place have changed.");
    expect(email.bodyText).toContain("Time: Sat 5 Jun 2027, 10:00–12:00 (BST) → Sat 5 Jun 2027, 11:30–13:30 (BST)");
    expect(email.bodyText).toContain("Place: Community hall → Old mill");
    // It waits a moment for further edits, so it describes the net change.
    expect(email.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + CHANGE_EMAIL_DELAY_MS - 1000);
    // The in-app notices say what each edit changed.
    const notices = (await noticesOf(member.id, "activity_changed")).map((n) => n.body).sort();
    expect(notices).toHaveLength(2);
    expect(notices.join("\n")).toContain("Time: Sat 5 Jun 2027, 10:00–12:00 (BST) → Sat 5 Jun 2027, 11:00–13:00 (BST)");
  });

  it("an edit undone a moment later sends no email", async () => {
    const { owner, activity, member } = await organizedActivity();
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, placeName: "Old mill" }));
    await updateActivity(owner, activity.id, activityInputSchema.parse(values));
    expect(await emailsOf(member.id, "activity_changed")).toHaveLength(0);
  });

  it("an edit after the first email went out is a new email about that edit alone", async () => {
    const { owner, activity, member } = await organizedActivity();
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, placeName: "Old mill" }));
    const db = await getDb();
    await db.update(emailOutbox).set({ status: "sent", attempts: 1, sentAt: new Date() }).where(eq(emailOutbox.userId, member.id));
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, placeName: "Library" }));
    const bodies = (await emailsOf(member.id, "activity_changed")).map((e) => e.bodyText.split("\n").find((l) => l.startsWith("Place: "))).sort();
    expect(bodies).toEqual(["Place: Community hall → Old mill", "Place: Old mill → Library"]);
  });

  it("a change email still waiting when the activity is cancelled is withdrawn: the cancellation is the last word", async () => {
    const { owner, activity, member } = await organizedActivity();
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, startsLocal: "2027-06-05T19:00", endsLocal: "2027-06-05T21:00" }));
    expect(await emailsOf(member.id, "activity_changed")).toHaveLength(1);
    expect((await cancelActivity(owner, activity.id)).ok).toBe(true);

    expect(await emailsOf(member.id, "activity_changed")).toHaveLength(0);
    const sent = await sendNow([member.id]);
    expect(sent.map((e) => e.subject)).toEqual(["Riverside walk is cancelled"]);
  });

  it("a change email a sender had already taken is not sent once the activity is cancelled", async () => {
    const { owner, activity, member } = await organizedActivity();
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, startsLocal: "2027-06-05T19:00", endsLocal: "2027-06-05T21:00" }));
    // A sender claimed it and stalled past its lease, so the cancellation cannot take it back.
    const db = await getDb();
    await db.update(emailOutbox).set({ attempts: 1 }).where(and(eq(emailOutbox.userId, member.id), eq(emailOutbox.type, "activity_changed")));
    expect((await cancelActivity(owner, activity.id)).ok).toBe(true);

    const sent = await sendNow([member.id]);
    expect(sent.map((e) => e.subject)).toEqual(["Riverside walk is cancelled"]);
    expect(await emailsOf(member.id, "activity_changed")).toHaveLength(0);
  });

  it("someone who stopped coming while the change email waited does not get it; someone still coming does", async () => {
    const { owner, activity, member } = await organizedActivity();
    const stays = await makeUser();
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: stays.id, status: "going" });
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, placeName: "Old mill" }));
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "not_going" });

    const sent = await sendNow([member.id, stays.id]);
    expect(sent.map((e) => [e.to, e.subject])).toEqual([[stays.email, "Riverside walk has changed"]]);
    expect(await emailsOf(member.id, "activity_changed")).toHaveLength(0);
  });

  it("a change email about an activity deleted while it waited is not sent", async () => {
    const { owner, activity, member } = await organizedActivity();
    const values = activityToFormValues(activity);
    await updateActivity(owner, activity.id, activityInputSchema.parse({ ...values, placeName: "Old mill" }));
    const db = await getDb();
    await db.delete(activities).where(eq(activities.id, activity.id));

    expect(await sendNow([member.id])).toEqual([]);
    expect(await emailsOf(member.id, "activity_changed")).toHaveLength(0);
  });

  it("a change to this and the following dates still reaches someone coming only to a later date", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const input = { kind: "walk", title: "Weekly loop", startsLocal: `${day}T10:00`, endsLocal: `${day}T11:00`, timezone: "Europe/London", placeName: "Gate", energyLevel: "low", talkLevel: "quiet", repeat: "weekly" };
    const created = await createActivity(owner, group.id, activityInputSchema.parse(input));
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const occurrences = (await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const later = await makeUser();
    await respondToActivity(db, { activityId: occurrences[1].id, userId: later.id, status: "going" });
    const values = activityToFormValues(occurrences[0]);
    expect((await updateActivity(owner, occurrences[0].id, activityInputSchema.parse({ ...values, placeName: "Old mill" }), "following")).ok).toBe(true);

    const sent = await sendNow([later.id]);
    expect(sent.map((e) => e.subject)).toEqual(["Weekly loop has changed"]);
    expect(sent[0].text).toContain("Place: Gate → Old mill");
  });

  it("the one email for several cancelled dates takes each of them out of the recipient's calendar", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const input = { kind: "walk", title: "Weekly loop", startsLocal: `${day}T10:00`, endsLocal: `${day}T11:00`, timezone: "Europe/London", placeName: "Gate", energyLevel: "low", talkLevel: "quiet", repeat: "weekly" };
    const created = await createActivity(owner, group.id, activityInputSchema.parse(input));
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const occurrences = (await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(occurrences.length).toBeGreaterThan(3);
    const regular = await makeUser();
    // Going to the 2nd, 3rd and 4th dates, not to the 1st or the 5th on.
    const theirs = occurrences.slice(1, 4);
    for (const o of theirs) await respondToActivity(db, { activityId: o.id, userId: regular.id, status: "going" });
    const sequences = new Map((await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!))).map((a) => [a.id, a.sequence]));

    expect((await cancelActivity(owner, occurrences[0].id, "following")).ok).toBe(true);
    const [row] = await emailsOf(regular.id, "activity_cancelled");
    const email = await composeEmail(row, "Common Thread <hello@thread.test>", db);

    expect(email.attachments).toHaveLength(1);
    const [ics] = email.attachments;
    expect(ics.contentType).toContain("method=CANCEL");
    const root = new ICAL.Component(ICAL.parse(ics.content));
    expect(root.getFirstPropertyValue("method")).toBe("CANCEL");
    const events = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(theirs.map((o) => `${o.id}@common-thread`));
    for (const [i, e] of events.entries()) {
      expect(e.component.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(e.sequence).toBe(sequences.get(theirs[i].id)! + 1);
      expect(e.startDate.toJSDate().getTime()).toBe(theirs[i].startsAt.getTime());
      expect(e.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${regular.email}`]);
    }
  });
});
