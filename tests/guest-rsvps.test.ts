import { and, desc, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  adoptGuestRsvps,
  cancelGuestRsvp,
  confirmGuestRsvp,
  forgetGuestsOfEndedActivities,
  readGuestLink,
  releaseExpiredGuestHolds,
  renameGuestRsvp,
  requestGuestRsvp,
} from "@/db/mutations/guest-rsvps";
import { updateGroup } from "@/db/mutations/groups";
import { messageActivityList } from "@/db/mutations/messages";
import { cancelRsvp, respondToActivity } from "@/db/mutations/rsvps";
import { sendDueReminders } from "@/db/jobs/reminders";
import { activities, emailOutbox, guestRsvps, notifications, rsvps } from "@/db/schema";
import { filledInTime, formShownToken, guestLinkToken, MIN_FILL_MS, readGuestLinkToken } from "@/lib/guest-links";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

const db = () => getDb();
let n = 0;
const email = (name = "guest") => `${name}-${Date.now()}-${++n}@example.org`;

async function counts(activityId: string) {
  const [a] = await (await db()).select().from(activities).where(eq(activities.id, activityId));
  return { going: a.goingCount, waitlist: a.waitlistCount };
}

/** The token in the latest email of `prefix` sent to `to` (confirm or manage link). */
async function linkIn(to: string, kind: "confirm" | "manage"): Promise<string> {
  const [row] = await (await db())
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.bodyText, `%/guest/${kind}/%`)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  expect(row, `an email with a ${kind} link to ${to}`).toBeDefined();
  return row.bodyText.match(new RegExp(`/guest/${kind}/([A-Za-z0-9_.-]+)`))![1];
}

async function guestGoing(activityId: string, address = email(), firstName = "Robin") {
  const asked = await requestGuestRsvp(await db(), { activityId, email: address, firstName });
  expect(asked.ok).toBe(true);
  const confirmed = await confirmGuestRsvp(await db(), await linkIn(address, "confirm"));
  expect(confirmed.ok).toBe(true);
  return { address, manage: await linkIn(address, "manage") };
}

describe("guest RSVPs", () => {
  it("a visitor's RSVP holds a place, emails a confirmation link, and is theirs once confirmed, with the calendar entry and a manage link", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 3 });
    const address = email("ana");
    const asked = await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Ana" });
    expect(asked).toMatchObject({ ok: true, place: { status: "going", confirmed: false } });
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
    const token = await linkIn(address, "confirm");
    expect((await readGuestLink("confirm", token))?.place).toEqual({ status: "going", confirmed: false });
    const confirmed = await confirmGuestRsvp(await db(), token);
    expect(confirmed).toMatchObject({ ok: true, place: { status: "going", confirmed: true } });
    const [mail] = await (await db()).select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.type, "guest_notice")));
    expect(mail.subject).toBe(`You're going to ${activity.title}`);
    expect(mail.activityId).toBe(activity.id);
    expect(mail.userId).toBeNull();
    // Confirming again changes nothing and sends nothing more.
    expect(await confirmGuestRsvp(await db(), token)).toMatchObject({ ok: true });
    expect((await (await db()).select().from(emailOutbox).where(eq(emailOutbox.toAddress, address))).length).toBe(2);
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
  });

  it("a confirmation link cannot be used as a manage link, nor a forged or altered one at all", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const address = email();
    await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Kim" });
    const confirm = await linkIn(address, "confirm");
    expect(readGuestLinkToken("manage", confirm)).toBeNull();
    expect(await cancelGuestRsvp(await db(), confirm)).toMatchObject({ ok: false, code: "expired" });
    const [payload, sig] = confirm.split(".");
    // The first character of the signature carries six whole bits of its first byte, so changing it
    // always changes the signature (a change to the last one may only touch padding bits).
    const altered = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(await confirmGuestRsvp(await db(), `${payload}.${altered}`)).toMatchObject({ ok: false, code: "expired" });
    expect(await confirmGuestRsvp(await db(), "not-a-token")).toMatchObject({ ok: false, code: "expired" });
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
  });

  it("an unconfirmed hold is released after 30 minutes and the first person waiting gets the place", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 1 });
    const address = email();
    await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Sol" });
    const link = await linkIn(address, "confirm");
    const member = await makeUser();
    expect(await respondToActivity(await db(), { activityId: activity.id, userId: member.id, status: "going" })).toMatchObject({ ok: true, state: { status: "waitlisted", position: 1 } });
    await releaseExpiredGuestHolds(await db(), new Date(Date.now() + 29 * 60_000));
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, address))).toHaveLength(1);
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 1 });
    expect(await releaseExpiredGuestHolds(await db(), new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
    const [mine] = await (await db()).select().from(rsvps).where(eq(rsvps.userId, member.id));
    expect(mine.status).toBe("going");
    expect((await (await db()).select().from(notifications).where(eq(notifications.userId, member.id))).map((x) => x.type)).toContain("waitlist_promoted");
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, address))).toEqual([]);
    // The link now says it has expired.
    expect(await confirmGuestRsvp(await db(), link)).toMatchObject({ ok: false, code: "expired" });
  });

  it("a confirmation after the hold has run out is refused, and the place is released at once", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 2 });
    const address = email();
    await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Lee" });
    const late = await confirmGuestRsvp(await db(), await linkIn(address, "confirm"), new Date(Date.now() + 31 * 60_000));
    expect(late).toMatchObject({ ok: false, code: "expired" });
    expect(await counts(activity.id)).toEqual({ going: 0, waitlist: 0 });
  });

  it("members and guests wait in one line, and a guest who cancels gives the place to the first in line at once", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 1 });
    const first = await guestGoing(activity.id);
    const waiting = await makeUser();
    await respondToActivity(await db(), { activityId: activity.id, userId: waiting.id, status: "going" });
    const guestInLine = email();
    const asked = await requestGuestRsvp(await db(), { activityId: activity.id, email: guestInLine, firstName: "Jo" });
    expect(asked).toMatchObject({ ok: true, place: { status: "waitlisted", position: 2 } });
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 2 });
    expect(await cancelGuestRsvp(await db(), first.manage)).toMatchObject({ ok: true });
    const [mine] = await (await db()).select().from(rsvps).where(eq(rsvps.userId, waiting.id));
    expect(mine.status).toBe("going");
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 1 });
    // The cancelled guest's address is gone with the RSVP, and so are the emails written to it; the link says so.
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, first.address))).toEqual([]);
    expect(await (await db()).select().from(emailOutbox).where(eq(emailOutbox.toAddress, first.address))).toEqual([]);
    expect(await readGuestLink("manage", first.manage)).toBeNull();
    // The member leaves: the guest next in line moves up.
    await cancelRsvp(await db(), { activityId: activity.id, userId: waiting.id });
    const [jo] = await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, guestInLine));
    expect(jo.status).toBe("going");
  });

  it("a confirmed guest moved off the waitlist is emailed with their manage link", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 1 });
    const member = await makeUser();
    await respondToActivity(await db(), { activityId: activity.id, userId: member.id, status: "going" });
    const guest = await guestGoing(activity.id);
    await cancelRsvp(await db(), { activityId: activity.id, userId: member.id });
    const mails = await (await db()).select().from(emailOutbox).where(eq(emailOutbox.toAddress, guest.address));
    expect(mails.map((m) => m.subject)).toContain(`A place opened up — you're going to ${activity.title}`);
  });

  it("the same email again changes the first RSVP rather than adding a second", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 5 });
    const address = email();
    await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Sam" });
    const oldLink = await linkIn(address, "confirm");
    await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Samira" });
    const rows = await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, address));
    expect(rows.map((r) => r.firstName)).toEqual(["Samira"]);
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
    // The newer link replaces the older one.
    expect(await confirmGuestRsvp(await db(), oldLink)).toMatchObject({ ok: false, code: "expired" });
    expect(await confirmGuestRsvp(await db(), await linkIn(address, "confirm"))).toMatchObject({ ok: true });
    // Once confirmed, asking again keeps the place and resends the manage link.
    expect(await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "Someone else" })).toMatchObject({ ok: true, place: { status: "going", confirmed: true } });
    expect((await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, address))).map((r) => r.firstName)).toEqual(["Samira"]);
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
  });

  it("the RSVP rules hold for guests: the cutoff, a cancelled activity, a private group and a group that turned guests off", async () => {
    const group = await makeGroup();
    const cut = await makeActivity(group.id, { rsvpCutoff: new Date(Date.now() - 60_000) });
    expect(await requestGuestRsvp(await db(), { activityId: cut.id, email: email(), firstName: "A" })).toMatchObject({ ok: false, code: "closed" });
    const cancelled = await makeActivity(group.id, { status: "cancelled" });
    expect(await requestGuestRsvp(await db(), { activityId: cancelled.id, email: email(), firstName: "A" })).toMatchObject({ ok: false, code: "cancelled" });
    const privateGroup = await makeGroup({ visibility: "private" });
    const hidden = await makeActivity(privateGroup.id);
    expect(await requestGuestRsvp(await db(), { activityId: hidden.id, email: email(), firstName: "A" })).toMatchObject({ ok: false, code: "not_found" });
    const membersOnly = await makeGroup({ guestRsvps: false });
    const closed = await makeActivity(membersOnly.id);
    expect(await requestGuestRsvp(await db(), { activityId: closed.id, email: email(), firstName: "A" })).toMatchObject({ ok: false, code: "guests_off" });
    for (const a of [cut, cancelled, hidden, closed]) expect(await counts(a.id)).toEqual({ going: 0, waitlist: 0 });
  });

  it("making a group private releases its guests' places and moves the waitlist on", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const activity = await makeActivity(group.id, { capacity: 1 });
    await guestGoing(activity.id);
    const member = await makeUser();
    await addMember(group.id, member.id);
    await respondToActivity(await db(), { activityId: activity.id, userId: member.id, status: "going" });
    const result = await updateGroup({ id: owner.id, role: "member" } as never, group.id, { name: group.name, about: "", agreements: "", visibility: "private", joinPolicy: "open", neighbourhood: "", guestRsvps: "on" });
    expect(result.ok).toBe(true);
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.activityId, activity.id))).toEqual([]);
    const [mine] = await (await db()).select().from(rsvps).where(eq(rsvps.userId, member.id));
    expect(mine.status).toBe("going");
  });

  it("a guest may change the first name organizers see", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const g = await guestGoing(activity.id);
    expect(await renameGuestRsvp(await db(), g.manage, "Robyn")).toMatchObject({ ok: true });
    expect((await readGuestLink("manage", g.manage))?.firstName).toBe("Robyn");
  });

  it("confirmed guests get the day-before reminder by email, once; unconfirmed ones do not", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { startsInHours: 30 });
    const confirmed = await guestGoing(activity.id);
    const held = email();
    await requestGuestRsvp(await db(), { activityId: activity.id, email: held, firstName: "Held" });
    const at = new Date(activity.startsAt.getTime() - 2 * 3600_000);
    await sendDueReminders({ now: at });
    await sendDueReminders({ now: at });
    const reminders = await (await db()).select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `guest-reminder:%`));
    expect(reminders.filter((r) => r.toAddress === confirmed.address)).toHaveLength(1);
    expect(reminders.filter((r) => r.toAddress === held)).toHaveLength(0);
  });

  it("an organizer's message to everyone going reaches confirmed guests going, by email", async () => {
    const organizer = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { capacity: 1 });
    const going = await guestGoing(activity.id);
    const waiting = await guestGoing(activity.id);
    const result = await messageActivityList({ activityId: activity.id, actorId: organizer.id, audience: "going", message: "Bring a flask." });
    expect(result).toMatchObject({ ok: true, sent: 1 });
    const to = async (address: string) => (await (await db()).select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, address), like(emailOutbox.bodyText, "%Bring a flask.%"))));
    expect(await to(going.address)).toHaveLength(1);
    expect(await to(waiting.address)).toHaveLength(0);
  });

  it("guests' names and emails are forgotten once the activity has ended", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const g = await guestGoing(activity.id);
    await forgetGuestsOfEndedActivities(await db(), new Date(activity.endsAt.getTime() - 1));
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, g.address))).toHaveLength(1);
    expect(await forgetGuestsOfEndedActivities(await db(), new Date(activity.endsAt.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, g.address))).toEqual([]);
    expect(await (await db()).select().from(emailOutbox).where(eq(emailOutbox.toAddress, g.address))).toEqual([]);
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
  });

  it("the form's minimum fill time: a form posted at once, or with a made-up time, is turned away", () => {
    const now = Date.now();
    expect(filledInTime(formShownToken(now), now + 500)).toBe(false);
    expect(filledInTime(formShownToken(now), now + MIN_FILL_MS)).toBe(true);
    expect(filledInTime(`${now - 60_000}.forged`, now)).toBe(false);
    expect(filledInTime("", now)).toBe(false);
  });
});

describe("adoptGuestRsvps", () => {
  it("a confirmed guest's places become the member's, keeping their place in line", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { capacity: 1 });
    const b = await makeActivity(group.id, { capacity: 1 });
    const address = email("adopt");
    await guestGoing(a.id, address);
    const other = await makeUser();
    await respondToActivity(await db(), { activityId: b.id, userId: other.id, status: "going" });
    await guestGoing(b.id, address);
    const member = await makeUser({ email: address });
    expect(await adoptGuestRsvps(member.id, address.toUpperCase())).toBe(2);
    const mine = await (await db()).select().from(rsvps).where(eq(rsvps.userId, member.id));
    expect(Object.fromEntries(mine.map((r) => [r.activityId, r.status]))).toEqual({ [a.id]: "going", [b.id]: "waitlisted" });
    expect(await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, address))).toEqual([]);
    expect(await counts(a.id)).toEqual({ going: 1, waitlist: 0 });
    expect(await counts(b.id)).toEqual({ going: 1, waitlist: 1 });
    // Adopting again finds nothing more.
    expect(await adoptGuestRsvps(member.id, address)).toBe(0);
  });

  it("merging with the member's own RSVP keeps the better place and never over-fills", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 2 });
    const address = email("merge");
    const member = await makeUser({ email: address });
    await respondToActivity(await db(), { activityId: activity.id, userId: member.id, status: "going" });
    await guestGoing(activity.id, address);
    const waiting = await makeUser();
    await respondToActivity(await db(), { activityId: activity.id, userId: waiting.id, status: "going" });
    expect(await counts(activity.id)).toEqual({ going: 2, waitlist: 1 });
    expect(await adoptGuestRsvps(member.id, address)).toBe(1);
    // One person, one place: the guest's place goes to the first in line.
    expect(await counts(activity.id)).toEqual({ going: 2, waitlist: 0 });
    const [w] = await (await db()).select().from(rsvps).where(and(eq(rsvps.userId, waiting.id), eq(rsvps.activityId, activity.id)));
    expect(w.status).toBe("going");
  });

  it("a member waiting takes over their guest place that is going", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 1 });
    const address = email("up");
    await guestGoing(activity.id, address);
    const member = await makeUser({ email: address });
    await respondToActivity(await db(), { activityId: activity.id, userId: member.id, status: "going" });
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 1 });
    await adoptGuestRsvps(member.id, address);
    const [mine] = await (await db()).select().from(rsvps).where(eq(rsvps.userId, member.id));
    expect(mine.status).toBe("going");
    expect(await counts(activity.id)).toEqual({ going: 1, waitlist: 0 });
  });

  it("unconfirmed holds and other addresses are not adopted", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const address = email("held");
    await requestGuestRsvp(await db(), { activityId: activity.id, email: address, firstName: "H" });
    const someoneElse = await guestGoing(activity.id);
    const member = await makeUser({ email: address });
    expect(await adoptGuestRsvps(member.id, address)).toBe(0);
    expect(await adoptGuestRsvps(member.id, "nobody@example.org")).toBe(0);
    expect(await (await db()).select().from(rsvps).where(eq(rsvps.userId, member.id))).toEqual([]);
    expect((await (await db()).select().from(guestRsvps).where(eq(guestRsvps.email, someoneElse.address))).length).toBe(1);
  });
});

it("a token for one RSVP never opens another", () => {
  const t = guestLinkToken("manage", "00000000-0000-4000-8000-000000000001", "0".repeat(32));
  expect(readGuestLinkToken("manage", t)).toEqual({ id: "00000000-0000-4000-8000-000000000001", nonce: "0".repeat(32) });
  expect(readGuestLinkToken("confirm", t)).toBeNull();
});
