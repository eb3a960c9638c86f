import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ReportTargetType } from "@/lib/validation/report";
import { getDb, type Db } from "../client";
import { activities, comments, groups, memberships, projects, questionMessages, questions, reports, users, type Report } from "../schema";
import { getMemberProfile } from "./blocks";
import { groupVisibleTo } from "./visibility";

/*
 * Reports as reporters and moderators see them. A reporter reaches only what they may see
 * today; a moderator sees the reported thing whatever its state (hidden included), so they
 * can judge it and show it again. No read here ever returns who made a report: moderators
 * decide on the content, and the reported member can never learn who spoke up.
 */

export interface ReportTarget {
  type: ReportTargetType;
  id: string;
  /** The group whose organizers moderate it; null for a member's profile. */
  groupId: string | null;
  groupName: string | null;
  groupSlug: string | null;
  /** What the thing is called ("Saturday walk"); for a comment, what it was posted on. */
  title: string;
  /** For a comment, its words; otherwise empty. */
  excerpt: string;
  /** The member the report is about: the comment's author, the activity's or project's creator, or the member; null for a group. */
  subjectId: string | null;
  subjectName: string | null;
  /** Where the thing lives, for moderators (it may be hidden from everyone else). */
  href: string;
  hidden: boolean;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** "comment on “Saturday walk”", "activity “Saturday walk”", "member Robin": what a notice or queue names. */
export function describeTarget(t: Pick<ReportTarget, "type" | "title">): string {
  if (t.type === "comment") return `comment on “${shorten(t.title)}”`;
  if (t.type === "member") return `member ${shorten(t.title)}`;
  if (t.type === "question") return `message about “${shorten(t.title)}”`;
  return `${t.type} “${shorten(t.title)}”`;
}

/**
 * The thing `type`/`id` names, as a moderator sees it (hidden or not), or undefined when it
 * does not exist. `viewerId`, when given, limits it to what that member may see today, as a
 * reporter: nothing hidden, nothing in a private group they are not in, no one blocked.
 */
export async function getReportTarget(type: ReportTargetType, id: string, viewerId?: string, db?: Db): Promise<ReportTarget | undefined> {
  db ??= await getDb();
  const groupShape = { groupId: groups.id, groupName: groups.name, groupSlug: groups.slug, groupHidden: groups.hiddenAt };
  const seen = viewerId ? groupVisibleTo(viewerId) : undefined;
  const subject = alias(users, "subject");
  switch (type) {
    case "activity": {
      const [row] = await db
        .select({ ...groupShape, title: activities.title, hiddenAt: activities.hiddenAt, subjectId: subject.id, subjectName: subject.name })
        .from(activities)
        .innerJoin(groups, eq(groups.id, activities.groupId))
        .leftJoin(subject, eq(subject.id, activities.createdById))
        .where(and(eq(activities.id, id), viewerId ? isNull(activities.hiddenAt) : undefined, seen));
      if (!row) return undefined;
      return { type, id, ...pickGroup(row), title: row.title, excerpt: "", subjectId: row.subjectId, subjectName: row.subjectName, href: `/activities/${id}`, hidden: Boolean(row.hiddenAt || row.groupHidden) };
    }
    case "project": {
      const [row] = await db
        .select({ ...groupShape, title: projects.title, hiddenAt: projects.hiddenAt, subjectId: subject.id, subjectName: subject.name })
        .from(projects)
        .innerJoin(groups, eq(groups.id, projects.groupId))
        .leftJoin(subject, eq(subject.id, projects.createdById))
        .where(and(eq(projects.id, id), viewerId ? isNull(projects.hiddenAt) : undefined, seen));
      if (!row) return undefined;
      return { type, id, ...pickGroup(row), title: row.title, excerpt: "", subjectId: row.subjectId, subjectName: row.subjectName, href: `/projects/${id}`, hidden: Boolean(row.hiddenAt || row.groupHidden) };
    }
    case "comment": {
      const [row] = await db
        .select({
          ...groupShape,
          body: comments.body,
          removedAt: comments.removedAt,
          activityId: comments.activityId,
          projectId: comments.projectId,
          parentTitle: sql<string>`coalesce(${activities.title}, ${projects.title})`,
          parentHidden: sql<Date | null>`coalesce(${activities.hiddenAt}, ${projects.hiddenAt})`,
          subjectId: subject.id,
          subjectName: subject.name,
        })
        .from(comments)
        .leftJoin(activities, eq(activities.id, comments.activityId))
        .leftJoin(projects, eq(projects.id, comments.projectId))
        .innerJoin(groups, or(eq(groups.id, activities.groupId), eq(groups.id, projects.groupId)))
        .innerJoin(subject, eq(subject.id, comments.authorId))
        .where(and(eq(comments.id, id), seen));
      if (!row) return undefined;
      if (viewerId && (row.removedAt || row.parentHidden)) return undefined;
      if (viewerId && row.subjectId !== viewerId && !(await getMemberProfile(row.subjectId!, viewerId))) return undefined;
      const href = row.activityId ? `/activities/${row.activityId}#comment-${id}` : `/projects/${row.projectId}#comment-${id}`;
      return {
        type,
        id,
        ...pickGroup(row),
        title: row.parentTitle,
        excerpt: row.body,
        subjectId: row.subjectId,
        subjectName: row.subjectName,
        href,
        hidden: Boolean(row.removedAt || row.parentHidden || row.groupHidden),
      };
    }
    case "group": {
      const [row] = await db.select(groupShape).from(groups).where(and(eq(groups.id, id), seen));
      if (!row) return undefined;
      return { type, id, ...pickGroup(row), title: row.groupName, excerpt: "", subjectId: null, subjectName: null, href: `/groups/${row.groupSlug}`, hidden: Boolean(row.groupHidden) };
    }
    case "question": {
      // A message in a private "ask the organizers" thread: only its asker and the group's
      // organizers can report it, and only the hub's admins decide (groupId stays null), since
      // an organizer may be the one reported.
      const [row] = await db
        .select({ body: questionMessages.body, hiddenAt: questionMessages.hiddenAt, subjectId: subject.id, subjectName: subject.name, askerId: questions.askerId, groupId: questions.groupId, about: questions.subject })
        .from(questionMessages)
        .innerJoin(questions, eq(questions.id, questionMessages.questionId))
        .leftJoin(subject, eq(subject.id, questionMessages.authorId))
        .where(eq(questionMessages.id, id));
      if (!row) return undefined;
      if (viewerId) {
        if (row.hiddenAt || row.subjectId === viewerId) return undefined;
        const organizer = await db
          .select({ one: sql`1` })
          .from(memberships)
          .where(and(eq(memberships.groupId, row.groupId), eq(memberships.userId, viewerId), eq(memberships.status, "active"), inArray(memberships.role, ["owner", "organizer"])))
          .limit(1);
        if (row.askerId !== viewerId && !organizer.length) return undefined;
      }
      return { type, id, groupId: null, groupName: null, groupSlug: null, title: row.about, excerpt: row.body, subjectId: row.subjectId, subjectName: row.subjectName, href: "/admin/reports", hidden: Boolean(row.hiddenAt) };
    }
    case "member": {
      const profile = viewerId
        ? await getMemberProfile(id, viewerId)
        : (await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id)))[0];
      if (!profile) return undefined;
      return { type, id, groupId: null, groupName: null, groupSlug: null, title: profile.name, excerpt: "", subjectId: profile.id, subjectName: profile.name, href: `/members/${id}`, hidden: false };
    }
  }
}

function pickGroup(row: { groupId: string; groupName: string; groupSlug: string }) {
  return { groupId: row.groupId, groupName: row.groupName, groupSlug: row.groupSlug };
}

/** One reported thing in a queue: the thing, and every report about it, without reporters. */
export interface QueueItem {
  target: ReportTarget;
  /** The report the decision buttons name; deciding it decides all open reports about the thing. */
  reportId: string;
  reports: { id: string; reason: string; note: string; createdAt: Date }[];
}

export interface DecidedItem {
  reportId: string;
  target: ReportTarget;
  reason: string;
  outcome: string;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date;
  restoredBy: string | null;
  restoredAt: Date | null;
  /** Hidden by this decision and still hidden: a moderator may show it again. */
  canRestore: boolean;
}

type Scope = { groupId: string } | { everything: true };

const inScope = (scope: Scope) => ("groupId" in scope ? eq(reports.groupId, scope.groupId) : undefined);

/** Open reports in a group (for its organizers) or everywhere (for admins), oldest thing first. */
export async function listOpenReports(scope: Scope, limit = 100): Promise<QueueItem[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: reports.id, targetType: reports.targetType, targetId: reports.targetId, reason: reports.reason, note: reports.note, createdAt: reports.createdAt })
    .from(reports)
    .where(and(eq(reports.status, "open"), inScope(scope)))
    .orderBy(reports.createdAt)
    .limit(limit);
  const byTarget = new Map<string, { type: ReportTargetType; id: string; rows: typeof rows }>();
  for (const r of rows) {
    const key = `${r.targetType}:${r.targetId}`;
    if (!byTarget.has(key)) byTarget.set(key, { type: r.targetType, id: r.targetId, rows: [] });
    byTarget.get(key)!.rows.push(r);
  }
  const items: QueueItem[] = [];
  for (const { type, id, rows: list } of byTarget.values()) {
    const target = await getReportTarget(type, id, undefined, db);
    if (!target) continue;
    items.push({ target, reportId: list[0].id, reports: list.map((r) => ({ id: r.id, reason: r.reason, note: r.note, createdAt: r.createdAt })) });
  }
  return items;
}

/** The latest decisions in a group or everywhere: what, why, who and when. */
export async function listDecidedReports(scope: Scope, limit = 30): Promise<DecidedItem[]> {
  const db = await getDb();
  const decider = alias(users, "decider");
  const restorer = alias(users, "restorer");
  const rows = await db
    .select({ report: reports, decidedBy: decider.name, restoredBy: restorer.name })
    .from(reports)
    .leftJoin(decider, eq(decider.id, reports.resolvedById))
    .leftJoin(restorer, eq(restorer.id, reports.restoredById))
    .where(and(inArray(reports.status, ["actioned", "dismissed"]), isNotNull(reports.resolvedAt), inScope(scope)))
    .orderBy(desc(reports.resolvedAt))
    .limit(limit);
  const out: DecidedItem[] = [];
  const offered = new Set<string>();
  for (const { report, decidedBy, restoredBy } of rows) {
    const target = await getReportTarget(report.targetType, report.targetId, undefined, db);
    if (!target) continue;
    out.push({
      reportId: report.id,
      target,
      reason: report.reason,
      outcome: report.outcome ?? "dismiss",
      decisionNote: report.decisionNote,
      decidedBy,
      decidedAt: report.resolvedAt!,
      restoredBy,
      restoredAt: report.restoredAt,
      canRestore: report.outcome === "hide" && !report.restoredAt && target.hidden && !offered.has(`${target.type}:${target.id}`),
    });
    offered.add(`${target.type}:${target.id}`);
  }
  return out;
}

/** How many reports wait in a group's queue, for the link on its manage page. */
export async function countOpenReports(groupId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(and(eq(reports.status, "open"), eq(reports.groupId, groupId)));
  return row?.n ?? 0;
}

/** A report row by id, locked inside `tx` when deciding it. */
export async function getReportRow(tx: Db, id: string, lock = false): Promise<Report | undefined> {
  const q = tx.select().from(reports).where(eq(reports.id, id)).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}
