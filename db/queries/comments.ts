import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { comments, users } from "../schema";
import { notBlockedWith } from "./blocks";

/*
 * A discussion as one viewer sees it. Callers check first that the viewer may see the
 * activity or project. A comment an organizer removed keeps its place in the thread but
 * not its words. Authors' names are shown to signed-in members; visitors read the
 * discussion without names. Where a block stands between a signed-in viewer and an
 * author, either way, that author's comments are left out for them.
 */

export const EDIT_WINDOW_MS = 15 * 60_000;

export interface CommentView {
  id: string;
  /** Null when an organizer removed it. */
  body: string | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  removed: boolean;
  mine: boolean;
  /** Until when its author may still edit it (15 minutes from posting), when that's the viewer. */
  editableUntil: Date | null;
}

export async function listComments(
  target: { activityId: string } | { projectId: string },
  viewer: { id: string | null },
  now = new Date(),
  limit = 200,
): Promise<CommentView[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: comments.id, body: comments.body, authorId: comments.authorId, name: users.name, createdAt: comments.createdAt, editedAt: comments.editedAt, removedAt: comments.removedAt })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        "activityId" in target ? eq(comments.activityId, target.activityId) : eq(comments.projectId, target.projectId),
        viewer.id ? notBlockedWith(viewer.id, comments.authorId) : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit);
  return rows.map((r) => {
    const removed = r.removedAt !== null;
    const mine = viewer.id !== null && r.authorId === viewer.id;
    const until = new Date(r.createdAt.getTime() + EDIT_WINDOW_MS);
    return {
      id: r.id,
      body: removed ? null : r.body,
      authorId: removed || !viewer.id ? null : r.authorId,
      authorName: removed || !viewer.id ? null : r.name,
      createdAt: r.createdAt,
      editedAt: removed ? null : r.editedAt,
      removed,
      mine: mine && !removed,
      editableUntil: mine && !removed && until > now ? until : null,
    };
  });
}

/** Which activity or project a comment belongs to, for routes that start from a comment id. */
export async function getCommentTarget(commentId: string): Promise<{ activityId: string | null; projectId: string | null } | undefined> {
  const db = await getDb();
  const [row] = await db.select({ activityId: comments.activityId, projectId: comments.projectId }).from(comments).where(and(eq(comments.id, commentId))).limit(1);
  return row;
}
