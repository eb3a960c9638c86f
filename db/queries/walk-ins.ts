import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { notBlockedWith } from "./blocks";
import { rsvps, users, walkIns } from "../schema";

/*
 * Walk-ins for the organizer view only (the page checks the viewer organizes the activity's
 * group before calling these). First names recorded without an account are never shown elsewhere.
 */

export interface WalkInList {
  members: { userId: string; name: string; at: Date }[];
  named: { id: string; firstName: string; at: Date }[];
}

/** The activity's walk-ins: members (by their RSVP marked as a walk-in) and first names. */
export async function listWalkIns(activityId: string): Promise<WalkInList> {
  const db = await getDb();
  const [members, named] = await Promise.all([
    db
      .select({ userId: rsvps.userId, name: users.name, at: sql<Date>`${rsvps.walkedInAt}`.mapWith(rsvps.walkedInAt) })
      .from(rsvps)
      .innerJoin(users, eq(users.id, rsvps.userId))
      .where(and(eq(rsvps.activityId, activityId), isNotNull(rsvps.walkedInAt)))
      .orderBy(asc(rsvps.walkedInAt)),
    db.select({ id: walkIns.id, firstName: walkIns.firstName, at: walkIns.createdAt }).from(walkIns).where(eq(walkIns.activityId, activityId)).orderBy(asc(walkIns.createdAt)),
  ]);
  return { members, named };
}

export interface WalkInCandidate {
  userId: string;
  name: string;
  /** An active member of the activity's group (else a hub member who chose to be listed). */
  inGroup: boolean;
  /** Already recorded as a walk-in here (kept in the results, so the answer to recording them stays on the page). */
  walkedIn: boolean;
}

/**
 * Members an organizer may record as a walk-in, found by name: the group's active members, and
 * for a public group also hub members who chose to be listed on who's-going lists. Never anyone
 * suspended, banned from the group, with a block either way with the organizer, or already going
 * or marked attended (except as a walk-in, shown as such).
 */
export async function searchWalkInCandidates(activityId: string, organizerId: string, query: string): Promise<WalkInCandidate[]> {
  const db = await getDb();
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = (await db.execute(sql`
    select u.id as "userId", u.name as "name", (m.status = 'active') as "inGroup",
      exists (select 1 from rsvps w where w.activity_id = a.id and w.user_id = u.id and w.walked_in_at is not null) as "walkedIn"
    from activities a
    join groups g on g.id = a.group_id
    join users u on u.name ilike ${pattern}
    left join memberships m on m.group_id = a.group_id and m.user_id = u.id
    where a.id = ${activityId}
      and u.suspended_at is null
      and (m.status = 'active' or (m.status is null and g.visibility = 'public' and u.listed_as_going))
      and ${notBlockedWith(organizerId, sql`u.id`)}
      and not exists (select 1 from rsvps r where r.activity_id = a.id and r.user_id = u.id and (r.status = 'going' or r.attendance = 'attended') and r.walked_in_at is null)
    order by (m.status = 'active') desc nulls last, u.name asc, u.id
    limit 10`)) as unknown as { rows: WalkInCandidate[] };
  return rows.rows.map((r) => ({ userId: r.userId, name: r.name, inGroup: Boolean(r.inGroup), walkedIn: Boolean(r.walkedIn) }));
}
