import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import { blocks, groups, memberships, questionMessages, questions, users } from "../schema";

/*
 * "Ask the organizers" threads, read only by the member who asked and by the group's
 * organizers (those without a block either way with the member). Every read here takes the
 * viewer and puts that rule in its WHERE clause.
 */

export interface QuestionSummary {
  id: string;
  subject: string;
  groupName: string;
  groupSlug: string;
  askerName: string;
  lastMessageAt: Date;
  messages: number;
  lastFromOrganizers: boolean;
}

const notBlocked = (viewerId: string) =>
  sql`not exists (select 1 from ${blocks} b where (b.blocker_id = ${viewerId} and b.blocked_id = ${questions.askerId}) or (b.blocker_id = ${questions.askerId} and b.blocked_id = ${viewerId}))`;

const organizerOf = (viewerId: string) =>
  sql`exists (select 1 from ${memberships} m where m.group_id = ${questions.groupId} and m.user_id = ${viewerId} and m.status = 'active' and m.role in ('owner', 'organizer'))`;

const summaryColumns = {
  id: questions.id,
  subject: questions.subject,
  groupName: groups.name,
  groupSlug: groups.slug,
  askerName: users.name,
  lastMessageAt: questions.lastMessageAt,
  messages: sql<number>`(select count(*)::int from ${questionMessages} qm where qm.question_id = ${questions.id})`,
  lastFromOrganizers: sql<boolean>`coalesce((select qm.from_organizers from ${questionMessages} qm where qm.question_id = ${questions.id} order by qm.created_at desc limit 1), false)`,
};

/** The questions a member has asked, newest activity first. */
export async function listMyQuestions(userId: string): Promise<QuestionSummary[]> {
  const db = await getDb();
  return db
    .select(summaryColumns)
    .from(questions)
    .innerJoin(groups, eq(groups.id, questions.groupId))
    .innerJoin(users, eq(users.id, questions.askerId))
    .where(eq(questions.askerId, userId))
    .orderBy(desc(questions.lastMessageAt))
    .limit(100);
}

/** A group's shared inbox, for one of its organizers. */
export async function listGroupQuestions(groupId: string, organizerId: string): Promise<QuestionSummary[]> {
  const db = await getDb();
  return db
    .select(summaryColumns)
    .from(questions)
    .innerJoin(groups, eq(groups.id, questions.groupId))
    .innerJoin(users, eq(users.id, questions.askerId))
    .where(and(eq(questions.groupId, groupId), organizerOf(organizerId), notBlocked(organizerId)))
    .orderBy(desc(questions.lastMessageAt))
    .limit(200);
}

export interface QuestionThread {
  id: string;
  subject: string;
  activityId: string | null;
  groupName: string;
  groupSlug: string;
  askerId: string;
  askerName: string;
  viewerIs: "asker" | "organizer";
  messages: { id: string; body: string; hidden: boolean; fromOrganizers: boolean; authorId: string | null; authorName: string | null; createdAt: Date }[];
}

/** One thread, for its asker or one of the group's organizers; undefined for anyone else. */
export async function getQuestionThread(questionId: string, viewerId: string): Promise<QuestionThread | undefined> {
  const db = await getDb();
  const [q] = await db
    .select({
      id: questions.id,
      subject: questions.subject,
      activityId: questions.activityId,
      groupName: groups.name,
      groupSlug: groups.slug,
      askerId: questions.askerId,
      askerName: users.name,
      isOrganizer: sql<boolean>`${organizerOf(viewerId)} and ${notBlocked(viewerId)}`,
    })
    .from(questions)
    .innerJoin(groups, eq(groups.id, questions.groupId))
    .innerJoin(users, eq(users.id, questions.askerId))
    .where(and(eq(questions.id, questionId), sql`${groups.hiddenAt} is null`))
    .limit(1);
  if (!q) return undefined;
  const viewerIs = q.askerId === viewerId ? "asker" : q.isOrganizer ? "organizer" : null;
  if (!viewerIs) return undefined;
  const author = alias(users, "author");
  const rows = await db
    .select({ id: questionMessages.id, body: questionMessages.body, hiddenAt: questionMessages.hiddenAt, fromOrganizers: questionMessages.fromOrganizers, authorId: questionMessages.authorId, authorName: author.name, createdAt: questionMessages.createdAt })
    .from(questionMessages)
    .leftJoin(author, eq(author.id, questionMessages.authorId))
    .where(eq(questionMessages.questionId, questionId))
    .orderBy(asc(questionMessages.createdAt), asc(questionMessages.id));
  const { isOrganizer: _ignored, ...thread } = q;
  return {
    ...thread,
    viewerIs,
    messages: rows.map((r) => ({ id: r.id, body: r.hiddenAt ? "" : r.body, hidden: Boolean(r.hiddenAt), fromOrganizers: r.fromOrganizers, authorId: r.authorId, authorName: r.authorName, createdAt: r.createdAt })),
  };
}
