import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { blockMember } from "@/db/mutations/blocks";
import { respondToActivity } from "@/db/mutations/rsvps";
import { recordMemberWalkIn, recordNamedWalkIn, removeWalkIn } from "@/db/mutations/walk-ins";
import { listMilestones } from "@/db/queries/milestones";
import { listRecentAttendance } from "@/db/queries/organizer";
import { getParticipation } from "@/db/queries/participation";
import { listWalkIns, searchWalkInCandidates } from "@/db/queries/walk-ins";
import { activities, memberships, rsvps } from "@/db/schema";
import { recordNamedWalkInAction } from "@/app/activities/[id]/organize/walk-in-actions";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { actAs } from "./helpers/session";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

/** A group with an organizer, and an activity that started an hour ago (or starts later). */
async function town(options: { visibility?: "public" | "private"; startsInHours?: number; capacity?: number } = {}) {
  const group = await makeGroup({ visibility: options.visibility ?? "public" });
  const organizer = await makeUser();
  await addMember(group.id, organizer.id, "organizer");
  const activity = await makeActivity(group.id, { startsInHours: options.startsInHours ?? -1, capacity: options.capacity });
  return { group, organizer, activity };
}

async function counts(activityId: string) {
  const db = await getDb();
  const [row] = await db.select({ going: activities.goingCount, waiting: activities.waitlistCount }).from(activities).where(eq(activities.id, activityId));
  return row;
}

async function rsvpOf(activityId: string, userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId)));
  return row;
}

beforeEach(() => actAs(null));

describe("recording walk-ins", () => {
  it("is refused before the activity starts, with a clear reason, and to anyone who doesn't organize it", async () => {
    const { organizer, activity, group } = await town({ startsInHours: 3 });
    const member = await makeUser();
    await addMember(group.id, member.id);
    expect(await recordNamedWalkIn({ activityId: activity.id, actorId: organizer.id, firstName: "Ana" })).toMatchObject({ ok: false, code: "too_early", message: "Walk-ins can be recorded once the activity has started." });
    expect(await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: member.id })).toMatchObject({ ok: false, code: "too_early" });
    const started = await makeActivity(group.id, { startsInHours: -1 });
    expect(await recordNamedWalkIn({ activityId: started.id, actorId: member.id, firstName: "Ana" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listWalkIns(started.id)).named).toEqual([]);
  });

  it("a member who walked in counts as attended: in their participation, their milestones and the group's attendance figures", async () => {
    const { organizer, activity, group } = await town({ capacity: 1 });
    const member = await makeUser({ name: "Wanda Walkin" });
    await addMember(group.id, member.id);
    const before = await counts(activity.id);

    expect(await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: member.id })).toEqual({ ok: true, name: "Wanda Walkin" });
    expect(await recordNamedWalkIn({ activityId: activity.id, actorId: organizer.id, firstName: "Sam" })).toEqual({ ok: true, name: "Sam" });

    expect(await rsvpOf(activity.id, member.id)).toMatchObject({ status: "going", attendance: "attended", statusBeforeWalkIn: null });
    expect((await counts(activity.id)).going).toBe(before.going + 1);
    const participation = await getParticipation(member.id, "Europe/London");
    expect(participation.attendedCount).toBe(1);
    expect(participation.byGroup.map((g) => g.groupId)).toEqual([group.id]);
    expect((await listMilestones(member.id)).map((m) => m.key)).toContain("first_activity");

    const walkIns = await listWalkIns(activity.id);
    expect(walkIns.members.map((m) => m.name)).toEqual(["Wanda Walkin"]);
    expect(walkIns.named.map((w) => w.firstName)).toEqual(["Sam"]);

    // The group's recent attendance counts the member and the first name, once the activity has ended.
    const later = new Date(activity.endsAt.getTime() + 60_000);
    const [figures] = (await listRecentAttendance(group.id, later)).filter((a) => a.id === activity.id);
    expect(figures.attended).toBe(2);
  });

  it("a member who said maybe or was waiting is moved to attended, and removing the walk-in puts their answer back", async () => {
    const { organizer, activity, group } = await town({ startsInHours: 2, capacity: 1 });
    const first = await makeUser();
    const maybe = await makeUser();
    const waiting = await makeUser();
    for (const m of [first, maybe, waiting]) await addMember(group.id, m.id);
    const db = await getDb();
    expect((await respondToActivity(db, { activityId: activity.id, userId: first.id, status: "going" })).ok).toBe(true);
    expect((await respondToActivity(db, { activityId: activity.id, userId: maybe.id, status: "maybe" })).ok).toBe(true);
    expect((await respondToActivity(db, { activityId: activity.id, userId: waiting.id, status: "going" })).ok).toBe(true);
    expect(await rsvpOf(activity.id, waiting.id)).toMatchObject({ status: "waitlisted" });
    // The activity starts.
    await db.update(activities).set({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3600_000) }).where(eq(activities.id, activity.id));

    expect((await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: maybe.id })).ok).toBe(true);
    expect((await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: waiting.id })).ok).toBe(true);
    expect(await counts(activity.id)).toEqual({ going: 3, waiting: 0 });
    expect(await rsvpOf(activity.id, waiting.id)).toMatchObject({ status: "going", attendance: "attended", statusBeforeWalkIn: "waitlisted" });

    expect((await removeWalkIn({ activityId: activity.id, actorId: organizer.id, userId: waiting.id })).ok).toBe(true);
    expect((await removeWalkIn({ activityId: activity.id, actorId: organizer.id, userId: maybe.id })).ok).toBe(true);
    expect(await rsvpOf(activity.id, waiting.id)).toMatchObject({ status: "waitlisted", attendance: null, walkedInAt: null });
    expect(await rsvpOf(activity.id, maybe.id)).toMatchObject({ status: "maybe", attendance: null });
    expect(await counts(activity.id)).toEqual({ going: 1, waiting: 1 });
    expect((await getParticipation(maybe.id, "Europe/London")).attendedCount).toBe(0);
  });

  it("removing a walk-in recorded by mistake takes it out of their participation and the list", async () => {
    const { organizer, activity, group } = await town();
    const member = await makeUser();
    await addMember(group.id, member.id);
    await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: member.id });
    const named = await recordNamedWalkIn({ activityId: activity.id, actorId: organizer.id, firstName: "Oops" });
    expect(named.ok).toBe(true);
    const [walkIn] = (await listWalkIns(activity.id)).named;

    expect(await removeWalkIn({ activityId: activity.id, actorId: member.id, walkInId: walkIn.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeWalkIn({ activityId: activity.id, actorId: organizer.id, walkInId: walkIn.id })).toEqual({ ok: true, name: "Oops" });
    expect(await removeWalkIn({ activityId: activity.id, actorId: organizer.id, userId: member.id })).toMatchObject({ ok: true });
    expect(await rsvpOf(activity.id, member.id)).toBeUndefined();
    expect(await listWalkIns(activity.id)).toEqual({ members: [], named: [] });
    expect((await getParticipation(member.id, "Europe/London")).attendedCount).toBe(0);
    expect(await removeWalkIn({ activityId: activity.id, actorId: organizer.id, userId: member.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses a member already going or attended, someone blocked either way, a banned member and an outsider of a private group", async () => {
    const { organizer, activity, group } = await town();
    const going = await makeUser();
    const blocker = await makeUser();
    const banned = await makeUser();
    for (const m of [going, blocker, banned]) await addMember(group.id, m.id);
    const db = await getDb();
    await db.insert(rsvps).values({ activityId: activity.id, userId: going.id, status: "going" });
    await blockMember(blocker.id, organizer.id);
    await db.update(memberships).set({ status: "banned" }).where(and(eq(memberships.groupId, group.id), eq(memberships.userId, banned.id)));

    expect(await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: going.id })).toMatchObject({ ok: false, code: "already" });
    expect(await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: blocker.id })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: banned.id })).toMatchObject({ ok: false, code: "not_allowed" });
    const walkedIn = await makeUser();
    await addMember(group.id, walkedIn.id);
    await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: walkedIn.id });
    expect(await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: walkedIn.id })).toMatchObject({ ok: false, code: "already" });

    const secret = await town({ visibility: "private" });
    const outsider = await makeUser({ listedAsGoing: true });
    expect(await recordMemberWalkIn({ activityId: secret.activity.id, actorId: secret.organizer.id, userId: outsider.id })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await rsvpOf(secret.activity.id, outsider.id)).toBeUndefined();
  });

  it("an empty or over-long first name is refused beside the field, and nothing is recorded", async () => {
    const { organizer, activity } = await town();
    actAs(organizer);
    const empty = await recordNamedWalkInAction(null, form({ activityId: activity.id, firstName: "   " }));
    expect(empty).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { firstName: "Enter their first name." } });
    const long = await recordNamedWalkInAction(null, form({ activityId: activity.id, firstName: "A".repeat(41) }));
    expect(long).toMatchObject({ ok: false, fieldErrors: { firstName: "Keep the first name under 40 characters." } });
    expect((await listWalkIns(activity.id)).named).toEqual([]);
    const ok = await recordNamedWalkInAction(null, form({ activityId: activity.id, firstName: "  Rosa  " }));
    expect(ok).toMatchObject({ ok: true, data: { message: "Recorded Rosa as a walk-in." } });
  });

  it("an organizer who reads the hub in Spanish is told the outcome in Spanish", async () => {
    const { group, activity } = await town();
    const organizer = await makeUser({ locale: "es" });
    await addMember(group.id, organizer.id, "organizer");
    actAs(organizer);
    const ok = await recordNamedWalkInAction(null, form({ activityId: activity.id, firstName: "Rosa" }));
    expect(ok).toMatchObject({ ok: true, data: { message: "Anotamos a Rosa como llegada sin aviso." } });
    expect((await listWalkIns(activity.id)).named.map((w) => w.firstName)).toEqual(["Rosa"]);
  });
});

describe("finding a member who walked in", () => {
  it("finds the group's members and listed hub members by name, never anyone blocked, unlisted outsiders or those already going", async () => {
    const { organizer, activity, group } = await town();
    const tag = `Zeb${Math.random().toString(36).slice(2, 7)}`;
    const inGroup = await makeUser({ name: `${tag} Member` });
    const listed = await makeUser({ name: `${tag} Listed`, listedAsGoing: true });
    const unlisted = await makeUser({ name: `${tag} Unlisted` });
    const blocked = await makeUser({ name: `${tag} Blocked`, listedAsGoing: true });
    const goingAlready = await makeUser({ name: `${tag} Going` });
    await addMember(group.id, inGroup.id);
    await addMember(group.id, goingAlready.id);
    await blockMember(organizer.id, blocked.id);
    const db = await getDb();
    await db.insert(rsvps).values({ activityId: activity.id, userId: goingAlready.id, status: "going" });

    const found = await searchWalkInCandidates(activity.id, organizer.id, tag.toLowerCase());
    expect(found.map((f) => f.name)).toEqual([`${tag} Member`, `${tag} Listed`]);
    expect(found[0].inGroup).toBe(true);
    // Once recorded, a member stays in the results, shown as recorded.
    expect((await recordMemberWalkIn({ activityId: activity.id, actorId: organizer.id, userId: inGroup.id })).ok).toBe(true);
    expect((await searchWalkInCandidates(activity.id, organizer.id, tag)).map((f) => [f.name, f.walkedIn])).toEqual([[`${tag} Member`, true], [`${tag} Listed`, false]]);
    expect(found.map((f) => f.userId)).not.toContain(unlisted.id);
    // A wildcard typed in is only a character.
    expect(await searchWalkInCandidates(activity.id, organizer.id, "%_%")).toEqual([]);

    const secret = await town({ visibility: "private" });
    expect((await searchWalkInCandidates(secret.activity.id, secret.organizer.id, tag)).map((f) => f.userId)).not.toContain(listed.id);
  });
});
