import "server-only";
import { and, eq, gt, inArray, or, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { activities, checkIns, comments, groups, memberships, partnerships, reflections, rsvps, taskClaims } from "../schema";

/* What deleting an account would take away and what would stay, for the account page. */

export interface OwnedGroup {
  id: string;
  name: string;
  slug: string;
}

/** The groups a member owns; while there are any, the account cannot be deleted. */
export async function listOwnedGroups(userId: string, executor?: Db): Promise<OwnedGroup[]> {
  const db = executor ?? (await getDb());
  return db
    .select({ id: groups.id, name: groups.name, slug: groups.slug })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "owner"), eq(memberships.status, "active")))
    .orderBy(groups.name);
}

export interface DeletionPreview {
  ownedGroups: OwnedGroup[];
  /** Places (going, waiting or "I'll try") on activities that have not ended. */
  upcomingRsvps: number;
  groups: number;
  comments: number;
  partnerships: number;
  checkIns: number;
  reflections: number;
  /** Open places on tasks, which are freed. */
  openTaskPlaces: number;
  /** Activities attended: they stay in organizers' totals as numbers. */
  attended: number;
  /** Verified volunteer hours: they stay on their projects as numbers. */
  verifiedHours: number;
  /** Activities they posted, which stay with their groups. */
  activitiesPosted: number;
}

const count = sql<number>`count(*)::int`;

/** Counts of what goes and what stays, for the deletion section of the account page. */
export async function getDeletionPreview(userId: string, now = new Date()): Promise<DeletionPreview> {
  const db = await getDb();
  const one = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const [ownedGroups, upcomingRsvps, groupCount, commentCount, partnershipCount, checkInCount, reflectionCount, openTaskPlaces, attended, hours, posted] = await Promise.all([
    listOwnedGroups(userId, db),
    one(
      db
        .select({ n: count })
        .from(rsvps)
        .innerJoin(activities, eq(activities.id, rsvps.activityId))
        .where(and(eq(rsvps.userId, userId), gt(activities.endsAt, now), inArray(rsvps.status, ["going", "waitlisted", "maybe"]))),
    ),
    one(db.select({ n: count }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))),
    one(db.select({ n: count }).from(comments).where(eq(comments.authorId, userId))),
    one(db.select({ n: count }).from(partnerships).where(or(eq(partnerships.inviterId, userId), eq(partnerships.inviteeId, userId)))),
    one(db.select({ n: count }).from(checkIns).where(eq(checkIns.authorId, userId))),
    one(db.select({ n: count }).from(reflections).where(eq(reflections.userId, userId))),
    one(db.select({ n: count }).from(taskClaims).where(and(eq(taskClaims.userId, userId), sql`${taskClaims.status} <> 'verified'`))),
    one(db.select({ n: count }).from(rsvps).where(and(eq(rsvps.userId, userId), eq(rsvps.attendance, "attended")))),
    db.select({ n: sql<string>`coalesce(sum(${taskClaims.hours}), 0)::text` }).from(taskClaims).where(and(eq(taskClaims.userId, userId), eq(taskClaims.status, "verified"))),
    one(db.select({ n: count }).from(activities).where(eq(activities.createdById, userId))),
  ]);
  return {
    ownedGroups,
    upcomingRsvps,
    groups: groupCount,
    comments: commentCount,
    partnerships: partnershipCount,
    checkIns: checkInCount,
    reflections: reflectionCount,
    openTaskPlaces,
    attended,
    verifiedHours: Number(hours[0]?.n ?? 0),
    activitiesPosted: posted,
  };
}

