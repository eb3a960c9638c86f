import "server-only";
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import { groups, projects, taskClaims, tasks, users } from "../schema";

/*
 * Volunteer hours: the `hours` of verified task claims, counted from `verified_at`. Two
 * readers only: a group's organizers (their group's hours, by member and by project) and a
 * member (their own entries, for a statement). Callers check who is asking first; these
 * reads take explicit ids and put the scope in their WHERE.
 */

/** Instants bounding a range: from `start` (inclusive) to `end` (exclusive); either may be open. */
export type InstantRange = { start: Date | null; end: Date | null };

function verifiedWithin(range: InstantRange): SQL[] {
  const where: SQL[] = [eq(taskClaims.status, "verified")];
  if (range.start) where.push(gte(taskClaims.verifiedAt, range.start));
  if (range.end) where.push(lt(taskClaims.verifiedAt, range.end));
  return where;
}

const toHours = (v: string | number | null | undefined) => Math.round(Number(v ?? 0) * 100) / 100;

export interface GroupHoursReport {
  byMember: { userId: string; name: string; hours: number; entries: number }[];
  byProject: { projectId: string; title: string; hours: number; entries: number }[];
  /** Hours in the range, members' entries only. */
  total: number;
  /**
   * Verified hours of members who have since deleted their accounts, by project. Their claims
   * went with their accounts, so these carry no date and no name: all time, whatever the range.
   */
  former: { projectId: string; title: string; hours: number }[];
  formerTotal: number;
}

/**
 * A group's verified hours in a range, by member and by project. Organizers see every member
 * of their own group by name, as on the attendance list (whether or not they chose to be listed
 * to other members).
 */
export async function getGroupHours(groupId: string, range: InstantRange): Promise<GroupHoursReport> {
  const db = await getDb();
  const [entries, former] = await Promise.all([
    db
      .select({ userId: taskClaims.userId, name: users.name, projectId: projects.id, title: projects.title, hours: taskClaims.hours })
      .from(taskClaims)
      .innerJoin(tasks, eq(tasks.id, taskClaims.taskId))
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .innerJoin(users, eq(users.id, taskClaims.userId))
      .where(and(eq(projects.groupId, groupId), ...verifiedWithin(range))),
    db
      .select({ projectId: projects.id, title: projects.title, hours: sql<string>`sum(${tasks.formerVerifiedHours})::text` })
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(and(eq(projects.groupId, groupId), gt(tasks.formerVerifiedHours, "0")))
      .groupBy(projects.id, projects.title)
      .orderBy(asc(projects.title)),
  ]);
  const members = new Map<string, GroupHoursReport["byMember"][number]>();
  const byProject = new Map<string, GroupHoursReport["byProject"][number]>();
  let total = 0;
  for (const e of entries) {
    const hours = Number(e.hours);
    total += hours;
    const m = members.get(e.userId) ?? { userId: e.userId, name: e.name, hours: 0, entries: 0 };
    m.hours += hours;
    m.entries += 1;
    members.set(e.userId, m);
    const p = byProject.get(e.projectId) ?? { projectId: e.projectId, title: e.title, hours: 0, entries: 0 };
    p.hours += hours;
    p.entries += 1;
    byProject.set(e.projectId, p);
  }
  const round = <T extends { hours: number }>(rows: T[]) => rows.map((r) => ({ ...r, hours: toHours(r.hours) }));
  const formerRows = former.map((f) => ({ projectId: f.projectId, title: f.title, hours: toHours(f.hours) }));
  return {
    byMember: round([...members.values()]).sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name)),
    byProject: round([...byProject.values()]).sort((a, b) => b.hours - a.hours || a.title.localeCompare(b.title)),
    total: toHours(total),
    former: formerRows,
    formerTotal: toHours(formerRows.reduce((s, f) => s + f.hours, 0)),
  };
}

export interface HoursEntry {
  taskId: string;
  /** When the member marked it done, else when it was verified: the day the work is dated by. */
  doneOn: Date;
  verifiedAt: Date;
  hours: number;
  taskTitle: string;
  projectId: string;
  projectTitle: string;
  groupName: string;
  /** "From home", or the place of the project's work day nearest the verification, or null. */
  place: string | null;
  /** Null when the organizer who verified it has since left the hub. */
  verifiedBy: string | null;
}

const verifier = alias(users, "verifier");

/** A member's own verified hours in a range, oldest first, for their statement. */
export async function listMyHours(userId: string, range: InstantRange): Promise<HoursEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      taskId: tasks.id,
      verifiedAt: taskClaims.verifiedAt,
      doneAt: taskClaims.doneAt,
      hours: taskClaims.hours,
      taskTitle: tasks.title,
      projectId: projects.id,
      projectTitle: projects.title,
      groupName: groups.name,
      fromHome: tasks.fromHome,
      // The work day nearest the verification says where the work happened; no place is typed per task.
      place: sql<string | null>`(select nullif(a.place_name, '') from activities a where a.project_id = ${projects.id} and a.hidden_at is null and a.place_name <> ''
        order by abs(extract(epoch from (a.starts_at - ${taskClaims.verifiedAt}))) limit 1)`,
      verifiedBy: verifier.name,
    })
    .from(taskClaims)
    .innerJoin(tasks, eq(tasks.id, taskClaims.taskId))
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .leftJoin(verifier, eq(verifier.id, taskClaims.verifiedById))
    .where(and(eq(taskClaims.userId, userId), ...verifiedWithin(range)))
    .orderBy(asc(taskClaims.verifiedAt), desc(tasks.title));
  return rows.map(({ fromHome, place, hours, verifiedAt, doneAt, ...r }) => ({ ...r, doneOn: doneAt ?? verifiedAt!, verifiedAt: verifiedAt!, hours: toHours(hours), place: fromHome ? "From home" : place }));
}
