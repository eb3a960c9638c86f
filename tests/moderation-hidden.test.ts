import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cancelActivity, createActivity, updateActivity } from "@/db/mutations/activities";
import { respondToActivity } from "@/db/mutations/rsvps";
import { listRecentAttendance, listUpcomingForGroup } from "@/db/queries/organizer";
import { listMyRsvps } from "@/db/queries/rsvps";
import { activities, groups } from "@/db/schema";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * What a moderator hides is gone for everyone, the group's own organizers included: they
 * cannot edit, cancel or copy it back into view, and it leaves their dashboard and
 * everyone's list of RSVPs.
 */
describe("hidden by a moderator", () => {
  it("an organizer can no longer edit or cancel a hidden activity, and nothing changes", async () => {
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const activity = await makeActivity(group.id, { title: "Reported walk", hiddenAt: new Date() });
    const db = await getDb();
    const before = await db.select().from(activities).where(eq(activities.groupId, group.id));

    const input = activityInputSchema.parse({ ...activityToFormValues(activity), placeName: "Park", title: "Back again" });
    expect(await updateActivity(owner, activity.id, input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await cancelActivity(owner, activity.id)).toMatchObject({ ok: false, code: "not_found" });

    expect(await db.select().from(activities).where(eq(activities.groupId, group.id))).toEqual(before);
    expect((await listUpcomingForGroup(group.id)).map((a) => a.id)).not.toContain(activity.id);
  });

  it("a hidden past activity leaves the attendance summary", async () => {
    const group = await makeGroup();
    const shown = await makeActivity(group.id, { startsInHours: -5 });
    const hidden = await makeActivity(group.id, { startsInHours: -5, hiddenAt: new Date() });
    const ids = (await listRecentAttendance(group.id)).map((r) => r.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
  });

  it("no one can post in a hidden group, and its activities leave members' RSVP lists", async () => {
    const owner = await makeUser();
    const member = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    await addMember(group.id, member.id);
    const activity = await makeActivity(group.id);
    const db = await getDb();
    expect((await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going" })).ok).toBe(true);
    expect((await listMyRsvps(member.id)).map((r) => r.activityId)).toContain(activity.id);

    await db.update(groups).set({ hiddenAt: new Date() }).where(eq(groups.id, group.id));
    expect((await listMyRsvps(member.id)).map((r) => r.activityId)).not.toContain(activity.id);
    const input = activityInputSchema.parse({ ...activityToFormValues(activity), placeName: "Park", title: "New one" });
    expect(await createActivity(owner, group.id, input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.select().from(activities).where(eq(activities.groupId, group.id))).toHaveLength(1);
  });
});
