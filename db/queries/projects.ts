import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { TaskBoardFilters } from "@/lib/validation/project";
import { getDb } from "../client";
import { activities, groups, memberships, projects, tasks, users, type Project, type Task } from "../schema";
import { groupVisibleTo } from "./visibility";
import { pictureColumn, type Picture } from "./uploads";

/*
 * Reads for projects, their task boards and progress. Every read that starts from an id
 * puts the viewer's scope in its WHERE clause (`groupVisibleTo`), so a private group's
 * projects never reach an outsider through any page or endpoint built on these.
 */

/**
 * Progress of a project: places filled of places needed, tasks done, and verified volunteer
 * hours. A task is done when every place is taken and every claim on it is verified (an
 * organizer who needs fewer people lowers its places to the people who came).
 */
export interface ProjectProgress {
  placesNeeded: number;
  placesFilled: number;
  taskCount: number;
  tasksDone: number;
  verifiedHours: number;
}

// Qualified by hand: inside a one-table select drizzle would write the outer id unqualified.
const progressColumns = {
  placesNeeded: sql<number>`(select coalesce(sum(t.places_needed), 0)::int from tasks t where t.project_id = "projects"."id")`,
  placesFilled: sql<number>`(select coalesce(sum(t.claimed_count), 0)::int from tasks t where t.project_id = "projects"."id")`,
  taskCount: sql<number>`(select count(*)::int from tasks t where t.project_id = "projects"."id")`,
  tasksDone: sql<number>`(select count(*)::int from tasks t where t.project_id = "projects"."id" and t.claimed_count >= t.places_needed
    and not exists (select 1 from task_claims c where c.task_id = t.id and c.status <> 'verified'))`,
  // Hours of members who have since deleted their accounts stay, as numbers on the task.
  verifiedHours: sql<string>`((select coalesce(sum(c.hours), 0) from task_claims c join tasks t on t.id = c.task_id
    where t.project_id = "projects"."id" and c.status = 'verified')
    + (select coalesce(sum(t.former_verified_hours), 0) from tasks t where t.project_id = "projects"."id"))::text`,
};

type ProgressRow = { placesNeeded: number; placesFilled: number; taskCount: number; tasksDone: number; verifiedHours: string };
const toProgress = (r: ProgressRow): ProjectProgress => ({
  placesNeeded: Number(r.placesNeeded),
  placesFilled: Number(r.placesFilled),
  taskCount: Number(r.taskCount),
  tasksDone: Number(r.tasksDone),
  verifiedHours: Number(r.verifiedHours),
});

export interface ProjectSummary {
  id: string;
  title: string;
  goal: string;
  status: Project["status"];
  startsOn: string | null;
  endsOn: string | null;
  group: { id: string; slug: string; name: string; visibility: "public" | "private" };
  progress: ProjectProgress;
  /** Places still open on its tasks. */
  placesOpen: number;
}

const summaryColumns = {
  id: projects.id,
  title: projects.title,
  goal: projects.goal,
  status: projects.status,
  startsOn: projects.startsOn,
  endsOn: projects.endsOn,
  createdAt: projects.createdAt,
  groupId: groups.id,
  groupSlug: groups.slug,
  groupName: groups.name,
  groupVisibility: groups.visibility,
  ...progressColumns,
};

type SummaryRow = { id: string; title: string; goal: string; status: Project["status"]; startsOn: string | null; endsOn: string | null; groupId: string; groupSlug: string; groupName: string; groupVisibility: "public" | "private" } & ProgressRow;

function toSummary(r: SummaryRow): ProjectSummary {
  const progress = toProgress(r);
  return {
    id: r.id,
    title: r.title,
    goal: r.goal,
    status: r.status,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    group: { id: r.groupId, slug: r.groupSlug, name: r.groupName, visibility: r.groupVisibility },
    progress,
    placesOpen: Math.max(0, progress.placesNeeded - progress.placesFilled),
  };
}

const openPlaces = sql`(select coalesce(sum(greatest(t.places_needed - t.claimed_count, 0)), 0) from tasks t where t.project_id = "projects"."id")`;

/**
 * Projects the viewer may see: by default the active ones across groups, those that need
 * people first (most open places), then the newest. `q` searches titles, goals and descriptions.
 */
export async function listProjects(opts: { viewerId: string | null; q?: string; statuses?: Project["status"][]; limit?: number }): Promise<ProjectSummary[]> {
  const db = await getDb();
  const conditions: SQL[] = [isNull(projects.hiddenAt), groupVisibleTo(opts.viewerId), inArray(projects.status, opts.statuses ?? ["active"])];
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${projects.title} ilike ${like}`, sql`${projects.goal} ilike ${like}`, sql`${projects.description} ilike ${like}`)!);
  }
  const rows = await db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .where(and(...conditions))
    .orderBy(sql`(${openPlaces} > 0) desc`, desc(openPlaces), desc(projects.createdAt), asc(projects.id))
    .limit(opts.limit ?? 100);
  return rows.map((r) => toSummary(r as SummaryRow));
}

/** A group's projects (all statuses, done last), for its page. Callers check the group is visible. */
export async function listProjectsOfGroup(groupId: string): Promise<ProjectSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .where(and(eq(projects.groupId, groupId), isNull(projects.hiddenAt)))
    .orderBy(sql`case ${projects.status} when 'active' then 0 when 'planning' then 1 else 2 end`, desc(projects.createdAt));
  return rows.map((r) => toSummary(r as SummaryRow));
}

export interface ProjectDetail extends ProjectSummary {
  description: string;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  viewer: { membership: "active" | "pending" | "banned" | null; isOrganizer: boolean };
  groupJoinPolicy: "open" | "approval";
  groupAgreements: string;
  /** Its cover picture, if it has one. */
  cover: Picture | null;
}

/**
 * One project as the viewer may see it, with progress and the viewer's standing, in one
 * statement; undefined otherwise. With `workDaysFrom`, its work days not yet over come with it
 * (as `listWorkDays` reads them), so a page reads the project once.
 */
export async function getProjectForViewer(id: string, viewerId: string | null): Promise<ProjectDetail | undefined>;
export async function getProjectForViewer(id: string, viewerId: string | null, options: { workDaysFrom: Date }): Promise<(ProjectDetail & { workDays: WorkDay[] }) | undefined>;
export async function getProjectForViewer(id: string, viewerId: string | null, options: { workDaysFrom?: Date } = {}): Promise<(ProjectDetail & { workDays?: WorkDay[] }) | undefined> {
  const db = await getDb();
  const mine = viewerId ? sql`m.group_id = "projects"."group_id" and m.user_id = ${viewerId}` : sql`false`;
  const from = options.workDaysFrom;
  const [row] = await db
    .select({
      ...summaryColumns,
      description: projects.description,
      completedAt: projects.completedAt,
      updatedAt: projects.updatedAt,
      joinPolicy: groups.joinPolicy,
      agreements: groups.agreements,
      membershipStatus: sql<"active" | "pending" | "banned" | null>`(select m.status::text from memberships m where ${mine} limit 1)`,
      membershipRole: sql<string | null>`(select m.role::text from memberships m where ${mine} limit 1)`,
      cover: pictureColumn("project_id", projects.id),
      workDays: from
        ? sql<WorkDayJson[] | null>`(select json_agg(json_build_object('id', w.id, 'title', w.title, 'startsAt', w.starts_at, 'endsAt', w.ends_at, 'timezone', w.timezone,
            'status', w.status, 'capacity', w.capacity, 'goingCount', w.going_count) order by w.starts_at)
            from (select a.* from activities a where a.project_id = "projects"."id" and a.hidden_at is null and a.ends_at >= ${from}
              order by a.starts_at asc limit ${WORK_DAYS_SHOWN}) w)`
        : sql<null>`null`,
    })
    .from(projects)
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .where(and(eq(projects.id, id), isNull(projects.hiddenAt), groupVisibleTo(viewerId)))
    .limit(1);
  if (!row) return undefined;
  const membership = row.membershipStatus ? { status: row.membershipStatus, role: row.membershipRole } : undefined;
  return {
    ...toSummary(row as SummaryRow),
    description: row.description,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    groupJoinPolicy: row.joinPolicy,
    groupAgreements: row.agreements,
    cover: row.cover ?? null,
    viewer: { membership: membership?.status ?? null, isOrganizer: membership?.status === "active" && membership.role !== "member" },
    ...(from ? { workDays: (row.workDays ?? []).map((w) => ({ ...w, startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) })) } : {}),
  };
}

type WorkDayJson = Omit<WorkDay, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };

export interface TaskClaimView {
  userId: string;
  /** Null when the viewer may not see who it is (see `listTasks`). */
  name: string | null;
  status: "claimed" | "done" | "verified";
  hours: number | null;
  assigned: boolean;
  isViewer: boolean;
}

export interface TaskView {
  id: string;
  title: string;
  description: string;
  placesNeeded: number;
  claimedCount: number;
  placesFree: number;
  effort: "low" | "medium" | "high";
  fromHome: boolean;
  estimatedHours: number | null;
  dueOn: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  claims: TaskClaimView[];
}

/**
 * A project's task board, filtered. Who holds a place is private like who's going: the
 * group's organizers see every name, a member sees their own and the names of people who
 * chose to be listed, and visitors see counts only. Callers check the project is visible.
 */
export async function listTasks(projectId: string, viewer: { id: string | null; isOrganizer: boolean }, filters: Partial<TaskBoardFilters> = {}): Promise<TaskView[]> {
  const db = await getDb();
  const conditions: SQL[] = [eq(tasks.projectId, projectId)];
  if (filters.open) conditions.push(sql`${tasks.claimedCount} < ${tasks.placesNeeded}`);
  if (filters.energy) conditions.push(eq(tasks.effort, filters.energy));
  if (filters.home) conditions.push(eq(tasks.fromHome, true));
  // Each task with its claims, in one statement.
  const rows = await db
    .select({
      task: tasks,
      claims: sql<ClaimJson[] | null>`(select json_agg(json_build_object('userId', c.user_id, 'name', u.name, 'listed', u.listed_as_going, 'status', c.status,
        'hours', c.hours, 'assignedById', c.assigned_by_id) order by c.created_at)
        from task_claims c join users u on u.id = c.user_id where c.task_id = "tasks"."id")`,
    })
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt), asc(tasks.id));
  return rows.map(({ task: t, claims }) => ({
    id: t.id,
    title: t.title,
    description: t.description,
    placesNeeded: t.placesNeeded,
    claimedCount: t.claimedCount,
    placesFree: Math.max(0, t.placesNeeded - t.claimedCount),
    effort: t.effort,
    fromHome: t.fromHome,
    estimatedHours: t.estimatedHours === null ? null : Number(t.estimatedHours),
    dueOn: t.dueOn,
    windowStart: t.windowStart,
    windowEnd: t.windowEnd,
    claims: (claims ?? []).map((c) => {
        const isViewer = c.userId === viewer.id;
        const named = viewer.isOrganizer || isViewer || (viewer.id !== null && c.listed);
        return { userId: c.userId, name: named ? c.name : null, status: c.status, hours: c.hours === null ? null : Number(c.hours), assigned: c.assignedById !== null, isViewer };
      }),
  }));
}

type ClaimJson = { userId: string; name: string; listed: boolean; status: TaskClaimView["status"]; hours: string | number | null; assignedById: string | null };

export interface WorkDay {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  status: "scheduled" | "cancelled";
  capacity: number | null;
  goingCount: number;
}

const WORK_DAYS_SHOWN = 10;

/** The project's upcoming work days (activities that name it), soonest first. Same group, so same visibility. */
export async function listWorkDays(projectId: string, now = new Date(), limit = WORK_DAYS_SHOWN): Promise<WorkDay[]> {
  const db = await getDb();
  return db
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, endsAt: activities.endsAt, timezone: activities.timezone, status: activities.status, capacity: activities.capacity, goingCount: activities.goingCount })
    .from(activities)
    .where(and(eq(activities.projectId, projectId), isNull(activities.hiddenAt), gte(activities.endsAt, now)))
    .orderBy(asc(activities.startsAt))
    .limit(limit);
}

/** The group's projects an activity may name, for the editor's picker (done ones only if already chosen). */
export async function listProjectChoices(groupId: string, keep?: string | null): Promise<{ id: string; title: string }[]> {
  const db = await getDb();
  return db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.groupId, groupId), isNull(projects.hiddenAt), keep ? or(ne(projects.status, "done"), eq(projects.id, keep)) : ne(projects.status, "done")))
    .orderBy(asc(projects.title));
}

/** The stored project row for its editor, or undefined. Callers check the viewer organizes its group. */
export async function getProjectRow(id: string): Promise<(Project & { groupSlug: string; groupName: string }) | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ project: projects, groupSlug: groups.slug, groupName: groups.name })
    .from(projects)
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .where(and(eq(projects.id, id), isNull(projects.hiddenAt), isNull(groups.hiddenAt)))
    .limit(1);
  return row ? { ...row.project, groupSlug: row.groupSlug, groupName: row.groupName } : undefined;
}

/** The project a task belongs to, for routes that start from a task id. */
export async function getTaskProjectId(taskId: string): Promise<string | undefined> {
  const db = await getDb();
  const [row] = await db.select({ projectId: tasks.projectId }).from(tasks).where(eq(tasks.id, taskId)).limit(1);
  return row?.projectId;
}

/**
 * A task as stored, for its editor, with its project and how many places on it have verified
 * hours, including those of members who have since left (they keep it from being removed). Callers check the viewer organizes `groupId`.
 */
export async function getTaskRow(taskId: string): Promise<(Task & { projectTitle: string; groupId: string; verifiedClaims: number }) | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      task: tasks,
      projectTitle: projects.title,
      groupId: projects.groupId,
      verifiedClaims: sql<number>`(select count(*)::int from task_claims c where c.task_id = ${tasks.id} and c.status = 'verified')`,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .where(and(eq(tasks.id, taskId), isNull(projects.hiddenAt), isNull(groups.hiddenAt)))
    .limit(1);
  return row ? { ...row.task, projectTitle: row.projectTitle, groupId: row.groupId, verifiedClaims: Number(row.verifiedClaims) + row.task.formerVerifiedPlaces } : undefined;
}

/** Active members of a group, by name, for the organizers' "assign" picker. */
export async function listActiveMembers(groupId: string): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), eq(memberships.status, "active")))
    .orderBy(asc(users.name));
}
