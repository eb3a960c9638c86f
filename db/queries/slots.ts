import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { activities, activitySlots, slotSignups, users } from "../schema";

/** One time slot as a page shows it, with the viewer's own place in it. */
export interface PageSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** Null: no limit. */
  capacity: number | null;
  goingCount: number;
  waitlistCount: number;
  /** The viewer's place: going, in its line, or none (null, and always null for a visitor). */
  mine: "going" | "waitlisted" | null;
  /** The viewer's 1-based place in the slot's line, when waiting. */
  position: number | null;
}

// Written out with the table's name: in a statement over one table drizzle leaves column names
// bare, and a bare "id" inside the subquery would be the slot's own.
const ACTIVITY_ID = sql.raw(`"activities"."id"`);
const SLOT_COUNT = sql.raw(`"activities"."slot_count"`);

type RawSlot = Omit<PageSlot, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };

/**
 * The activity's slots as one json column of the statement that reads the activity, so a page
 * pays no statement for them; an activity without slots (slot_count 0) reads nothing more.
 */
export function slotsColumn(viewerId: string | null): SQL<RawSlot[] | null> {
  const mine = viewerId
    ? sql`(select ss.status from slot_signups ss where ss.slot_id = s.id and ss.user_id = ${viewerId})`
    : sql`null`;
  const position = viewerId
    ? sql`(select count(*) from slot_signups w join slot_signups me on me.slot_id = w.slot_id and me.user_id = ${viewerId} and me.status = 'waitlisted' where w.slot_id = s.id and w.status = 'waitlisted' and w.waitlist_seq <= me.waitlist_seq)`
    : sql`0`;
  return sql<RawSlot[] | null>`(case when ${SLOT_COUNT} > 0 then (select json_agg(json_build_object(
      'id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'capacity', s.capacity,
      'goingCount', s.going_count, 'waitlistCount', s.waitlist_count, 'mine', ${mine}, 'position', ${position}
    ) order by s.starts_at) from activity_slots s where s.activity_id = ${ACTIVITY_ID}) end)`;
}

/** Slots read through `slotsColumn`, as dates and numbers. */
export function toPageSlots(raw: RawSlot[] | null | undefined): PageSlot[] {
  return (raw ?? []).map((s) => ({
    id: s.id,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    capacity: s.capacity === null ? null : Number(s.capacity),
    goingCount: Number(s.goingCount),
    waitlistCount: Number(s.waitlistCount),
    mine: s.mine ?? null,
    position: s.mine === "waitlisted" && Number(s.position) > 0 ? Number(s.position) : null,
  }));
}

/** An activity's slots as `viewerId` sees them, for the JSON API (the caller has checked they may see the activity). */
export async function listSlotsForViewer(activityId: string, viewerId: string | null): Promise<PageSlot[]> {
  const db = await getDb();
  const [row] = await db.select({ slots: slotsColumn(viewerId) }).from(activities).where(eq(activities.id, activityId)).limit(1);
  return toPageSlots(row?.slots);
}

/** A slot with who holds it and who waits for it, in line order: for the activity's organizers. */
export interface SlotRoster {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  going: Array<{ userId: string; name: string }>;
  waiting: Array<{ userId: string; name: string; position: number }>;
}

/** Every slot of the activity with its people, soonest first. Organizers only: the caller checks. */
export async function listSlotRoster(activityId: string): Promise<SlotRoster[]> {
  const db = await getDb();
  const slots = await db.select().from(activitySlots).where(eq(activitySlots.activityId, activityId)).orderBy(asc(activitySlots.startsAt));
  if (slots.length === 0) return [];
  const people = await db
    .select({ slotId: slotSignups.slotId, userId: slotSignups.userId, name: users.name, status: slotSignups.status })
    .from(slotSignups)
    .innerJoin(users, eq(users.id, slotSignups.userId))
    .where(eq(slotSignups.activityId, activityId))
    .orderBy(asc(slotSignups.waitlistSeq));
  return slots.map((s) => {
    const mine = people.filter((p) => p.slotId === s.id);
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      going: mine.filter((p) => p.status === "going").map(({ userId, name }) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)),
      waiting: mine.filter((p) => p.status === "waitlisted").map(({ userId, name }, i) => ({ userId, name, position: i + 1 })),
    };
  });
}

/** The times of the slots a member holds (going) in an activity, soonest first: their own calendar entry. */
export async function listMySlotTimes(activityId: string, userId: string): Promise<Array<{ startsAt: Date; endsAt: Date }>> {
  const db = await getDb();
  return db
    .select({ startsAt: activitySlots.startsAt, endsAt: activitySlots.endsAt })
    .from(slotSignups)
    .innerJoin(activitySlots, eq(activitySlots.id, slotSignups.slotId))
    .where(and(eq(slotSignups.activityId, activityId), eq(slotSignups.userId, userId), eq(slotSignups.status, "going")))
    .orderBy(asc(activitySlots.startsAt));
}

/** A member's slot times in each activity of a feed, as a json column beside the activity (see calendar.ts). */
export function mySlotTimesColumn(userId: string): SQL<Array<{ startsAt: string; endsAt: string }> | null> {
  return sql`(case when ${SLOT_COUNT} > 0 then (select json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at) order by s.starts_at)
    from slot_signups ss join activity_slots s on s.id = ss.slot_id
    where ss.activity_id = ${ACTIVITY_ID} and ss.user_id = ${userId} and ss.status = 'going') end)`;
}
