import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PATCH as patchRoute } from "@/app/api/groups/[slug]/route";
import { updateGroupAction } from "@/app/groups/[slug]/settings/actions";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { getDb } from "@/db/client";
import { changeMember, createGroup, joinGroup, updateGroup } from "@/db/mutations/groups";
import { activities, groups, memberships, notifications, rsvps } from "@/db/schema";
import { respondToActivity } from "@/db/mutations/rsvps";
import type { Actor } from "@/lib/authz";
import { GROUP_NOT_FOUND, groupInputSchema, ONLY_OWNER_MAKES_PRIVATE, STAYS_PRIVATE } from "@/lib/validation/group";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * Changing a group after it has started: who may, what may change, and what never does
 * (the slug, a private group's privacy, anyone's membership).
 */

const settings = (overrides: Record<string, unknown> = {}) =>
  groupInputSchema.parse({ name: "Millbrook Walkers", about: "Gentle walks.", agreements: "Listening over fixing.", ...overrides });

/** A group with one person in each role, and an organizer of a different group. */
async function groupWithEveryone(overrides: Record<string, unknown> = {}) {
  const owner = await makeUser();
  const created = await createGroup(owner, settings(overrides));
  if (!created.ok) throw new Error(created.message);
  const groupId = created.data.id;
  const [organizer, member, otherOrganizer] = [await makeUser(), await makeUser(), await makeUser()];
  await addMember(groupId, organizer.id, "organizer");
  await addMember(groupId, member.id, "member");
  const other = await makeGroup();
  await addMember(other.id, otherOrganizer.id, "organizer");
  return { groupId, slug: created.data.slug, owner, organizer, member, otherOrganizer };
}

const rowOf = async (groupId: string) => {
  const db = await getDb();
  const [row] = await db.select().from(groups).where(eq(groups.id, groupId));
  return row;
};

const membersOf = async (groupId: string) => {
  const db = await getDb();
  const rows = await db.select({ userId: memberships.userId, role: memberships.role, status: memberships.status }).from(memberships).where(eq(memberships.groupId, groupId));
  return rows.sort((a, b) => a.userId.localeCompare(b.userId));
};

const renamed = settings({ name: "Millbrook Evening Walkers", about: "Walks after work.", agreements: "Listening over fixing. Phones away.", neighbourhood: "Old Town", joinPolicy: "approval" });

describe("updateGroup: who may change a group", () => {
  it("a visitor, a plain member and another group's organizer change nothing", async () => {
    const { groupId, member, otherOrganizer } = await groupWithEveryone();
    const before = await rowOf(groupId);
    const refusals: [Actor, string][] = [
      [null, "unauthenticated"],
      [member, "forbidden"],
      [otherOrganizer, "forbidden"],
    ];
    for (const [actor, code] of refusals) {
      expect(await updateGroup(actor, groupId, renamed)).toMatchObject({ ok: false, code });
    }
    expect(await rowOf(groupId)).toEqual(before);
  });

  it("a pending or banned member changes nothing either", async () => {
    const { groupId, owner } = await groupWithEveryone({ joinPolicy: "approval" });
    const [asking, banned] = [await makeUser(), await makeUser()];
    await joinGroup(asking, groupId, true);
    await joinGroup(banned, groupId, true);
    await changeMember(owner, groupId, banned.id, "approve");
    await changeMember(owner, groupId, banned.id, "ban");
    const before = await rowOf(groupId);
    expect(await updateGroup(asking, groupId, renamed)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateGroup(banned, groupId, renamed)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rowOf(groupId)).toEqual(before);
  });

  it("an organizer changes the name, about, agreements, neighbourhood and joining; the slug stays", async () => {
    const { groupId, slug, organizer } = await groupWithEveryone();
    const result = await updateGroup(organizer, groupId, renamed);
    expect(result).toEqual({
      ok: true,
      data: { slug, name: "Millbrook Evening Walkers", about: "Walks after work.", agreements: "Listening over fixing. Phones away.", visibility: "public", joinPolicy: "approval", neighbourhood: "Old Town", guestRsvps: true },
    });
    const row = await rowOf(groupId);
    expect(row).toMatchObject({ slug, name: "Millbrook Evening Walkers", agreements: "Listening over fixing. Phones away.", joinPolicy: "approval", neighbourhood: "Old Town", inviteCode: null });
  });

  it("the owner changes them too, and an emptied neighbourhood is stored as none", async () => {
    const { groupId, slug, owner } = await groupWithEveryone({ neighbourhood: "Riverside" });
    expect(await updateGroup(owner, groupId, settings({ name: "Riverside Rambles", neighbourhood: "" }))).toMatchObject({ ok: true, data: { slug, name: "Riverside Rambles", neighbourhood: null } });
    expect(await rowOf(groupId)).toMatchObject({ slug, name: "Riverside Rambles", neighbourhood: null });
  });

  it("a hidden group, or one that does not exist, is not found", async () => {
    const { groupId, owner } = await groupWithEveryone();
    const db = await getDb();
    await db.update(groups).set({ hiddenAt: new Date() }).where(eq(groups.id, groupId));
    const before = await rowOf(groupId);
    expect(await updateGroup(owner, groupId, renamed)).toEqual({ ok: false, code: "not_found", message: GROUP_NOT_FOUND() });
    expect(await updateGroup(owner, "00000000-0000-4000-8000-000000000000", renamed)).toEqual({ ok: false, code: "not_found", message: GROUP_NOT_FOUND() });
    expect(await rowOf(groupId)).toEqual(before);
  });
});

describe("updateGroup: public and private", () => {
  it("the owner makes a public group private, and it gets an invite code at once", async () => {
    const { groupId, slug, owner } = await groupWithEveryone();
    expect((await rowOf(groupId)).inviteCode).toBeNull();
    expect(await updateGroup(owner, groupId, settings({ visibility: "private" }))).toMatchObject({ ok: true, data: { slug, visibility: "private" } });
    const row = await rowOf(groupId);
    expect(row.visibility).toBe("private");
    expect(row.inviteCode).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    // From now on it is joined only through the invite link.
    const newcomer = await makeUser();
    expect(await joinGroup(newcomer, groupId, true)).toEqual({ ok: false, code: "not_found", message: GROUP_NOT_FOUND() });
    expect(await joinGroup(newcomer, groupId, true, row.inviteCode!)).toEqual({ ok: true, data: { status: "active" } });
  });

  it("people outside a group that becomes private give up their places to waiting members, and are told", async () => {
    const { groupId, owner, member } = await groupWithEveryone();
    const outsider = await makeUser();
    const db = await getDb();
    const activity = await makeActivity(groupId, { capacity: 1 });
    expect((await respondToActivity(db, { activityId: activity.id, userId: outsider.id, status: "going" })).ok).toBe(true);
    expect(await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" })).toMatchObject({ ok: true, state: { status: "waitlisted", position: 1 } });

    expect((await updateGroup(owner, groupId, settings({ visibility: "private" }))).ok).toBe(true);

    const answers = await db.select({ userId: rsvps.userId, status: rsvps.status }).from(rsvps).where(eq(rsvps.activityId, activity.id));
    expect(answers.find((r) => r.userId === member.id)?.status).toBe("going");
    expect(answers.some((r) => r.userId === outsider.id && ["going", "waitlisted", "maybe"].includes(r.status))).toBe(false);
    const [counted] = await db.select().from(activities).where(eq(activities.id, activity.id));
    expect([counted.goingCount, counted.waitlistCount]).toEqual([1, 0]);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, outsider.id), eq(notifications.type, "group_made_private")));
    expect(told).toHaveLength(1);
    const membersTold = await db.select().from(notifications).where(and(eq(notifications.userId, member.id), eq(notifications.type, "group_made_private")));
    expect(membersTold).toHaveLength(0);
  });

  it("an organizer cannot make the group private, and nothing else in that change is saved", async () => {
    const { groupId, organizer } = await groupWithEveryone();
    const before = await rowOf(groupId);
    expect(await updateGroup(organizer, groupId, { ...renamed, visibility: "private" })).toEqual({
      ok: false,
      code: "forbidden",
      message: ONLY_OWNER_MAKES_PRIVATE(),
      fieldErrors: { visibility: ONLY_OWNER_MAKES_PRIVATE() },
    });
    expect(await rowOf(groupId)).toEqual(before);
  });

  it("a private group is never made public, by anyone", async () => {
    const { groupId, owner, organizer, member, otherOrganizer } = await groupWithEveryone({ visibility: "private" });
    const before = await rowOf(groupId);
    const toPublic = settings({ visibility: "public" });
    for (const actor of [owner, organizer]) {
      expect(await updateGroup(actor, groupId, toPublic)).toEqual({ ok: false, code: "conflict", message: STAYS_PRIVATE(), fieldErrors: { visibility: STAYS_PRIVATE() } });
    }
    expect(await updateGroup(member, groupId, toPublic)).toMatchObject({ ok: false, code: "forbidden" });
    // To someone outside it, the private group does not exist.
    expect(await updateGroup(otherOrganizer, groupId, toPublic)).toEqual({ ok: false, code: "not_found", message: GROUP_NOT_FOUND() });
    expect(await updateGroup(null, groupId, toPublic)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await rowOf(groupId)).toEqual(before);
  });

  it("a private group's organizers still change its other settings, and its invite code stays", async () => {
    const { groupId, organizer } = await groupWithEveryone({ visibility: "private" });
    const { inviteCode } = await rowOf(groupId);
    expect(await updateGroup(organizer, groupId, settings({ visibility: "private", about: "Tuesday evenings." }))).toMatchObject({ ok: true, data: { visibility: "private", about: "Tuesday evenings." } });
    expect(await rowOf(groupId)).toMatchObject({ visibility: "private", about: "Tuesday evenings.", inviteCode });
  });
});

describe("updateGroup: members are left as they are", () => {
  it("new agreements remove nobody, and opening joining leaves requests waiting for organizers", async () => {
    const { groupId, owner, organizer } = await groupWithEveryone({ joinPolicy: "approval" });
    const asking = await makeUser();
    expect(await joinGroup(asking, groupId, true)).toEqual({ ok: true, data: { status: "pending" } });
    const before = await membersOf(groupId);
    expect(await updateGroup(organizer, groupId, settings({ agreements: "Phones away. Listening over fixing.", joinPolicy: "open" }))).toMatchObject({ ok: true, data: { joinPolicy: "open" } });
    expect(await membersOf(groupId)).toEqual(before);
    const db = await getDb();
    const [request] = await db.select().from(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, asking.id)));
    expect(request.status).toBe("pending");
    expect(await changeMember(owner, groupId, asking.id, "approve")).toMatchObject({ ok: true });
  });
});

describe("the settings form given an altered group id", () => {
  it("answers not found before anything else, keeping what was typed", async () => {
    const typed = new FormData();
    typed.set("name", "Kept name");
    typed.set("about", "Kept about");
    for (const [groupId, slug] of [["x", "walkers"], ["1 or 1=1", "walkers"], ["", "walkers"], ["00000000-0000-4000-8000-000000000000", "../admin"]]) {
      expect(await updateGroupAction(groupId, slug, null, typed)).toMatchObject({ ok: false, code: "not_found", message: GROUP_NOT_FOUND(), values: { name: "Kept name", about: "Kept about" } });
    }
  });
});

/* The API, with members who sign up and get tokens the way a script would. */

const base = "http://hub.test";
let n = 0;
const post = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function apiMember() {
  const email = `settings-api-${Date.now()}-${n++}@test.example`;
  const password = "correct horse battery";
  const { user } = await (await usersRoute(new Request(`${base}/api/users`, post({ name: "Sam", email, password })))).json();
  const { token } = await (await tokenRoute(new Request(`${base}/api/tokens`, post({ email, password, name: "script" })))).json();
  return { id: user.id as string, token: token as string };
}

const patch = (slug: string, body: unknown, token?: string) =>
  patchRoute(
    new Request(`${base}/api/groups/${slug}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );

async function apiGroup(visibility: "public" | "private" = "public") {
  const group = await makeGroup({ visibility, about: "Gentle walks.", agreements: "Listening over fixing.", inviteCode: visibility === "private" ? `invite-${crypto.randomUUID()}` : null });
  const [owner, organizer, member, outsider] = [await apiMember(), await apiMember(), await apiMember(), await apiMember()];
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id, "member");
  return { group, owner, organizer, member, outsider };
}

describe("PATCH /api/groups/:slug", () => {
  it("changes only the fields sent, for an organizer, and answers the group's settings", async () => {
    const { group, organizer } = await apiGroup();
    const res = await patch(group.slug, { about: "Walks after work.", joinPolicy: "approval", slug: "a-new-slug" }, organizer.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      group: { slug: group.slug, name: group.name, about: "Walks after work.", agreements: "Listening over fixing.", visibility: "public", joinPolicy: "approval", neighbourhood: null, guestRsvps: true },
    });
    expect(await rowOf(group.id)).toMatchObject({ slug: group.slug, about: "Walks after work.", joinPolicy: "approval" });
  });

  it("answers 401, 403 and 404 with the right code and leaves the group as it was", async () => {
    const { group, member, outsider } = await apiGroup();
    const before = await rowOf(group.id);
    const unauth = await patch(group.slug, { about: "Taken over" });
    expect(unauth.status).toBe(401);
    expect((await unauth.json()).error.code).toBe("unauthenticated");
    for (const who of [member, outsider]) {
      const res = await patch(group.slug, { about: "Taken over" }, who.token);
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: "forbidden", message: "Only organizers of this group can do that." });
    }
    const missing = await patch("no-such-group", { about: "Taken over" }, member.token);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    expect(await rowOf(group.id)).toEqual(before);
  });

  it("a private group is 404 to anyone outside it, exactly as a slug that does not exist", async () => {
    const { group, outsider } = await apiGroup("private");
    const before = await rowOf(group.id);
    const res = await patch(group.slug, { about: "Taken over" }, outsider.token);
    expect(res.status).toBe(404);
    const unknown = await patch("no-such-group", { about: "Taken over" }, outsider.token);
    expect(await res.json()).toEqual(await unknown.json());
    expect(await rowOf(group.id)).toEqual(before);
  });

  it("a bad field is 400 naming it, and nothing is saved", async () => {
    const { group, organizer } = await apiGroup();
    const before = await rowOf(group.id);
    const short = await patch(group.slug, { name: "x", about: "Changed" }, organizer.token);
    expect(short.status).toBe(400);
    expect((await short.json()).error).toMatchObject({ code: "invalid_body", fields: { name: "Give the group a name of at least 3 characters." } });
    const policy = await patch(group.slug, { joinPolicy: "sometimes" }, organizer.token);
    expect(policy.status).toBe(400);
    const policyError = (await policy.json()).error;
    expect(Object.keys(policyError.fields)).toEqual(["joinPolicy"]);
    expect(policyError.message).toContain("joinPolicy");
    expect((await patch(group.slug, "{not json", organizer.token)).status).toBe(400);
    expect((await patch(group.slug, [1, 2], organizer.token)).status).toBe(400);
    expect((await patch(group.slug, { neighbourhood: 7 }, organizer.token)).status).toBe(400);
    expect(await rowOf(group.id)).toEqual(before);
  });

  it("public to private is the owner's and gives an invite code; private to public is 409", async () => {
    const { group, owner, organizer } = await apiGroup();
    const refused = await patch(group.slug, { visibility: "private" }, organizer.token);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toEqual({ code: "forbidden", message: ONLY_OWNER_MAKES_PRIVATE(), fields: { visibility: ONLY_OWNER_MAKES_PRIVATE() } });
    expect((await rowOf(group.id)).visibility).toBe("public");

    const made = await patch(group.slug, { visibility: "private" }, owner.token);
    expect(made.status).toBe(200);
    expect((await made.json()).group).toMatchObject({ slug: group.slug, visibility: "private" });
    const now = await rowOf(group.id);
    expect(now.inviteCode).toMatch(/^[A-Za-z0-9_-]{24,}$/);

    for (const who of [owner, organizer]) {
      const back = await patch(group.slug, { visibility: "public" }, who.token);
      expect(back.status).toBe(409);
      expect((await back.json()).error).toEqual({ code: "conflict", message: STAYS_PRIVATE(), fields: { visibility: STAYS_PRIVATE() } });
    }
    expect(await rowOf(group.id)).toEqual(now);
  });
});
