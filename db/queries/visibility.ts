import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { groups } from "../schema";

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
