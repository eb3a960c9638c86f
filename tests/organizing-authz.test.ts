import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cancelActivity, createActivity, duplicateActivity, updateActivity } from "@/db/mutations/activities";
import { changeMember } from "@/db/mutations/groups";
import { activities, memberships, notifications, series } from "@/db/schema";
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

async function world() {
  const [owner, organizer, member, otherOrganizer, pending, target, targetOrganizer] = await Promise.all(Array.from({ length: 7 }, () => makeUser()));
  const group = await makeGroup();
  const other = await makeGroup();
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, target.id, "member");
  await addMember(group.id, targetOrganizer.id, "organizer");
  await addMember(other.id, otherOrganizer.id, "organizer");
  const db = await getDb();
  await db.insert(memberships).values({ groupId: group.id, userId: pending.id, status: "pending", agreementsAcceptedAt: new Date() });
  const activity = await makeActivity(group.id, { capacity: 10, placeName: "Library steps" });
  const actors: Record<Role, { id: string } | null> = {
    visitor: null,
    member,
    "other group's organizer": otherOrganizer,
    organizer,
    owner,
  };
  return { group, activity, actors, pending, target, targetOrganizer };
}

type World = Awaited<ReturnType<typeof world>>;

async function snapshot(w: World) {
  const db = await getDb();
  const acts = await db.select().from(activities).where(eq(activities.groupId, w.group.id)).orderBy(asc(activities.createdAt));
  const ids = acts.map((a) => a.id);
  return JSON.stringify({
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
  { name: "duplicate an activity", allowed: ["organizer", "owner"], run: (w, a) => duplicateActivity(a, w.activity.id) },
  { name: "approve a join request", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.pending.id, "approve") },
  { name: "decline a join request", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.pending.id, "decline") },
  { name: "remove a member", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.target.id, "remove") },
  { name: "ban a member", allowed: ["organizer", "owner"], run: (w, a) => changeMember(a, w.group.id, w.target.id, "ban") },
  { name: "promote a member to organizer", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.target.id, "promote") },
  { name: "demote an organizer", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.targetOrganizer.id, "demote") },
  { name: "remove an organizer", allowed: ["owner"], run: (w, a) => changeMember(a, w.group.id, w.targetOrganizer.id, "remove") },
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
