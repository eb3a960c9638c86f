import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import type { CalendarActivity } from "@/lib/activity-calendar";
import type { Db } from "../client";
import { getDb } from "../client";
import { activities, groups, rsvps } from "../schema";
import { mySlotTimesColumn } from "./slots";
import { groupVisibleTo, meetingLinkFor } from "./visibility";

/** An activity's calendar entry as `readerId` may read it: the meeting link only if they are going or organize it. */
const calendarColumns = (readerId: string | null) => ({
  id: activities.id,
  title: activities.title,
  description: activities.description,
  status: activities.status,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  timezone: activities.timezone,
  sequence: activities.sequence,
  updatedAt: activities.updatedAt,
  placeName: activities.placeName,
  address: activities.address,
  online: sql<boolean>`(${activities.onlineUrl} is not null)`,
  onlineUrl: meetingLinkFor(readerId),
  latitude: activities.latitude,
  longitude: activities.longitude,
  groupName: groups.name,
});

/**
 * One activity as a calendar entry, for the attachment of an email to `recipientId` (null for
 * an address that is no member's: then it never carries the meeting link).
 */
export async function getCalendarActivity(id: string, recipientId: string | null, db?: Db): Promise<CalendarActivity | undefined> {
  const handle = db ?? (await getDb());
  // A member's entry runs over the time slots they hold, as their calendar file and feed do, so an
  // email's attachment never resets it to the whole day.
  const [row] = await handle
    .select(recipientId ? { ...calendarColumns(recipientId), mySlots: mySlotTimesColumn(recipientId) } : calendarColumns(recipientId))
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(and(eq(activities.id, id), isNull(activities.hiddenAt)))
    .limit(1);
  if (!row) return undefined;
  const slots = "mySlots" in row ? (row.mySlots as { startsAt: string; endsAt: string }[] | null) : null;
  return { ...row, mySlots: slots?.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })) ?? null };
}

/**
 * For the email telling `recipientId` of a cancellation: the cancelled activity and the other
 * dates of its series cancelled in the same stroke ("this and following", one cancelled-at
 * moment) that they were coming to (going, maybe or waiting), earliest first. That email lists
 * all of them, so its calendar attachment removes all of them. Just the activity otherwise.
 */
export async function listCalendarActivitiesCancelledWith(id: string, recipientId: string | null, db?: Db): Promise<CalendarActivity[]> {
  const handle = db ?? (await getDb());
  const one = await getCalendarActivity(id, recipientId, handle);
  if (!one || one.status !== "cancelled" || !recipientId) return one ? [one] : [];
  const anchor = handle.select({ seriesId: activities.seriesId, cancelledAt: activities.cancelledAt }).from(activities).where(eq(activities.id, id));
  const together = await handle
    .select(calendarColumns(recipientId))
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .innerJoin(rsvps, and(eq(rsvps.activityId, activities.id), eq(rsvps.userId, recipientId)))
    .where(and(
      sql`(${activities.seriesId}, ${activities.cancelledAt}) = (${anchor})`,
      ne(activities.id, id),
      eq(activities.status, "cancelled"),
      inArray(rsvps.status, ["going", "maybe", "waitlisted"]),
      isNull(activities.hiddenAt),
    ))
    .orderBy(asc(activities.startsAt));
  return [one, ...together].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** How far back feeds reach: upcoming activities plus the last 30 days. */
export const FEED_PAST_DAYS = 30;

/**
 * A member's own activities for their private feed: going, trying or waitlisted, from 30 days
 * ago on, cancelled ones included (so subscribed calendars mark them cancelled). Only groups
 * the member may see today: leaving a private group takes its activities out of the feed.
 */
export async function listMemberFeedActivities(userId: string, now = new Date()): Promise<CalendarActivity[]> {
  const db = await getDb();
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ ...calendarColumns(userId), mySlots: mySlotTimesColumn(userId) })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .innerJoin(rsvps, and(eq(rsvps.activityId, activities.id), eq(rsvps.userId, userId)))
    .where(and(inArray(rsvps.status, ["going", "maybe", "waitlisted"]), gte(activities.endsAt, since), isNull(activities.hiddenAt), groupVisibleTo(userId)))
    .orderBy(desc(activities.startsAt))
    .limit(500);
  // The member's own time slots, if they hold any there: their entry shows those times.
  return rows.map((r) => ({ ...r, mySlots: r.mySlots?.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })) ?? null }));
}

/**
 * A group's activities for a member's feed of that group, from 30 days ago on; empty when the
 * member may not see the group (a private group they are not an active member of).
 */
export async function listGroupFeedActivities(groupId: string, userId: string, now = new Date()): Promise<CalendarActivity[]> {
  const db = await getDb();
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  return db
    .select(calendarColumns(userId))
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(and(eq(activities.groupId, groupId), gte(activities.endsAt, since), isNull(activities.hiddenAt), groupVisibleTo(userId)))
    .orderBy(desc(activities.startsAt))
    .limit(500);
}
