import "server-only";
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { rankSuggestions, type Candidate, type PlanForSuggestions, type Suggestion } from "@/lib/connection/suggestions";
import { weekBounds } from "@/lib/connection/weeks";
import { getDb } from "../client";
import { activities, connectionPlans, groupDepartures, groups, memberships, rsvps, type ConnectionPlan } from "../schema";
import { listAttended, listMyReflections } from "./connection-facts";
import { groupVisibleTo } from "./visibility";

/** The member's connection plan, or undefined when they haven't made one. */
export async function getPlan(userId: string): Promise<ConnectionPlan | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(connectionPlans).where(eq(connectionPlans.userId, userId)).limit(1);
  return row;
}

/** A plan to rank with when the member has none yet: a modest default that filters nothing out. */
export const DEFAULT_PLAN: PlanForSuggestions = { freeTimes: [], usualEnergy: null, interestKinds: [], interestGroupIds: [], interests: [], weeklyLowEnergyGoal: 0, weeklySharedPurposeGoal: 0 };

export interface WeekProgress {
  total: number;
  lowEnergy: number;
  sharedPurpose: number;
  activities: { id: string; title: string; startsAt: Date; attended: boolean }[];
}

/**
 * This Monday-week (in `zone`) against the plan: activities the member is going to or went
 * to, leaving out any an organizer marked them absent from and cancelled ones.
 */
export async function getWeekProgress(userId: string, zone: string, now = new Date()): Promise<WeekProgress> {
  const db = await getDb();
  const { start, end } = weekBounds(now, zone);
  const rows = await db
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, kind: activities.kind, energy: activities.energyLevel, projectId: activities.projectId, attendance: rsvps.attendance })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .where(
      and(
        eq(rsvps.userId, userId),
        or(eq(rsvps.status, "going"), eq(rsvps.attendance, "attended")),
        sql`${rsvps.attendance} is distinct from 'no_show'`,
        eq(activities.status, "scheduled"),
        gte(activities.startsAt, start),
        lt(activities.startsAt, end),
      ),
    )
    .orderBy(asc(activities.startsAt));
  return {
    total: rows.length,
    lowEnergy: rows.filter((r) => r.energy === "low").length,
    sharedPurpose: rows.filter((r) => r.kind === "volunteer" || r.projectId !== null).length,
    activities: rows.map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt, attended: r.attendance === "attended" })),
  };
}

/** Groups the member may pick as interests: every group they can see. */
export async function listPlanGroups(userId: string): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db.select({ id: groups.id, name: groups.name }).from(groups).where(groupVisibleTo(userId)).orderBy(asc(groups.name));
}

/** Whether every id names a group the member can see (a plan never names a group they can't). */
export async function allGroupsVisible(userId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const db = await getDb();
  const rows = await db.select({ id: groups.id }).from(groups).where(and(inArray(groups.id, ids), groupVisibleTo(userId)));
  return rows.length === new Set(ids).size;
}

/** Upcoming activities the member could see and still answer, over the next `days` days. */
async function listCandidates(userId: string, now: Date, days: number): Promise<Candidate[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: activities.id,
      title: activities.title,
      description: activities.description,
      kind: activities.kind,
      groupId: activities.groupId,
      groupName: groups.name,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      energyLevel: activities.energyLevel,
      capacity: activities.capacity,
      goingCount: activities.goingCount,
      waitlistCount: activities.waitlistCount,
      projectId: activities.projectId,
      seriesId: activities.seriesId,
      status: activities.status,
      answered: sql<boolean>`exists (select 1 from rsvps r where r.activity_id = ${activities.id} and r.user_id = ${userId})`,
      // Blocks work both ways: neither side is steered towards the other.
      involvesBlocked: sql<boolean>`exists (
        select 1 from blocks b
        where (b.blocker_id = ${userId} or b.blocked_id = ${userId})
          and (case when b.blocker_id = ${userId} then b.blocked_id else b.blocker_id end) in (
            select ${activities.createdById} union all
            select r.user_id from rsvps r where r.activity_id = ${activities.id} and r.status = 'going'))`,
    })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(
      and(
        gt(activities.startsAt, now),
        lt(activities.startsAt, new Date(now.getTime() + days * 86_400_000)),
        eq(activities.status, "scheduled"),
        isNull(activities.hiddenAt),
        or(isNull(activities.rsvpCutoff), gt(activities.rsvpCutoff, now)),
        groupVisibleTo(userId),
      ),
    )
    .orderBy(asc(activities.startsAt))
    .limit(400);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    groupId: r.groupId,
    seriesId: r.seriesId,
    groupName: r.groupName,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    energyLevel: r.energyLevel,
    spotsLeft: r.capacity === null ? null : r.waitlistCount > 0 ? 0 : Math.max(0, r.capacity - r.goingCount),
    isSharedPurpose: r.kind === "volunteer" || r.projectId !== null,
    answered: Boolean(r.answered),
    involvesBlocked: Boolean(r.involvesBlocked),
    cancelled: r.status !== "scheduled",
  }));
}

/** Groups the member left and has not joined again. */
async function listLeftGroups(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ groupId: groupDepartures.groupId })
    .from(groupDepartures)
    .leftJoin(memberships, and(eq(memberships.groupId, groupDepartures.groupId), eq(memberships.userId, userId), ne(memberships.status, "pending")))
    .where(and(eq(groupDepartures.userId, userId), isNull(memberships.userId)));
  return rows.map((r) => r.groupId);
}

export function planForSuggestions(plan: ConnectionPlan | undefined): PlanForSuggestions {
  if (!plan) return DEFAULT_PLAN;
  return {
    freeTimes: plan.freeTimes,
    usualEnergy: plan.usualEnergy,
    interestKinds: plan.interestKinds,
    interestGroupIds: plan.interestGroupIds,
    interests: plan.interests,
    weeklyLowEnergyGoal: plan.weeklyLowEnergyGoal,
    weeklySharedPurposeGoal: plan.weeklySharedPurposeGoal,
  };
}

/** Suggestions for the member's plan, best first, each with its reasons. */
export async function getSuggestions(userId: string, zone: string, options: { now?: Date; limit?: number; plan?: ConnectionPlan; progress?: WeekProgress } = {}): Promise<Suggestion[]> {
  const now = options.now ?? new Date();
  const [plan, progress, candidates, reflections, attended, leftGroupIds] = await Promise.all([
    options.plan ? Promise.resolve(options.plan) : getPlan(userId),
    options.progress ? Promise.resolve(options.progress) : getWeekProgress(userId, zone, now),
    listCandidates(userId, now, 14),
    listMyReflections(userId, 20),
    listAttended(userId),
    listLeftGroups(userId),
  ]);
  const since = now.getTime() - 28 * 86_400_000;
  const recent = attended.filter((a) => a.startsAt.getTime() >= since && a.startsAt <= now);
  return rankSuggestions({
    plan: planForSuggestions(plan),
    candidates,
    history: {
      reflections: reflections.map((r) => ({ activityTitle: r.activityTitle, kind: r.kind, groupId: r.groupId, feeling: r.feeling })),
      recentGroupIds: recent.map((a) => a.groupId),
      recentKinds: recent.map((a) => a.kind),
      triedKinds: attended.filter((a) => a.startsAt <= now).map((a) => a.kind),
      leftGroupIds,
      thisWeek: { lowEnergy: progress.lowEnergy, sharedPurpose: progress.sharedPurpose },
    },
    now,
    zone,
    limit: options.limit ?? 5,
  });
}
