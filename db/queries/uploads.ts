import "server-only";
import { and, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { activities, groups, projects, uploads } from "../schema";
import { groupVisibleTo } from "./visibility";

export type Picture = { id: string; widths: number[]; width: number; height: number; alt: string };

const pictureColumns = { id: uploads.id, widths: uploads.widths, width: uploads.width, height: uploads.height, alt: uploads.alt };

/**
 * An upload as `viewerId` may fetch it, or undefined: a cover only while its activity, group
 * or project can be seen by them (a private group's pictures only by its members; hidden
 * content by nobody), a member's photo by anyone shown their name.
 */
export async function getServableUpload(id: string, viewerId: string | null): Promise<{ widths: number[]; isPublic: boolean } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ widths: uploads.widths, userId: uploads.userId, groupVisibility: groups.visibility })
    .from(uploads)
    .leftJoin(activities, eq(activities.id, uploads.activityId))
    .leftJoin(projects, eq(projects.id, uploads.projectId))
    .leftJoin(groups, or(eq(groups.id, uploads.groupId), eq(groups.id, activities.groupId), eq(groups.id, projects.groupId)))
    .where(
      and(
        eq(uploads.id, id),
        or(
          sql`${uploads.userId} is not null`,
          and(isNull(activities.hiddenAt), isNull(projects.hiddenAt), sql`${groups.id} is not null`, groupVisibleTo(viewerId)),
        ),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  return { widths: row.widths, isPublic: row.userId !== null || row.groupVisibility === "public" };
}

/**
 * A picture as a column of a larger query (one statement instead of a lookup of its own):
 * the upload whose `column` is `owner`, as JSON, or null.
 */
export function pictureColumn(column: "activity_id" | "group_id" | "project_id" | "user_id", owner: SQL | AnyColumn): SQL<Picture | null> {
  return sql<Picture | null>`(select json_build_object('id', u.id, 'widths', u.widths, 'width', u.width, 'height', u.height, 'alt', u.alt) from uploads u where ${sql.raw(`u.${column}`)} = ${owner} limit 1)`;
}

/** The cover of one activity, group or project, if it has one (the caller has checked it may be seen). */
export async function getCover(subject: "activities" | "groups" | "projects", id: string): Promise<Picture | undefined> {
  const db = await getDb();
  const column = subject === "activities" ? uploads.activityId : subject === "groups" ? uploads.groupId : uploads.projectId;
  const [row] = await db.select(pictureColumns).from(uploads).where(eq(column, id)).limit(1);
  return row;
}

/** Members' photos by member id. */
export async function getPhotos(userIds: string[]): Promise<Map<string, Picture>> {
  if (!userIds.length) return new Map();
  const db = await getDb();
  const rows = await db.select({ ...pictureColumns, userId: uploads.userId }).from(uploads).where(inArray(uploads.userId, userIds));
  return new Map(rows.map((r) => [r.userId!, { id: r.id, widths: r.widths, width: r.width, height: r.height, alt: r.alt }]));
}
