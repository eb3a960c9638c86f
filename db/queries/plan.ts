import "server-only";
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { rankSuggestions, type PlanForSuggestions, type Suggestion } from "@/lib/connection/suggestions";
import { weekBounds } from "@/lib/connection/weeks";
import { getDb } from "../client";
import { activities, connectionPlans, groups, rsvps, type ConnectionPlan } from "../schema";
import { rankSuggestionsInSql } from "./suggestions-sql";
import type { UiLocale } from "@/lib/i18n/locales";
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

/**
 * Suggestions for the member's plan, best first, each with its reasons: ranked in one statement
 * (db/queries/suggestions-sql.ts) that reads the member's history and returns only the best
 * `limit`, so no more than those few rows reach the server. Pass the plan and this week's
 * progress when the page has them already; otherwise they are read here.
 */
export async function getSuggestions(userId: string, zone: string, options: { now?: Date; limit?: number; plan?: ConnectionPlan | null; progress?: Pick<WeekProgress, "lowEnergy" | "sharedPurpose">; locale?: UiLocale } = {}): Promise<Suggestion[]> {
  const now = options.now ?? new Date();
  const [plan, progress] = await Promise.all([
    options.plan !== undefined ? Promise.resolve(options.plan ?? undefined) : getPlan(userId),
    options.progress ? Promise.resolve(options.progress) : getWeekProgress(userId, zone, now),
  ]);
  const ranking = planForSuggestions(plan);
  const limit = options.limit ?? 5;
  const best = await rankSuggestionsInSql(userId, zone, now, ranking, { lowEnergy: progress.lowEnergy, sharedPurpose: progress.sharedPurpose }, limit);
  // The same rules in JavaScript over those few rows (lib/connection/suggestions.ts) word each
  // one's reasons; over the best rows they keep the order the statement chose.
  return rankSuggestions({ plan: ranking, candidates: best.candidates, history: best.history, now, zone, limit, locale: options.locale });
}
