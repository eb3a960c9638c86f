import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cancelActivity, createActivity, updateActivity } from "@/db/mutations/activities";
import { changeMemberAction, renewInviteLinkAction } from "@/app/groups/[slug]/manage/actions";
import { joinGroupAction, joinGroupWithInviteAction, leaveGroupAction } from "@/app/groups/[slug]/join/actions";
import { changeMember, renewInviteCode } from "@/db/mutations/groups";
import { activities, groups, memberships, notifications, series } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * Every organizer entry point, called directly as each kind of person. Only the roles
 * named may succeed; for everyone else the answer is a refusal and the database is
 * exactly as it was.
 */

type Role = "visitor" | "member" | "other group's organizer" | "organizer" | "owner";
const ROLES: Role[] = ["visitor", "member", "other group's organizer", "organizer", "owner"];

async function world(visibility: "public" | "private" = "public") {
  const [owner, organizer, member, otherOrganizer, pending, target, targetOrganizer, banned] = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
  const group = await makeGroup({ visibility, inviteCode: visibility === "private" ? `code-${crypto.randomUUID()}` : null });
  const other = await makeGroup();
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, target.id, "member");
  await addMember(group.id, targetOrganizer.id, "organizer");
  await addMember(other.id, otherOrganizer.id, "organizer");
  const db = await getDb();
  await db.insert(memberships).values({ groupId: group.id, userId: pending.id, status: "pending", agreementsAcceptedAt: new Date() });
  await db.insert(memberships).values({ groupId: group.id, userId: banned.id, status: "banned", agreementsAcceptedAt: new Date() });
  const activity = await makeActivity(group.id, { capacity: 10, placeName: "Library steps" });
  const actors: Record<Role, { id: string } | null> = {
    visitor: null,
    member,
    "other group's organizer": otherOrganizer,
    organizer,
    owner,
  };
  return { group, activity, actors, pending, target, targetOrganizer, banned };
}

type World = Awaited<ReturnType<typeof world>>;

async function snapshot(w: World) {
  const db = await getDb();
  const acts = await db.select().from(activities).where(eq(activities.groupId, w.group.id)).orderBy(asc(activities.createdAt));
  const ids = acts.map((a) => a.id);
  return JSON.stringify({
    group: await db.select().from(groups).where(eq(groups.id, w.group.id)),
    acts,
    members: await db.select().from(memberships).where(eq(memberships.groupId, w.group.id)).orderBy(asc(memberships.userId)),
    series: await db.select().from(series).where(eq(series.groupId, w.group.id)),
    notes: ids.length ? await db.select().from(notifications).where(inArray(notifications.activityId, ids)) : [],
  });
}

function editedInput(w: World) {
  return activityInputSchema.parse({ ...activityToFormValues(w.activity), title: "Changed by someone", capacity: 12 });
}

const cases: { name: string; allowed: Role[]; run: (w: World, actor: { id: string } | null) => Promise<ActionResult<unknown>> }[] = [
  { name: "create an activity", allowed: ["organizer", "owner"], run: (w, a) => createActivity(a, w.group.id, editedInput(w)) },
  { name: "create a weekly series", allowed: ["organizer", "owner"], run: (w, a) => createActivity(a, w.group.id, { ...editedInput(w), repeat: "weekly" }) },
  { name: "edit an activity", allowed: ["organizer", "owner"], run: (w, a) => updateActivity(a, w.activity.id, editedInput(w), "this") },
  { name: "cancel an activity", allowed: ["organizer", "owner"], run: (w, a) => cancelActivity(a, w.activity.id, "this") },
  { name: "approve a join request", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.pending.id, "approve") },
  { name: "decline a join request", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.pending.id, "decline") },
  { name: "remove a member", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.target.id, "remove") },
  { name: "ban a member", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.target.id, "ban") },
  { name: "promote a member to organizer", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.target.id, "promote") },
  { name: "demote an organizer", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.targetOrganizer.id, "demote") },
  { name: "remove an organizer", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.targetOrganizer.id, "remove") },
  // Removing a banned member deletes the ban, so they could join again: the owner's decision.
  { name: "lift a ban", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.banned.id, "remove") },
];

describe.each(cases)("who may $name", ({ allowed, run }) => {
  it.each(ROLES)("as %s", async (role) => {
    const w = await world();
    const before = await snapshot(w);
    const result = await run(w, w.actors[role]);
    const after = await snapshot(w);
    if (allowed.includes(role)) {
      expect(result.ok).toBe(true);
      expect(after).not.toBe(before);
    } else {
      expect(result).toMatchObject({ ok: false, code: role === "visitor" ? "unauthenticated" : "forbidden" });
      expect(after).toBe(before);
    }
  });
});

describe("private groups", () => {
  it("answer 'not found' to an outsider trying to edit one of their activities", async () => {
    const w = await world();
    const db = await getDb();
    const { groups } = await import("@/db/schema");
    await db.update(groups).set({ visibility: "private" }).where(eq(groups.id, w.group.id));
    const before = await snapshot(w);
    const result = await updateActivity(w.actors["other group's organizer"], w.activity.id, editedInput(w), "this");
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(w)).toBe(before);
  });
});

describe.each(ROLES)("making a new invite link for a private group, as %s", (role) => {
  const allowed = role === "organizer" || role === "owner";
  // Outside the group it does not exist; a plain member is told it is for organizers.
  const refusal = { visitor: "unauthenticated", member: "forbidden", "other group's organizer": "not_found" } as Record<Role, string>;

  it(allowed ? "replaces the code" : "is refused and changes nothing", async () => {
    const w = await world("private");
    const before = await snapshot(w);
    const result = await renewInviteCode(w.actors[role], w.group.id);
    const after = await snapshot(w);
    if (allowed) {
      expect(result).toMatchObject({ ok: true });
      const db = await getDb();
      const [row] = await db.select().from(groups).where(eq(groups.id, w.group.id));
      expect(row.inviteCode).not.toBe(w.group.inviteCode);
      expect(row.inviteCode).toBe(result.ok ? result.data.inviteCode : undefined);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusal[role] });
      expect(after).toBe(before);
    }
  });
});

describe("a public group's join link", () => {
  it("has no code to replace", async () => {
    const w = await world();
    const before = await snapshot(w);
    expect(await renewInviteCode(w.actors.owner, w.group.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await snapshot(w)).toBe(before);
  });
});

describe("group actions given an altered id", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.set(k, v);
    return data;
  };
  const altered = ["x", "1 or 1=1", "00000000-0000-0000-0000-00000000000g", ""];

  it("answer not found before a session or a query is touched", async () => {
    const missing = { ok: false, code: "not_found" };
    for (const id of altered) {
      expect(await joinGroupAction(id, "some-group", null, form({ acceptAgreements: "on" }))).toMatchObject(missing);
      expect(await joinGroupWithInviteAction(id, "some-group", "code", null, form({ acceptAgreements: "on" }))).toMatchObject(missing);
      expect(await leaveGroupAction(id, "some-group", null, form({}))).toMatchObject(missing);
      expect(await changeMemberAction(id, "some-group", null, form({ userId: crypto.randomUUID(), change: "ban" }))).toMatchObject(missing);
      expect(await renewInviteLinkAction(id, "some-group", null, form({}))).toMatchObject(missing);
    }
    // An altered slug or invite is refused the same way.
    const id = crypto.randomUUID();
    expect(await changeMemberAction(id, "../../admin", null, form({ userId: id, change: "ban" }))).toMatchObject(missing);
    expect(await joinGroupWithInviteAction(id, "some-group", "x".repeat(500), null, form({ acceptAgreements: "on" }))).toMatchObject(missing);
  });

  it("an unknown group is the same 'not found' to an organizer change", async () => {
    const w = await world();
    expect(await changeMember(w.actors.owner, crypto.randomUUID(), w.target.id, "ban")).toMatchObject({ ok: false, code: "not_found" });
  });
});
