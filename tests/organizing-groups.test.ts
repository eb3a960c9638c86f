import { and, asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createActivity } from "@/db/mutations/activities";
import { changeMember, createGroup, joinGroup, leaveGroup, renewInviteCode } from "@/db/mutations/groups";
import { respondToActivity } from "@/db/mutations/rsvps";
import { holdStandingPlace, skipOccurrence, stepBackFromSeries } from "@/db/mutations/standing-places";
import { activities, groups, memberships, notifications, rsvps } from "@/db/schema";
import { activityInputSchema } from "@/lib/validation/activity";
import { GROUP_NOT_FOUND, groupInputSchema } from "@/lib/validation/group";
import { makeUser } from "./helpers/factories";

async function startGroup(overrides: Record<string, unknown> = {}) {
  const owner = await makeUser();
  const created = await createGroup(owner, groupInputSchema.parse({ name: "Millbrook Walkers", agreements: "Listening over fixing.", ...overrides }));
  if (!created.ok) throw new Error(created.message);
  return { owner, groupId: created.data.id, slug: created.data.slug };
}

const membershipOf = async (groupId: string, userId: string) => {
  const db = await getDb();
  const [row] = await db.select().from(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
  return row;
};

describe("joining a group", () => {
  it("records when the agreements were accepted, and refuses without them", async () => {
    const { groupId } = await startGroup();
    const member = await makeUser();
    expect(await joinGroup(member, groupId, false)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await membershipOf(groupId, member.id)).toBeUndefined();
    expect(await joinGroup(member, groupId, true)).toMatchObject({ ok: true, data: { status: "active" } });
    expect((await membershipOf(groupId, member.id)).agreementsAcceptedAt).toBeInstanceOf(Date);
  });

  it("makes a pending request in an approval group until an organizer approves", async () => {
    const { owner, groupId } = await startGroup({ joinPolicy: "approval" });
    const member = await makeUser();
    expect(await joinGroup(member, groupId, true)).toMatchObject({ ok: true, data: { status: "pending" } });
    expect((await membershipOf(groupId, member.id)).status).toBe("pending");
    await changeMember(owner, groupId, member.id, "approve");
    expect((await membershipOf(groupId, member.id)).status).toBe("active");
    // They are told, with a way into the group.
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, member.id), eq(notifications.type, "membership_approved")));
    expect(told).toHaveLength(1);
    expect(told[0].href).toMatch(/^\/groups\/[a-z0-9-]+$/);
  });

  it("keeps a banned member out", async () => {
    const { owner, groupId } = await startGroup();
    const member = await makeUser();
    await joinGroup(member, groupId, true);
    await changeMember(owner, groupId, member.id, "ban");
    expect(await leaveGroup(member, groupId)).toMatchObject({ ok: false });
    expect(await joinGroup(member, groupId, true)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await membershipOf(groupId, member.id)).status).toBe("banned");
  });

  it("a ban is lifted only by the owner, and then the person may join again", async () => {
    const { owner, groupId } = await startGroup();
    const [organizer, member] = [await makeUser(), await makeUser()];
    await joinGroup(organizer, groupId, true);
    await changeMember(owner, groupId, organizer.id, "promote");
    await joinGroup(member, groupId, true);
    expect(await changeMember(organizer, groupId, member.id, "ban")).toMatchObject({ ok: true });
    expect(await changeMember(organizer, groupId, member.id, "remove")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await membershipOf(groupId, member.id)).status).toBe("banned");
    expect(await joinGroup(member, groupId, true)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMember(owner, groupId, member.id, "remove")).toMatchObject({ ok: true });
    expect(await joinGroup(member, groupId, true)).toMatchObject({ ok: true, data: { status: "active" } });
  });

  it("does not let the only owner leave", async () => {
    const { owner, groupId } = await startGroup();
    expect(await leaveGroup(owner, groupId)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("a private group's invite link", () => {
  const inviteCodeOf = async (groupId: string) => {
    const db = await getDb();
    const [row] = await db.select({ inviteCode: groups.inviteCode }).from(groups).where(eq(groups.id, groupId));
    return row.inviteCode;
  };
  const membersOf = async (groupId: string) => {
    const db = await getDb();
    return db.select().from(memberships).where(eq(memberships.groupId, groupId));
  };
  const missing = { ok: false, code: "not_found", message: GROUP_NOT_FOUND() };

  it("is given a long random code when the group starts; a public group has none", async () => {
    const hidden = await startGroup({ visibility: "private" });
    const other = await startGroup({ visibility: "private" });
    const open = await startGroup();
    const code = await inviteCodeOf(hidden.groupId);
    expect(code).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(await inviteCodeOf(other.groupId)).not.toBe(code);
    expect(await inviteCodeOf(open.groupId)).toBeNull();
  });

  it("without the code, or with a wrong one, the group is missing and nobody is added", async () => {
    const { groupId } = await startGroup({ visibility: "private" });
    const code = (await inviteCodeOf(groupId))!;
    const guesser = await makeUser();
    const before = await membersOf(groupId);
    for (const invite of [undefined, "", "wrong", code.slice(0, -1), `${code}x`, code.toUpperCase()]) {
      expect(await joinGroup(guesser, groupId, true, invite)).toEqual(missing);
    }
    // The same answer as for a group that does not exist at all.
    expect(await joinGroup(guesser, "00000000-0000-4000-8000-000000000000", true)).toEqual(missing);
    expect(await membersOf(groupId)).toEqual(before);
  });

  it("with the right code, an approval group makes a pending request and an open one a member", async () => {
    const approval = await startGroup({ visibility: "private", joinPolicy: "approval" });
    const open = await startGroup({ visibility: "private", joinPolicy: "open" });
    const asker = await makeUser();
    expect(await joinGroup(asker, approval.groupId, true, (await inviteCodeOf(approval.groupId))!)).toEqual({ ok: true, data: { status: "pending" } });
    expect((await membershipOf(approval.groupId, asker.id)).status).toBe("pending");
    expect(await joinGroup(asker, open.groupId, true, (await inviteCodeOf(open.groupId))!)).toEqual({ ok: true, data: { status: "active" } });
    expect((await membershipOf(open.groupId, asker.id)).status).toBe("active");
    // Already in: asking again changes nothing and needs no code.
    expect(await joinGroup(asker, approval.groupId, true)).toEqual({ ok: true, data: { status: "pending" } });
  });

  it("a new link stops the old one working", async () => {
    const { owner, groupId } = await startGroup({ visibility: "private" });
    const old = (await inviteCodeOf(groupId))!;
    const renewed = await renewInviteCode(owner, groupId);
    if (!renewed.ok) throw new Error(renewed.message);
    expect(renewed.data.inviteCode).not.toBe(old);
    expect(await inviteCodeOf(groupId)).toBe(renewed.data.inviteCode);
    const late = await makeUser();
    expect(await joinGroup(late, groupId, true, old)).toEqual(missing);
    expect(await membershipOf(groupId, late.id)).toBeUndefined();
    expect(await joinGroup(late, groupId, true, renewed.data.inviteCode)).toMatchObject({ ok: true, data: { status: "active" } });
  });

  it("lets no one in while a private group has no code, until an organizer makes one", async () => {
    const { owner, groupId } = await startGroup({ visibility: "private" });
    const db = await getDb();
    await db.update(groups).set({ inviteCode: null }).where(eq(groups.id, groupId));
    const someone = await makeUser();
    expect(await joinGroup(someone, groupId, true, "")).toEqual(missing);
    const made = await renewInviteCode(owner, groupId);
    if (!made.ok) throw new Error(made.message);
    expect(await joinGroup(someone, groupId, true, made.data.inviteCode)).toMatchObject({ ok: true });
  });

  it("keeps a banned member out even with the code, and without it the group is missing", async () => {
    const { owner, groupId } = await startGroup({ visibility: "private" });
    const code = (await inviteCodeOf(groupId))!;
    const member = await makeUser();
    await joinGroup(member, groupId, true, code);
    await changeMember(owner, groupId, member.id, "ban");
    expect(await joinGroup(member, groupId, true)).toEqual(missing);
    expect(await joinGroup(member, groupId, true, code)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await membershipOf(groupId, member.id)).status).toBe("banned");
  });
});

describe("standing places", () => {
  async function seriesWithCapacity(capacity: number) {
    const { owner, groupId } = await startGroup();
    const day = DateTime.now().setZone("Europe/London").plus({ days: 2 }).toFormat("yyyy-MM-dd");
    const input = activityInputSchema.parse({
      kind: "walk",
      title: "Tuesday canal walk",
      startsLocal: `${day}T10:00`,
      endsLocal: `${day}T11:00`,
      timezone: "Europe/London",
      placeName: "Lock 4",
      energyLevel: "low",
      talkLevel: "quiet",
      capacity,
      repeat: "weekly",
    });
    const created = await createActivity(owner, groupId, input);
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const occurrences = await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!)).orderBy(asc(activities.startsAt));
    return { owner, groupId, seriesId: created.data.seriesId!, occurrences, db };
  }

  const statusOn = async (activityId: string, userId: string) => {
    const db = await getDb();
    const [row] = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId)));
    return row?.status;
  };

  it("gives a place on every upcoming occurrence, and the waitlist where one is full", async () => {
    const { seriesId, occurrences, db } = await seriesWithCapacity(1);
    const early = await makeUser();
    await respondToActivity(db, { activityId: occurrences[1].id, userId: early.id, status: "going" });
    const holder = await makeUser();
    expect(await holdStandingPlace(holder, seriesId)).toMatchObject({ ok: true });
    const statuses = await Promise.all(occurrences.map((o) => statusOn(o.id, holder.id)));
    expect(statuses[0]).toBe("going");
    expect(statuses[1]).toBe("waitlisted");
    expect(statuses.slice(2).every((s) => s === "going")).toBe(true);
  });

  it("skipping one occurrence hands the place to the first person waiting at once", async () => {
    const { seriesId, occurrences, db } = await seriesWithCapacity(1);
    const holder = await makeUser();
    const waiting = await makeUser();
    await holdStandingPlace(holder, seriesId);
    await respondToActivity(db, { activityId: occurrences[0].id, userId: waiting.id, status: "going" });
    expect(await statusOn(occurrences[0].id, waiting.id)).toBe("waitlisted");
    expect(await skipOccurrence(holder, occurrences[0].id)).toMatchObject({ ok: true, data: { freedPlace: true, passedOn: true } });
    expect(await statusOn(occurrences[0].id, waiting.id)).toBe("going");
    expect(await statusOn(occurrences[0].id, holder.id)).toBe("not_going");
    // Still held on the next one.
    expect(await statusOn(occurrences[1].id, holder.id)).toBe("going");
  });

  it("pausing gives up upcoming places, resuming takes them back except a skipped one", async () => {
    const { seriesId, occurrences } = await seriesWithCapacity(5);
    const holder = await makeUser();
    await holdStandingPlace(holder, seriesId);
    await skipOccurrence(holder, occurrences[2].id);
    expect(await stepBackFromSeries(holder, seriesId, "pause")).toMatchObject({ ok: true, data: { status: "paused" } });
    expect(await statusOn(occurrences[0].id, holder.id)).toBeUndefined();
    await holdStandingPlace(holder, seriesId);
    expect(await statusOn(occurrences[0].id, holder.id)).toBe("going");
    expect(await statusOn(occurrences[2].id, holder.id)).toBe("not_going");
    expect(await stepBackFromSeries(holder, seriesId, "release")).toMatchObject({ ok: true, data: { status: "none" } });
    expect(await statusOn(occurrences[1].id, holder.id)).toBeUndefined();
  });

  it("a banned member's places go to the people waiting, and their standing place ends", async () => {
    const { owner, groupId, seriesId, occurrences } = await seriesWithCapacity(1);
    const holder = await makeUser();
    const waiting = await makeUser();
    await joinGroup(holder, groupId, true);
    await holdStandingPlace(holder, seriesId);
    await holdStandingPlace(waiting, seriesId);
    expect(await statusOn(occurrences[0].id, waiting.id)).toBe("waitlisted");
    expect(await changeMember(owner, groupId, holder.id, "ban")).toMatchObject({ ok: true });
    expect(await statusOn(occurrences[0].id, holder.id)).toBeUndefined();
    expect(await statusOn(occurrences[0].id, waiting.id)).toBe("going");
    expect(await statusOn(occurrences[3].id, waiting.id)).toBe("going");
    expect(await holdStandingPlace(holder, seriesId)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("cannot be held on a private group's series by an outsider", async () => {
    const { owner, groupId } = await startGroup({ visibility: "private" });
    const day = DateTime.now().plus({ days: 3 }).toFormat("yyyy-MM-dd");
    const created = await createActivity(
      owner,
      groupId,
      activityInputSchema.parse({ kind: "hobby", title: "Knit night", startsLocal: `${day}T19:00`, endsLocal: `${day}T21:00`, timezone: "Europe/London", placeName: "Café", energyLevel: "low", talkLevel: "some_chat", repeat: "weekly" }),
    );
    if (!created.ok) throw new Error(created.message);
    const outsider = await makeUser();
    expect(await holdStandingPlace(outsider, created.data.seriesId!)).toMatchObject({ ok: false, code: "not_found" });
  });
});
