import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { activities, groups, memberships, type Activity, type Group } from "../schema";
import { isGroupSlug } from "@/lib/validation/group";
import { groupVisibleTo } from "./visibility";

export interface GroupPageData extends Group {
  memberCount: number;
}

/** A group by slug with its member count, or undefined when it does not exist or the viewer may not see it. */
export async function getGroupForViewer(slug: string, viewerId: string | null): Promise<GroupPageData | undefined> {
  if (!isGroupSlug(slug)) return undefined;
  const db = await getDb();
  const [group] = await db.select().from(groups).where(and(eq(groups.slug, slug), groupVisibleTo(viewerId))).limit(1);
  if (!group) return undefined;
  const [{ memberCount }] = await db
    .select({ memberCount: count() })
    .from(memberships)
    .where(and(eq(memberships.groupId, group.id), eq(memberships.status, "active")));
  return { ...group, memberCount };
}

export interface GroupListItem {
  slug: string;
  name: string;
  about: string;
  visibility: "public" | "private";
  neighbourhood: string | null;
  memberCount: number;
  upcomingCount: number;
}

/** Every group the viewer may see, by name, with member and upcoming-activity counts. */
export async function listGroupsForViewer(viewerId: string | null, now = new Date()): Promise<GroupListItem[]> {
  const db = await getDb();
  return db
    .select({
      slug: groups.slug,
      name: groups.name,
      about: groups.about,
      visibility: groups.visibility,
      neighbourhood: groups.neighbourhood,
      // Qualified by hand: inside a one-table select drizzle writes ${"${groups.id}"} as a bare "id",
      // which the subquery would read as its own table's id.
      memberCount: sql<number>`(select count(*)::int from memberships m where m.group_id = "groups"."id" and m.status = 'active')`,
      upcomingCount: sql<number>`(select count(*)::int from activities a where a.group_id = "groups"."id" and a.starts_at >= ${now} and a.status = 'scheduled' and a.hidden_at is null)`,
    })
    .from(groups)
    .where(groupVisibleTo(viewerId))
    .orderBy(asc(groups.name));
}

/** The kind of activity a group posts most often (ties go to the most recent), or undefined for a new group. */
export async function getUsualKindOfGroup(groupId: string): Promise<Activity["kind"] | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ kind: activities.kind })
    .from(activities)
    .where(eq(activities.groupId, groupId))
    .groupBy(activities.kind)
    .orderBy(sql`count(*) desc`, sql`max(${activities.createdAt}) desc`)
    .limit(1);
  return row?.kind;
}
