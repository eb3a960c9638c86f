import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { MilestoneFacts } from "@/lib/connection/milestones";
import { env } from "@/lib/env";
import { getDb, type Db } from "../client";
import { activities, checkIns, groups, partnerships, reflections, rsvps, taskClaims, users } from "../schema";

/*
 * The facts a member's own growing-connection views are built from. Every function takes
 * the member's id explicitly and reads only that member's rows: nothing here is ever
 * called with someone else's id on their behalf.
 */

export interface AttendedActivity {
  activityId: string;
  title: string;
  kind: "volunteer" | "walk" | "hobby";
  groupId: string;
  groupName: string;
  startsAt: Date;
  endsAt: Date;
  energyLevel: "low" | "medium" | "high";
  isSharedPurpose: boolean;
}

/** The zone a member's weeks are counted in: their own, else the given fallback, else the site's. */
export async function getMemberZone(userId: string, fallback?: string, executor?: Db): Promise<string> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ timezone: users.timezone }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.timezone || fallback || env().SITE_TIMEZONE;
}

/** Activities the member attended (marked by an organizer), oldest first. */
export async function listAttended(userId: string, executor?: Db): Promise<AttendedActivity[]> {
  const db = executor ?? (await getDb());
  const rows = await db
    .select({
      activityId: activities.id,
      title: activities.title,
      kind: activities.kind,
      groupId: activities.groupId,
      groupName: groups.name,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      energyLevel: activities.energyLevel,
      projectId: activities.projectId,
    })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(and(eq(rsvps.userId, userId), eq(rsvps.attendance, "attended")))
    .orderBy(asc(activities.startsAt));
  return rows.map(({ projectId, ...r }) => ({ ...r, isSharedPurpose: r.kind === "volunteer" || projectId !== null }));
}

/** When the member wrote each of their check-ins. */
export async function listMyCheckInTimes(userId: string, executor?: Db): Promise<Date[]> {
  const db = executor ?? (await getDb());
  const rows = await db.select({ at: checkIns.createdAt }).from(checkIns).where(eq(checkIns.authorId, userId));
  return rows.map((r) => r.at);
}

/** Tasks done and verified volunteer hours, from the member's task claims. */
export async function getVolunteering(userId: string, executor?: Db): Promise<{ tasksDone: number; verifiedHours: number }> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({
      tasksDone: sql<number>`count(*) filter (where ${taskClaims.status} in ('done', 'verified'))::int`,
      // Hours live only on verified claims.
      verifiedHours: sql<string>`coalesce(sum(${taskClaims.hours}) filter (where ${taskClaims.status} = 'verified'), 0)::text`,
    })
    .from(taskClaims)
    .where(eq(taskClaims.userId, userId));
  return { tasksDone: Number(row?.tasksDone ?? 0), verifiedHours: Number(row?.verifiedHours ?? 0) };
}

/** Everything milestones are computed from. */
export async function getMilestoneFacts(userId: string, executor?: Db): Promise<MilestoneFacts> {
  const db = executor ?? (await getDb());
  // One after another: inside a transaction they share one connection.
  const attended = await listAttended(userId, db);
  const checkInsAt = await listMyCheckInTimes(userId, db);
  const volunteering = await getVolunteering(userId, db);
  const [partner] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(or(eq(partnerships.inviterId, userId), eq(partnerships.inviteeId, userId)), isNotNull(partnerships.acceptedAt)))
    .limit(1);
  const [reflected] = await db.select({ n: sql<number>`count(*)::int` }).from(reflections).where(eq(reflections.userId, userId));
  return {
    attended: attended.map((a) => ({ startsAt: a.startsAt, kind: a.kind, groupId: a.groupId })),
    checkInsAt,
    ...volunteering,
    hadPartner: Boolean(partner),
    reflections: Number(reflected?.n ?? 0),
  };
}

export interface PersonMet {
  userId: string;
  name: string;
  sharedActivities: number;
}

/**
 * People the member attended the same activities with: only people who were going, chose to
 * be listed on who's-going lists and are not suspended, and never anyone either side blocked.
 */
export async function listPeopleMet(userId: string, minShared: number): Promise<PersonMet[]> {
  const db = await getDb();
  const result = (await db.execute(sql`
    select u.id as "userId", u.name as "name", count(distinct other.activity_id)::int as "sharedActivities"
    from rsvps mine
    join rsvps other on other.activity_id = mine.activity_id and other.user_id <> mine.user_id
    join users u on u.id = other.user_id
    where mine.user_id = ${userId} and mine.attendance = 'attended'
      and other.status = 'going' and other.attendance is distinct from 'no_show'
      and u.listed_as_going and u.suspended_at is null
      and not exists (select 1 from blocks b where (b.blocker_id = ${userId} and b.blocked_id = u.id) or (b.blocker_id = u.id and b.blocked_id = ${userId}))
    group by u.id, u.name
    having count(distinct other.activity_id) >= ${minShared}
    order by count(distinct other.activity_id) desc, u.name asc
    limit 50`)) as unknown as { rows: PersonMet[] };
  return result.rows.map((r) => ({ userId: r.userId, name: r.name, sharedActivities: Number(r.sharedActivities) }));
}

/** The member's reflections with what they reflect on, newest first. */
export async function listMyReflections(userId: string, limit = 50) {
  const db = await getDb();
  return db
    .select({
      activityId: reflections.activityId,
      activityTitle: activities.title,
      kind: activities.kind,
      groupId: activities.groupId,
      feeling: reflections.feeling,
      note: reflections.note,
      createdAt: reflections.createdAt,
    })
    .from(reflections)
    .innerJoin(activities, eq(activities.id, reflections.activityId))
    .where(eq(reflections.userId, userId))
    .orderBy(desc(reflections.createdAt))
    .limit(limit);
}

/** Names of groups, for milestone words; only ids the member's own milestones carry are asked for. */
export async function groupNames(ids: string[], executor?: Db): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = executor ?? (await getDb());
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
