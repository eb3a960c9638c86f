import { getDb } from "@/db/client";
import { markAttendance } from "@/db/mutations/attendance";
import { rsvps } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./factories";

/*
 * Builders for the growing-connection tests: an organizer's group, and a member who is
 * marked as attending an activity by that organizer (attendance is what participation counts).
 */

export async function organizedGroup(overrides: Parameters<typeof makeGroup>[0] = {}) {
  const organizer = await makeUser();
  const group = await makeGroup(overrides);
  await addMember(group.id, organizer.id, "owner");
  return { organizer, group };
}

/** `userId` RSVPed going to an activity that started `hoursAgo` hours ago. */
export async function goingToPast(groupId: string, userIds: string[], hoursAgo: number, over: Parameters<typeof makeActivity>[1] = {}) {
  const activity = await makeActivity(groupId, { startsInHours: -hoursAgo, ...over });
  const db = await getDb();
  for (const userId of userIds) await db.insert(rsvps).values({ activityId: activity.id, userId, status: "going" });
  return activity;
}

/** An activity `hoursAgo` in the past that the organizer marks `userIds` as attending. */
export async function attended(org: { organizer: { id: string }; group: { id: string } }, userIds: string[], hoursAgo: number, over: Parameters<typeof makeActivity>[1] = {}) {
  const activity = await goingToPast(org.group.id, userIds, hoursAgo, over);
  for (const userId of userIds) {
    const result = await markAttendance({ activityId: activity.id, actorId: org.organizer.id, userId, attendance: "attended" });
    if (!result.ok) throw new Error(result.message);
  }
  return activity;
}
