import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz";
import { getDb, type Db } from "../client";
import { notBlockedWith } from "../queries/blocks";
import { EDIT_WINDOW_MS } from "../queries/comments";
import { activities, comments, groups, memberships, projects, users, type Comment } from "../schema";
import { say } from "@/lib/i18n/words";
import { notifyMany } from "./notifications";
import { countAttempt, type RateLimit } from "./rate-limits";
import { say as said } from "@/lib/i18n/said";

/*
 * Discussion on activities and projects. Whoever may see the thing may talk about it
 * (signed in); a member banned from the group may not. Authors edit their own words for
 * 15 minutes and delete them at any time; organizers of the group hide a comment, which
 * then shows as "removed by an organizer". Posting is rate-limited per member in the
 * shared rate_limits table, so the limit holds across app instances.
 */

export const COMMENT_RATE_LIMIT: RateLimit = { limit: 10, windowMs: 10 * 60_000 };
export const COMMENT_NOT_FOUND = () => said("errors.refusals.comments.commentNotFound");

export type CommentTarget = { activityId: string } | { projectId: string };

/** A refused post says when posting works again, for the API's Retry-After. */
export type PostCommentResult = ActionResult<{ id: string }> | (Extract<ActionResult<never>, { ok: false }> & { retryAfterSeconds: number });

interface TargetInfo {
  groupId: string;
  title: string;
  href: string;
  visibility: "public" | "private";
  membership: { status: "active" | "pending" | "banned"; role: "owner" | "organizer" | "member" } | null;
}

/** What a comment hangs on, as `userId` may see it; undefined when it doesn't exist for them. */
async function targetFor(tx: Db, target: CommentTarget, userId: string | undefined): Promise<TargetInfo | undefined> {
  const member = and(eq(memberships.groupId, groups.id), eq(memberships.userId, userId ?? sql`null`));
  const shape = { groupId: groups.id, visibility: groups.visibility, groupHidden: groups.hiddenAt, status: memberships.status, role: memberships.role };
  const [row] =
    "activityId" in target
      ? await tx
          .select({ ...shape, title: activities.title, hidden: activities.hiddenAt, id: activities.id })
          .from(activities)
          .innerJoin(groups, eq(groups.id, activities.groupId))
          .leftJoin(memberships, member)
          .where(eq(activities.id, target.activityId))
      : await tx
          .select({ ...shape, title: projects.title, hidden: projects.hiddenAt, id: projects.id })
          .from(projects)
          .innerJoin(groups, eq(groups.id, projects.groupId))
          .leftJoin(memberships, member)
          .where(eq(projects.id, target.projectId));
  if (!row || row.hidden || row.groupHidden) return undefined;
  if (row.visibility === "private" && row.status !== "active") return undefined;
  return {
    groupId: row.groupId,
    title: row.title,
    href: "activityId" in target ? `/activities/${row.id}#discussion` : `/projects/${row.id}#discussion`,
    visibility: row.visibility,
    membership: row.status && row.role ? { status: row.status, role: row.role } : null,
  };
}

const isOrganizer = (t: TargetInfo) => t.membership?.status === "active" && (t.membership.role === "owner" || t.membership.role === "organizer");

/**
 * Posts a comment. Counts against the member's posting limit first (a refused attempt
 * still counts, so hammering doesn't help). The group's organizers are told, in-app.
 */
export async function postComment(actor: Actor, target: CommentTarget, body: string, now = new Date()): Promise<PostCommentResult> {
  if (!actor) return fail("unauthenticated", said("errors.refusals.comments.signJoinDiscussion"));
  const db = await getDb();
  const seen = await targetFor(db, target, actor.id);
  if (!seen) return fail("not_found", "activityId" in target ? said("errors.action.activityMissing") : said("errors.refusals.comments.couldntFindProject"));
  if (seen.membership?.status === "banned") return fail("forbidden", said("errors.refusals.comments.cantTakePartGroups"));
  const rate = await countAttempt(`comment:${actor.id}`, COMMENT_RATE_LIMIT, now);
  if (!rate.allowed) {
    const minutes = Math.max(1, Math.ceil(rate.retryAfterSeconds / 60));
    const message = said("errors.refusals.comments.postedALot", { minutes });
    return { ok: false, code: "rate_limited", message, retryAfterSeconds: rate.retryAfterSeconds };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({ ...("activityId" in target ? { activityId: target.activityId } : { projectId: target.projectId }), authorId: actor.id, body, createdAt: now })
      .returning({ id: comments.id });
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    const organizers = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      // An organizer with a block between them and the author is not sent the author's words.
      .where(and(eq(memberships.groupId, seen.groupId), eq(memberships.status, "active"), sql`${memberships.role} in ('owner', 'organizer')`, notBlockedWith(actor.id, memberships.userId)));
    await notifyMany(
      tx,
      organizers.map((o) => o.userId).filter((id) => id !== actor.id),
      {
        type: "new_comment",
        title: say("notices", "comment.title", { title: seen.title }),
        body: say("notices", "comment.wrote", { name: author?.name ?? say("notices", "comment.someone"), excerpt: body.length > 140 ? `${body.slice(0, 137)}…` : body }),
        href: seen.href,
        activityId: "activityId" in target ? target.activityId : null,
      },
    );
    return { ok: true as const, data: { id: row.id } };
  });
}

async function lockComment(tx: Db, commentId: string): Promise<Comment | undefined> {
  const [row] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
  return row;
}

const targetOf = (c: Comment): CommentTarget => (c.activityId ? { activityId: c.activityId } : { projectId: c.projectId! });

/** The author changes their words, within 15 minutes of posting. */
export async function editComment(actor: Actor, commentId: string, body: string, now = new Date()): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockComment(tx, commentId);
    if (!c || !(await targetFor(tx, targetOf(c), actor.id))) return fail("not_found", COMMENT_NOT_FOUND());
    if (c.authorId !== actor.id) return fail("forbidden", said("errors.refusals.comments.onlyEditOwnComments"));
    if (c.removedAt) return fail("closed", said("errors.refusals.comments.organizerRemovedCommentSo"));
    if (now.getTime() - c.createdAt.getTime() > EDIT_WINDOW_MS) return fail("closed", said("errors.refusals.comments.commentsEditedMinutesAfter"));
    if (c.body === body) return { ok: true as const, data: { id: c.id } };
    await tx.update(comments).set({ body, editedAt: now }).where(eq(comments.id, c.id));
    return { ok: true as const, data: { id: c.id } };
  });
}

/**
 * Takes a comment down. The author deletes their own; an organizer of the group (or a
 * site admin) hides anyone's, which leaves "removed by an organizer" in its place.
 */
export async function removeComment(actor: Actor, commentId: string, now = new Date()): Promise<ActionResult<{ outcome: "deleted" | "removed" }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockComment(tx, commentId);
    const t = c ? await targetFor(tx, targetOf(c), actor.id) : undefined;
    if (!c || !t) return fail("not_found", COMMENT_NOT_FOUND());
    if (c.authorId === actor.id && !c.removedAt) {
      await tx.delete(comments).where(eq(comments.id, c.id));
      return { ok: true as const, data: { outcome: "deleted" as const } };
    }
    const [me] = await tx.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
    if (!isOrganizer(t) && me?.role !== "admin") return fail("forbidden", said("errors.refusals.comments.onlyAuthorOrganizerGroup"));
    if (!c.removedAt) await tx.update(comments).set({ removedAt: now, removedById: actor.id }).where(eq(comments.id, c.id));
    return { ok: true as const, data: { outcome: "removed" as const } };
  });
}
