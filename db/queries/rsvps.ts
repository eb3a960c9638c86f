import "server-only";
import type { RsvpAnswers, RsvpQuestion } from "@/lib/rsvp-questions";
import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { notBlockedWith } from "./blocks";
import { getDb, type Db } from "../client";
import { activities, groups, memberships, rsvps, users } from "../schema";
import { groupVisibleTo } from "./visibility";

export type MyRsvpStatus = "going" | "waitlisted" | "maybe" | "not_going";

/** A waitlisted row's 1-based place: how many waitlisted members and guests of that activity queued no later. */
export const positionOf = sql<number | null>`case when ${rsvps.status} = 'waitlisted' then (
  select count(*)::int from rsvps w where w.activity_id = ${rsvps.activityId} and w.status = 'waitlisted' and w.waitlist_seq <= ${rsvps.waitlistSeq}) + (
  select count(*)::int from guest_rsvps g where g.activity_id = ${rsvps.activityId} and g.status = 'waitlisted' and g.waitlist_seq <= ${rsvps.waitlistSeq}) end`;

export interface RsvpPanelData {
  activity: {
    id: string;
    title: string;
    status: "scheduled" | "cancelled";
    startsAt: Date;
    endsAt: Date;
    rsvpCutoff: Date | null;
    timezone: string;
    capacity: number | null;
    goingCount: number;
    waitlistCount: number;
    groupId: string;
    groupSlug: string;
    groupVisibility: "public" | "private";
    /** Visitors may RSVP with a first name and an email. */
    guestsWelcome?: boolean;
    /** Questions on RSVP (lib/rsvp-questions.ts). */
    questions?: RsvpQuestion[];
    /** It has time slots: places are taken through them (members only), not with this panel's "Going". */
    hasSlots?: boolean;
  };
  myRsvp: { status: MyRsvpStatus; position: number | null; goTogether: boolean; offersToGreet: boolean; greeterName: string | null; answers?: RsvpAnswers } | null;
  membership: { status: "active" | "pending" | "banned"; role: "owner" | "organizer" | "member" } | null;
}

export interface MyRsvpItem {
  activityId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  activityStatus: "scheduled" | "cancelled";
  status: MyRsvpStatus;
  position: number | null;
  goTogether: boolean;
  offersToGreet: boolean;
}

/**
 * The member's RSVPs to activities that have not ended yet (or all of them), soonest first.
 * Only activities the member may see today: an RSVP outlives a removal from a private group
 * (or a group made private), but what the group does from then on is not theirs to see.
 */
export async function listMyRsvps(userId: string, opts: { includePast?: boolean; now?: Date } = {}): Promise<MyRsvpItem[]> {
  const db = await getDb();
  const now = opts.now ?? new Date();
  const rows = await db
    .select({
      activityId: rsvps.activityId,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      timezone: activities.timezone,
      activityStatus: activities.status,
      status: rsvps.status,
      position: positionOf,
      goTogether: rsvps.goTogether,
      offersToGreet: rsvps.offersToGreet,
    })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(and(eq(rsvps.userId, userId), isNull(activities.hiddenAt), groupVisibleTo(userId), opts.includePast ? undefined : gte(activities.endsAt, now)))
    .orderBy(asc(activities.startsAt))
    .limit(500);
  return rows.map((r) => ({ ...r, position: r.position === null ? null : Number(r.position) }));
}

export interface RosterEntry {
  userId: string;
  name: string;
  listedAsGoing: boolean;
  status: MyRsvpStatus;
  position: number | null;
  goTogether: boolean;
  offersToGreet: boolean;
  greeterId: string | null;
  greeterName: string | null;
  attendance: "attended" | "no_show" | null;
  respondedAt: Date;
}

/** Every RSVP of an activity with names, in the order organizers read them (waitlist by position). */
export async function listRoster(activityId: string): Promise<RosterEntry[]> {
  const db = await getDb();
  const greeter = alias(users, "greeter");
  const rows = await db
    .select({
      userId: rsvps.userId,
      name: users.name,
      listedAsGoing: users.listedAsGoing,
      status: rsvps.status,
      position: positionOf,
      goTogether: rsvps.goTogether,
      offersToGreet: rsvps.offersToGreet,
      greeterId: rsvps.greeterId,
      greeterName: greeter.name,
      attendance: rsvps.attendance,
      respondedAt: rsvps.createdAt,
    })
    .from(rsvps)
    .innerJoin(users, eq(users.id, rsvps.userId))
    .leftJoin(greeter, eq(greeter.id, rsvps.greeterId))
    .where(eq(rsvps.activityId, activityId))
    .orderBy(asc(rsvps.waitlistSeq));
  return rows
    .map((r) => ({ ...r, position: r.position === null ? null : Number(r.position) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** The group's active owners and organizers of the activity's group, who can always greet. */
export async function listActivityOrganizers(activityId: string): Promise<{ userId: string; name: string }[]> {
  const db = await getDb();
  return db
    .select({ userId: users.id, name: users.name })
    .from(activities)
    .innerJoin(memberships, and(eq(memberships.groupId, activities.groupId), eq(memberships.status, "active")))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(activities.id, activityId), sql`${memberships.role} in ('owner', 'organizer')`))
    .orderBy(asc(users.name));
}

export interface WhoIsGoingData {
  goingCount: number;
  maybeCount: number;
  waitlistCount: number;
  /** Names this viewer may see, going members first. */
  names: { userId: string; name: string; status: MyRsvpStatus }[];
  /** Going members whose names this viewer may not see. */
  unlistedGoing: number;
}

/**
 * Who is coming, as far as this viewer may know: organizers of the group see every name
 * (going, maybe, waitlist); other signed-in viewers see going members who chose to be
 * listed, and a count of the rest; visitors see counts only.
 */
export async function getWhoIsGoing(
  activityId: string,
  viewer: { id: string; isOrganizer: boolean } | null,
  known?: { goingCount: number; maybeCount: number; waitlistCount: number },
): Promise<WhoIsGoingData> {
  const db = await getDb();
  const [counts] = known ? [{ going: known.goingCount, maybe: known.maybeCount, waitlisted: known.waitlistCount }] : await db
    .select({
      going: sql<number>`count(*) filter (where ${rsvps.status} = 'going')::int`,
      maybe: sql<number>`count(*) filter (where ${rsvps.status} = 'maybe')::int`,
      waitlisted: sql<number>`count(*) filter (where ${rsvps.status} = 'waitlisted')::int`,
    })
    .from(rsvps)
    .where(eq(rsvps.activityId, activityId));
  const base = { goingCount: Number(counts?.going ?? 0), maybeCount: Number(counts?.maybe ?? 0), waitlistCount: Number(counts?.waitlisted ?? 0) };
  if (!viewer) return { ...base, names: [], unlistedGoing: base.goingCount };
  const rows = await db
    .select({ userId: users.id, name: users.name, status: rsvps.status })
    .from(rsvps)
    .innerJoin(users, eq(users.id, rsvps.userId))
    .where(
      and(
        eq(rsvps.activityId, activityId),
        viewer.isOrganizer ? sql`${rsvps.status} in ('going', 'maybe', 'waitlisted')` : and(eq(rsvps.status, "going"), eq(users.listedAsGoing, true)),
        // Neither side of a block sees the other's name; they are counted, not named.
        notBlockedWith(viewer.id, users.id),
      ),
    )
    .orderBy(sql`case ${rsvps.status} when 'going' then 0 when 'maybe' then 1 else 2 end`, asc(rsvps.waitlistSeq))
    .limit(1000);
  const shownGoing = rows.filter((r) => r.status === "going").length;
  return { ...base, names: rows, unlistedGoing: Math.max(0, base.goingCount - shownGoing) };
}

export interface ActivityAccess {
  activityId: string;
  groupId: string;
  title: string;
  status: "scheduled" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  meetingPoint: string | null;
  placeName: string;
  address: string;
  isOrganizer: boolean;
}

/**
 * The activity as far as authorization needs it, for a viewer who may see it (else
 * undefined), with whether they are an active owner or organizer of its group. Pass a
 * transaction to decide inside the change it guards.
 */
export async function getActivityAccess(activityId: string, viewerId: string | null, executor?: Db): Promise<ActivityAccess | undefined> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({
      activityId: activities.id,
      groupId: activities.groupId,
      title: activities.title,
      status: activities.status,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      timezone: activities.timezone,
      meetingPoint: activities.meetingPoint,
      placeName: activities.placeName,
      address: activities.address,
      isOrganizer: viewerId
        ? sql<boolean>`exists (select 1 from memberships m where m.group_id = ${activities.groupId} and m.user_id = ${viewerId} and m.status = 'active' and m.role in ('owner', 'organizer'))`
        : sql<boolean>`false`,
    })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(and(eq(activities.id, activityId), isNull(activities.hiddenAt), groupVisibleTo(viewerId)))
    .limit(1);
  return row ? { ...row, isOrganizer: Boolean(row.isOrganizer) } : undefined;
}
