import "server-only";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { groups, memberships, projects, tasks, type Group } from "../schema";
import { groupVisibleTo } from "./visibility";

export interface GroupPageData extends Group {
  memberCount: number;
}

/** A group by slug with its member count, or undefined when it does not exist or the viewer may not see it. */
export async function getGroupForViewer(slug: string, viewerId: string | null): Promise<GroupPageData | undefined> {
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

export interface ProjectSummary {
  id: string;
  title: string;
  goal: string;
  placesNeeded: number;
  placesClaimed: number;
  taskCount: number;
}

/** A group's visible projects with their progress (claimed places over places needed). Callers check group visibility first. */
export async function listProjectsOfGroup(groupId: string): Promise<ProjectSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: projects.id,
      title: projects.title,
      goal: projects.goal,
      placesNeeded: sql<number>`coalesce(sum(${tasks.placesNeeded}), 0)::int`,
      placesClaimed: sql<number>`coalesce(sum(${tasks.claimedCount}), 0)::int`,
      taskCount: sql<number>`count(${tasks.id})::int`,
    })
    .from(projects)
    .leftJoin(tasks, eq(tasks.projectId, projects.id))
    .where(and(eq(projects.groupId, groupId), isNull(projects.hiddenAt)))
    .groupBy(projects.id)
    .orderBy(asc(projects.createdAt));
  return rows;
}
