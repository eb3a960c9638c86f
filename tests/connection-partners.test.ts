import { getMyCorner } from "@/db/queries/home";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acceptInviteLink, addCheckIn, changePartnership, changeRhythm, createInviteLink, invitePerson, sendMissedCheckInNudges } from "@/db/mutations/partners";
import { listCheckIns, listPartnerships, listPeopleToInvite } from "@/db/queries/partners";
import { blocks, notifications, partnerNudges } from "@/db/schema";
import { attended, organizedGroup } from "./helpers/connection";
import { makeUser } from "./helpers/factories";

const DAY = 86_400_000;

async function noticesOf(userIds: string[], type?: string) {
  const db = await getDb();
  const rows = await db.select().from(notifications).where(and(inArray(notifications.userId, userIds), type ? eq(notifications.type, type) : undefined));
  return rows;
}

/** A pair who agreed a weekly check-in on `day`, accepted at `acceptedAt`. */
async function pair(acceptedAt: Date, day = 1, rhythm: "weekly_meeting" | "daily_message" = "weekly_meeting") {
  const [ann, bo] = [await makeUser({ name: "Ann", timezone: "Europe/London" }), await makeUser({ name: "Bo" })];
  const link = await createInviteLink(ann.id, rhythm, day);
  const accepted = await acceptInviteLink(bo.id, link.code, acceptedAt);
  if (!accepted.ok) throw new Error(accepted.message);
  return { ann, bo, id: accepted.data.id };
}

describe("check-in partners", () => {
  it("an invite link works once, for someone else, and the inviter is told", async () => {
    const [ann, bo, cy] = [await makeUser(), await makeUser({ name: "Bo Accepts" }), await makeUser()];
    const link = await createInviteLink(ann.id, "weekly_meeting", 4);
    expect(await acceptInviteLink(ann.id, link.code)).toMatchObject({ ok: false, code: "conflict" });
    expect(await acceptInviteLink(bo.id, link.code)).toMatchObject({ ok: true });
    expect(await acceptInviteLink(cy.id, link.code)).toMatchObject({ ok: false, code: "not_found" });
    expect((await noticesOf([ann.id], "partner_accepted")).map((n) => n.title)).toEqual(["Bo Accepts is now your check-in partner"]);
    expect(await noticesOf([cy.id])).toEqual([]);
    const [item] = await listPartnerships(ann.id);
    expect(item).toMatchObject({ status: "active", partner: { id: bo.id }, rhythm: "weekly_meeting", weeklyDay: 4 });
  });

  it("invites only people met at a shared activity who chose to be listed; a decline tells nobody", async () => {
    const org = await organizedGroup();
    const [ann, met, stranger, hidden] = [await makeUser(), await makeUser({ listedAsGoing: true }), await makeUser({ listedAsGoing: true }), await makeUser({ listedAsGoing: false })];
    await attended(org, [ann.id, met.id, hidden.id], 5);
    expect((await listPeopleToInvite(ann.id)).map((p) => p.userId)).toEqual([met.id]);
    expect(await invitePerson(ann.id, stranger.id, "weekly_meeting", 1)).toMatchObject({ ok: false, code: "not_found" });
    expect(await invitePerson(ann.id, hidden.id, "weekly_meeting", 1)).toMatchObject({ ok: false, code: "not_found" });
    const invited = await invitePerson(ann.id, met.id, "daily_message", 1);
    expect(invited.ok).toBe(true);
    expect(await invitePerson(ann.id, met.id, "daily_message", 1)).toMatchObject({ ok: false, code: "conflict" });
    expect((await noticesOf([met.id], "partner_invite"))).toHaveLength(1);
    const id = invited.ok ? invited.data.id : "";
    // Only the invitee answers.
    expect(await changePartnership(ann.id, id, "accept")).toMatchObject({ ok: false, code: "conflict" });
    expect(await changePartnership(stranger.id, id, "decline")).toMatchObject({ ok: false, code: "not_found" });
    const before = (await noticesOf([ann.id])).length;
    expect(await changePartnership(met.id, id, "decline")).toMatchObject({ ok: true, data: { status: "declined" } });
    expect((await noticesOf([ann.id])).length).toBe(before);
  });

  it("a block ends the way in: a blocked person can't be invited or accept a link", async () => {
    const [ann, bo] = [await makeUser(), await makeUser()];
    const db = await getDb();
    await db.insert(blocks).values({ blockerId: ann.id, blockedId: bo.id });
    const link = await createInviteLink(ann.id, "weekly_meeting", 1);
    expect(await acceptInviteLink(bo.id, link.code)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("both see the pair's check-ins; nobody else does; pausing and ending tell the other kindly", async () => {
    const { ann, bo, id } = await pair(new Date());
    const outsider = await makeUser();
    expect(await addCheckIn(bo.id, id, { note: "Walked to the river.", mood: 4, energy: "medium" })).toMatchObject({ ok: true });
    expect(await addCheckIn(outsider.id, id, { note: "hi", mood: 3, energy: "low" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await listCheckIns(id, ann.id)).map((c) => c.note)).toEqual(["Walked to the river."]);
    expect(await listCheckIns(id, outsider.id)).toEqual([]);
    expect(await changePartnership(outsider.id, id, "pause")).toMatchObject({ ok: false, code: "not_found" });

    expect(await changePartnership(ann.id, id, "pause")).toMatchObject({ ok: true });
    expect((await noticesOf([bo.id], "partner_paused")).map((n) => n.title)).toEqual(["Ann has paused your check-ins for now"]);
    expect(await addCheckIn(bo.id, id, { note: "x", mood: 3, energy: "low" })).toMatchObject({ ok: false, code: "closed" });
    expect(await changePartnership(bo.id, id, "resume")).toMatchObject({ ok: true });
    expect(await changeRhythm(bo.id, id, "daily_message", 1)).toMatchObject({ ok: true });
    expect(await changePartnership(bo.id, id, "end")).toMatchObject({ ok: true });
    expect((await noticesOf([ann.id], "partner_ended"))).toHaveLength(1);
    expect(await noticesOf([outsider.id])).toEqual([]);
    // The history stays with the two of them.
    expect(await listCheckIns(id, bo.id)).toHaveLength(1);
  });

  it("a check-in is due until one of the pair checks in this period", async () => {
    const { ann, bo, id } = await pair(new Date(Date.now() - 20 * DAY), 1);
    expect((await listPartnerships(ann.id)).find((p) => p.id === id)?.due).toBe(true);
    await addCheckIn(ann.id, id, { note: "Hello", mood: 3, energy: "low" });
    expect((await listPartnerships(bo.id)).find((p) => p.id === id)?.due).toBe(false);
    // The home page reads the same partnerships with the member's plan, in one statement.
    for (const member of [ann, bo]) expect((await getMyCorner(member.id, new Date(), new Date())).partnerships).toEqual(await listPartnerships(member.id));
  });
});

describe("the missed check-in nudge", () => {
  it("tells both of the pair once per missed period, nobody else, however often the job runs", async () => {
    const accepted = new Date("2026-06-01T09:00:00Z"); // a Monday
    const { ann, bo, id } = await pair(accepted, 1);
    const outsider = await makeUser();
    // First full week: Monday 8 June to Monday 15 June. Before it ends, nothing is missed.
    expect(await sendMissedCheckInNudges(new Date("2026-06-14T12:00:00Z"), { onlyMemberId: ann.id })).toBe(0);
    const runs = await Promise.all(Array.from({ length: 6 }, () => sendMissedCheckInNudges(new Date("2026-06-15T06:00:00Z"), { onlyMemberId: ann.id })));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sendMissedCheckInNudges(new Date("2026-06-16T06:00:00Z"), { onlyMemberId: ann.id })).toBe(0);
    const nudges = await noticesOf([ann.id, bo.id, outsider.id], "partner_nudge");
    expect(nudges.map((n) => [n.userId, n.title]).sort()).toEqual(
      [
        [ann.id, "Bo hasn't heard from you this week — a two-line check-in is plenty"],
        [bo.id, "Ann hasn't heard from you this week — a two-line check-in is plenty"],
      ].sort(),
    );
    const db = await getDb();
    expect(await db.select().from(partnerNudges).where(eq(partnerNudges.partnershipId, id))).toHaveLength(1);
  });

  it("a check-in in the period, a pause, or a period from before they agreed means no nudge", async () => {
    const accepted = new Date("2026-06-03T09:00:00Z"); // a Wednesday
    const kept = await pair(accepted, 1);
    // The week of 1 June began before they agreed: never theirs to miss.
    expect(await sendMissedCheckInNudges(new Date("2026-06-08T06:00:00Z"), { onlyMemberId: kept.ann.id })).toBe(0);
    await addCheckIn(kept.bo.id, kept.id, { note: "All good", mood: 4, energy: "medium" }, new Date("2026-06-10T10:00:00Z"));
    expect(await sendMissedCheckInNudges(new Date("2026-06-15T06:00:00Z"), { onlyMemberId: kept.ann.id })).toBe(0);

    const paused = await pair(accepted, 1);
    await changePartnership(paused.ann.id, paused.id, "pause");
    expect(await sendMissedCheckInNudges(new Date("2026-06-15T06:00:00Z"), { onlyMemberId: paused.ann.id })).toBe(0);
  });

  it("a daily message missed yesterday gets one nudge about today", async () => {
    const { ann, bo } = await pair(new Date("2026-06-01T09:00:00Z"), 1, "daily_message");
    expect(await sendMissedCheckInNudges(new Date("2026-06-03T08:00:00Z"), { onlyMemberId: bo.id })).toBe(1);
    const [n] = await noticesOf([ann.id], "partner_nudge");
    expect(n.title).toBe("Bo hasn't heard from you today — a two-line check-in is plenty");
  });
});
