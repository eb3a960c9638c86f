import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "../client";
import { activities, groups, memberships, rsvps, series, users, type Activity, type Group, type Membership } from "../schema";
import { isGroupSlug } from "@/lib/validation/group";
import { areRecordIds } from "@/lib/validation/ids";

/*
 * What a group's organizers see on its dashboard. Callers check that the viewer is an
 * organizer of this group first; these reads take the group's id and nothing else.
 */

export interface DashboardActivity {
  id: string;
  title: string;
  startsAt: Date;
  timezone: string;
  status: Activity["status"];
  capacity: number | null;
  goingCount: number;
  waitlistCount: number;
  seriesId: string | null;
}

export interface AttendanceRow extends DashboardActivity {
  attended: number;
  noShow: number;
}

export interface MemberRow {
  userId: string;
  name: string;
  role: Membership["role"];
  status: Membership["status"];
  agreementsAcceptedAt: Date | null;
  since: Date;
  /** Why they were banned, as the organizer wrote it (organizers only). */
  banReason: string | null;
}

const columns = {
  id: activities.id,
  title: activities.title,
  startsAt: activities.startsAt,
  timezone: activities.timezone,
  status: activities.status,
  capacity: activities.capacity,
  goingCount: activities.goingCount,
  waitlistCount: activities.waitlistCount,
  seriesId: activities.seriesId,
};

/** The group's next activities (cancelled ones included, marked), soonest first. */
export async function listUpcomingForGroup(groupId: string, now = new Date(), limit = 20): Promise<DashboardActivity[]> {
  const db = await getDb();
  return db.select(columns).from(activities).where(and(eq(activities.groupId, groupId), gt(activities.endsAt, now), isNull(activities.hiddenAt))).orderBy(asc(activities.startsAt)).limit(limit);
}

/** The group's most recent past activities with how many were marked as attended. */
export async function listRecentAttendance(groupId: string, now = new Date(), limit = 8): Promise<AttendanceRow[]> {
  const db = await getDb();
  const past = await db
    .select({
      ...columns,
      formerAttended: activities.formerAttended,
      formerNoShow: activities.formerNoShow,
      // Walk-ins recorded by first name came too (members who walked in have an RSVP marked attended).
      namedWalkIns: sql<number>`(select count(*)::int from walk_ins w where w.activity_id = "activities"."id")`,
    })
    .from(activities)
    .where(and(eq(activities.groupId, groupId), lte(activities.endsAt, now), eq(activities.status, "scheduled"), isNull(activities.hiddenAt)))
    .orderBy(desc(activities.startsAt))
    .limit(limit);
  if (past.length === 0) return [];
  const counts = await db
    .select({
      activityId: rsvps.activityId,
      attended: sql<number>`count(*) filter (where ${rsvps.attendance} = 'attended')::int`,
      noShow: sql<number>`count(*) filter (where ${rsvps.attendance} = 'no_show')::int`,
    })
    .from(rsvps)
    .where(inArray(rsvps.activityId, past.map((p) => p.id)))
    .groupBy(rsvps.activityId);
  const byId = new Map(counts.map((c) => [c.activityId, c]));
  // Members who have since deleted their accounts are still counted, with no one behind the number.
  return past.map(({ formerAttended, formerNoShow, namedWalkIns, ...p }) => ({ ...p, attended: (byId.get(p.id)?.attended ?? 0) + formerAttended + Number(namedWalkIns), noShow: (byId.get(p.id)?.noShow ?? 0) + formerNoShow }));
}

/** Everyone with a membership row: active members, pending requests and banned members. */
export async function listMembersForOrganizers(groupId: string): Promise<MemberRow[]> {
  const db = await getDb();
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      role: memberships.role,
      status: memberships.status,
      agreementsAcceptedAt: memberships.agreementsAcceptedAt,
      since: memberships.createdAt,
      banReason: memberships.banReason,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.groupId, groupId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'organizer' then 1 else 2 end`, asc(users.name));
}

/** The stored activity row and its series' frequency, for the editor. */
export async function getActivityForEditing(activityId: string): Promise<(Activity & { frequency: string | null; groupSlug: string }) | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ activity: activities, frequency: series.frequency, groupSlug: groups.slug })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .leftJoin(series, eq(series.id, activities.seriesId))
    .where(eq(activities.id, activityId))
    .limit(1);
  return row ? { ...row.activity, frequency: row.frequency, groupSlug: row.groupSlug } : undefined;
}

/** A group row by id or slug, whatever its visibility; callers decide what the viewer may see. */
export async function getGroupRow(by: { id: string } | { slug: string }): Promise<Group | undefined> {
  if ("id" in by ? !areRecordIds(by.id) : !isGroupSlug(by.slug)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(groups)
    .where("id" in by ? eq(groups.id, by.id) : eq(groups.slug, by.slug))
    .limit(1);
  return row;
}
