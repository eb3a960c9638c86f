import "server-only";
import { sql } from "drizzle-orm";
import { weekBounds } from "@/lib/connection/weeks";
import { getDb } from "../client";
import type { ConnectionPlan } from "../schema";
import { THIRD_VISIT, toMilestoneItem, type MilestoneItem } from "./milestones";
import { toPartnershipItem, type PartnershipItem } from "./partners";
import type { WeekProgress } from "./plan";
import { REFLECTION_DAYS } from "./reflections";
import { groupVisibleTo } from "./visibility";

/*
 * A signed-in member's home in two statements of their own (beside the week's listing and
 * the suggestions): their RSVPs around this week, from which the week ahead, this week's
 * progress and a reflection waiting are all taken; and their plan, check-in partners and
 * newly reached milestones. Each reads only the member's own rows, by their id.
 */

const DAY_MS = 86_400_000;
// The longest an activity may last (db/queries/activities.ts): one that started this long ago may still be on.
const LONGEST_ACTIVITY_MS = 7 * DAY_MS;

export interface MyWeek {
  /** What the member answered going, waiting or "I'll try" to, not yet over, starting before `until`. */
  upcoming: { id: string; title: string; startsAt: Date; endsAt: Date; myStatus: string }[];
  progress: WeekProgress;
  /** Attended in the last week and not reflected on yet, oldest first. */
  reflectionsWaiting: { activityId: string; title: string; endsAt: Date }[];
}

interface WeekRow extends Record<string, unknown> {
  id: string;
  title: string;
  startsAtMs: number;
  endsAtMs: number;
  kind: string;
  energy: string;
  shared: boolean;
  scheduled: boolean;
  showable: boolean;
  status: string;
  attendance: string | null;
  reflected: boolean;
}

/** The member's week: the next days' answers, this Monday-week's progress (in `zone`) and a reflection waiting. */
export async function getMyWeek(userId: string, zone: string, now: Date, until: Date): Promise<MyWeek> {
  const db = await getDb();
  const { start, end } = weekBounds(now, zone);
  const from = new Date(Math.min(start.getTime(), now.getTime() - LONGEST_ACTIVITY_MS));
  const to = new Date(Math.max(end.getTime(), until.getTime()));
  const reflectFrom = new Date(now.getTime() - REFLECTION_DAYS * DAY_MS);
  const result = (await db.execute(sql`
    select a.id, a.title, (extract(epoch from a.starts_at) * 1000)::float8 as "startsAtMs", (extract(epoch from a.ends_at) * 1000)::float8 as "endsAtMs",
      a.kind, a.energy_level as energy, (a.kind = 'volunteer' or a.project_id is not null) as shared, a.status = 'scheduled' as scheduled,
      (a.hidden_at is null and exists (select 1 from groups where groups.id = a.group_id and ${groupVisibleTo(userId)})) as showable,
      r.status::text as status, r.attendance::text as attendance,
      exists (select 1 from reflections f where f.activity_id = r.activity_id and f.user_id = r.user_id) as reflected
    from rsvps r join activities a on a.id = r.activity_id
    where r.user_id = ${userId}
      and ((a.starts_at >= ${from} and a.starts_at < ${to})
        or (r.attendance = 'attended' and a.starts_at <= ${now} and a.ends_at >= ${reflectFrom}))
    order by a.starts_at asc, a.id asc`)) as unknown as { rows: WeekRow[] };
  const rows = result.rows.map((r) => ({ ...r, startsAt: new Date(Number(r.startsAtMs)), endsAt: new Date(Number(r.endsAtMs)) }));
  const startMs = now.getTime() - LONGEST_ACTIVITY_MS;
  const upcoming = rows
    .filter((r) => ["going", "waitlisted", "maybe"].includes(r.status) && r.showable && r.endsAt >= now && r.startsAt.getTime() >= startMs && r.startsAt < until)
    .slice(0, 20)
    .map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt, endsAt: r.endsAt, myStatus: r.status }));
  const week = rows.filter((r) => (r.status === "going" || r.attendance === "attended") && r.attendance !== "no_show" && r.scheduled && r.startsAt >= start && r.startsAt < end);
  const reflectionsWaiting = rows
    .filter((r) => r.attendance === "attended" && !r.reflected && r.startsAt <= now && r.endsAt >= reflectFrom)
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime())
    .slice(0, 5)
    .map((r) => ({ activityId: r.id, title: r.title, endsAt: r.endsAt }));
  return {
    upcoming,
    progress: {
      total: week.length,
      lowEnergy: week.filter((r) => r.energy === "low").length,
      sharedPurpose: week.filter((r) => r.shared).length,
      activities: week.map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt, attended: r.attendance === "attended" })),
    },
    reflectionsWaiting,
  };
}

export interface MyCorner {
  plan: ConnectionPlan | undefined;
  partnerships: PartnershipItem[];
  /** Milestones reached since `since`, newest first. */
  milestones: MilestoneItem[];
}

const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** The member's plan, check-in partnerships (not declined ones) and milestones reached since `since`, in one statement. */
export async function getMyCorner(userId: string, now: Date, since: Date): Promise<MyCorner> {
  const db = await getDb();
  const result = (await db.execute(sql`
    select
      (select json_build_object('userId', c.user_id, 'weeklyTotalGoal', c.weekly_total_goal, 'weeklyLowEnergyGoal', c.weekly_low_energy_goal,
          'weeklySharedPurposeGoal', c.weekly_shared_purpose_goal, 'freeTimes', c.free_times, 'interests', c.interests, 'usualEnergy', c.usual_energy,
          'interestKinds', c.interest_kinds, 'interestGroupIds', c.interest_group_ids, 'updatedAt', c.updated_at)
        from connection_plans c where c.user_id = ${userId}) as plan,
      (select json_agg(json_build_object('id', p.id, 'inviterId', p.inviter_id, 'inviteeId', p.invitee_id, 'status', p.status, 'rhythm', p.rhythm,
          'weeklyDay', p.weekly_day, 'timezone', p.timezone, 'createdAt', p.created_at, 'acceptedAt', p.accepted_at,
          'inviterName', inviter.name, 'inviteeName', invitee.name,
          'lastCheckInAt', (select max(k.created_at) from check_ins k where k.partnership_id = p.id)) order by p.created_at desc)
        from partnerships p join users inviter on inviter.id = p.inviter_id left join users invitee on invitee.id = p.invitee_id
        where (p.inviter_id = ${userId} or p.invitee_id = ${userId}) and p.status in ('invited', 'active', 'paused', 'ended')) as partnerships,
      (select json_agg(json_build_object('key', m.key, 'reachedAt', m.created_at, 'groupName', g.name) order by m.created_at desc, m.key)
        from milestones m left join groups g on m.key like ${`${THIRD_VISIT}%`} and g.id::text = substr(m.key, ${THIRD_VISIT.length + 1})
        where m.user_id = ${userId} and m.created_at >= ${since}) as milestones`)) as unknown as {
    rows: { plan: Record<string, unknown> | null; partnerships: Record<string, unknown>[] | null; milestones: { key: string; reachedAt: string; groupName: string | null }[] | null }[];
  };
  const row = result.rows[0];
  const plan = row?.plan ? ({ ...row.plan, updatedAt: at(row.plan.updatedAt) } as ConnectionPlan) : undefined;
  const partnerships = (row?.partnerships ?? []).map((p) =>
    toPartnershipItem(
      { ...(p as never as PartnershipItem & { inviterId: string; inviteeId: string | null }), createdAt: at(p.createdAt)!, acceptedAt: at(p.acceptedAt) },
      { inviterName: p.inviterName as string, inviteeName: (p.inviteeName as string | null) ?? null, lastCheckInAt: at(p.lastCheckInAt) },
      userId,
      now,
    ),
  );
  const milestones = (row?.milestones ?? []).map((m) => toMilestoneItem({ key: m.key, reachedAt: at(m.reachedAt)! }, m.groupName ?? undefined));
  return { plan, partnerships, milestones };
}
