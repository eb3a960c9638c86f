import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { activities, groups } from "../schema";

/**
 * The WHERE fragment that decides whether a viewer may see a group's content: public
 * groups to everyone, private ones to their active members only, hidden ones to nobody.
 * Every read of activities, projects or members goes through this one rule.
 */
export function groupVisibleTo(viewerId: string | null | undefined): SQL {
  if (!viewerId) return sql`(${groups.hiddenAt} is null and ${groups.visibility} = 'public')`;
  return sql`(${groups.hiddenAt} is null and (${groups.visibility} = 'public' or exists (
    select 1 from memberships m where m.group_id = ${groups.id} and m.user_id = ${viewerId} and m.status = 'active')))`;
}

/**
 * An activity's online meeting link as `viewerId` may read it: the link for a member going
 * (and for the organizers of its group), null for everyone else. Circles of people in
 * recovery meet on these links, so a visitor, a member who has not said they are going and a
 * feed or email for someone else never carry it. Every read of the link goes through this rule.
 */
export function meetingLinkFor(viewerId: string | null | undefined): SQL<string | null> {
  if (!viewerId) return sql<string | null>`null::text`;
  return sql<string | null>`(case when ${activities.onlineUrl} is not null and (exists (
    select 1 from rsvps r where r.activity_id = ${activities.id} and r.user_id = ${viewerId} and r.status = 'going')
    or exists (select 1 from memberships o where o.group_id = ${activities.groupId} and o.user_id = ${viewerId}
      and o.status = 'active' and o.role in ('owner', 'organizer'))) then ${activities.onlineUrl} end)`;
}
