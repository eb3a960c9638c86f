import "server-only";
import { sql } from "drizzle-orm";
import type { Candidate, Energy, Feeling, History, Kind, PlanForSuggestions } from "@/lib/connection/suggestions";
import { getDb } from "../client";
import { groupVisibleTo } from "./visibility";

/*
 * Suggestion ranking in PostgreSQL: the rules of lib/connection/suggestions.ts (which stays the
 * reference, tested without a database) written as one statement, so a page reads the best few
 * activities rather than hundreds to rank with a time zone computed for each. The candidates are
 * the first 400 the member could see and still answer over the next 14 days, as before; the
 * statement leaves out what does not fit, scores the rest, keeps one date per series, puts the
 * best of each group first and returns `limit` rows, with the member's history (reflections,
 * recent and tried kinds, groups left) for the words of their reasons.
 */

const CANDIDATE_DAYS = 14;
const CANDIDATE_CAP = 400;
const DAY_MS = 86_400_000;

interface Row extends Record<string, unknown> {
  id: string;
  title: string;
  description: string;
  kind: Kind;
  groupId: string;
  groupName: string;
  seriesId: string | null;
  startsAtMs: number;
  endsAtMs: number;
  energyLevel: Energy;
  spotsLeft: number | null;
  isSharedPurpose: boolean;
  history: {
    reflections: { activityTitle: string; kind: Kind; groupId: string; feeling: Feeling }[] | null;
    recentGroupIds: string[] | null;
    recentKinds: Kind[] | null;
    triedKinds: Kind[] | null;
    leftGroupIds: string[] | null;
  };
}

/** Minutes since midnight of an "HH:MM" text in SQL. */
const minutesOf = (text: ReturnType<typeof sql>) => sql`(split_part(${text}, ':', 1)::int * 60 + split_part(${text}, ':', 2)::int)`;

/** The best `limit` suggestions' candidates for a member, in their order, and the history that words their reasons. */
export async function rankSuggestionsInSql(
  userId: string,
  zone: string,
  now: Date,
  plan: PlanForSuggestions,
  thisWeek: History["thisWeek"],
  limit: number,
): Promise<{ candidates: Candidate[]; history: History }> {
  const db = await getDb();
  const until = new Date(now.getTime() + CANDIDATE_DAYS * DAY_MS);
  const since = new Date(now.getTime() - 28 * DAY_MS);
  const freeTimes = JSON.stringify(plan.freeTimes);
  const words = JSON.stringify(plan.interests);
  const kinds = JSON.stringify(plan.interestKinds);
  const groupIds = JSON.stringify(plan.interestGroupIds);
  const energyRank = (e: ReturnType<typeof sql>) => sql`(case ${e} when 'low' then 0 when 'medium' then 1 else 2 end)`;
  const usual = plan.usualEnergy;
  const lowWeight = thisWeek.lowEnergy < plan.weeklyLowEnergyGoal ? 2 : 0.5;
  const sharedWeight = thisWeek.sharedPurpose < plan.weeklySharedPurposeGoal ? 2 : 0.5;
  const result = (await db.execute(sql`
    with candidates as (
      select "activities"."id", "activities"."title", "activities"."description", "activities"."kind", "activities"."group_id",
        "groups"."name" as group_name, "activities"."series_id", "activities"."starts_at", "activities"."ends_at",
        "activities"."energy_level", "activities"."capacity", "activities"."going_count", "activities"."waitlist_count",
        "activities"."project_id", "activities"."created_by_id"
      from "activities" inner join "groups" on "groups"."id" = "activities"."group_id"
      where "activities"."starts_at" > ${now} and "activities"."starts_at" < ${until}
        and "activities"."status" = 'scheduled' and "activities"."hidden_at" is null
        and ("activities"."rsvp_cutoff" is null or "activities"."rsvp_cutoff" > ${now})
        and ${groupVisibleTo(userId)}
      order by "activities"."starts_at" asc
      limit ${CANDIDATE_CAP}
    ),
    reflected as (
      select a.title, a.kind, a.group_id, r.feeling, row_number() over (order by r.created_at desc) as n
      from reflections r join activities a on a.id = r.activity_id
      where r.user_id = ${userId}
      order by r.created_at desc
      limit 20
    ),
    attended as (
      select a.group_id, a.kind, a.starts_at from rsvps r join activities a on a.id = r.activity_id
      where r.user_id = ${userId} and r.attendance = 'attended' and a.starts_at <= ${now}
    ),
    left_groups as (
      select d.group_id from group_departures d
      where d.user_id = ${userId} and not exists (
        select 1 from memberships m where m.group_id = d.group_id and m.user_id = ${userId} and m.status <> 'pending')
    ),
    fitting as (
      select c.*,
        (c.kind = 'volunteer' or c.project_id is not null) as shared_purpose,
        case when c.capacity is null then null when c.waitlist_count > 0 then 0 else greatest(0, c.capacity - c.going_count) end as spots_left,
        exists (
          select 1 from jsonb_array_elements(${freeTimes}::jsonb) f
          where (f->>'day')::int = extract(isodow from c.starts_at at time zone ${zone})::int
            and ${minutesOf(sql`to_char(c.starts_at at time zone ${zone}, 'HH24:MI')`)} >= ${minutesOf(sql`(f->>'from')`)}
            and (case when (c.ends_at at time zone ${zone})::date = (c.starts_at at time zone ${zone})::date
                  then ${minutesOf(sql`to_char(c.ends_at at time zone ${zone}, 'HH24:MI')`)} else 1440 end)
                <= ${minutesOf(sql`(case when f->>'to' = '00:00' then '24:00' else f->>'to' end)`)}
        ) as fits
      from candidates c
      where not exists (select 1 from rsvps r where r.activity_id = c.id and r.user_id = ${userId})
        -- Blocks work both ways: neither side is steered towards the other.
        and not exists (
          select 1 from blocks b
          where (b.blocker_id = ${userId} or b.blocked_id = ${userId})
            and (case when b.blocker_id = ${userId} then b.blocked_id else b.blocker_id end) in (
              select c.created_by_id union all
              select r.user_id from rsvps r where r.activity_id = c.id and r.status = 'going'))
        and c.group_id not in (select group_id from left_groups)
        and (c.capacity is null or (c.waitlist_count = 0 and c.capacity - c.going_count > 0))
        ${usual ? sql`and ${energyRank(sql`c.energy_level`)} <= ${energyRank(sql`${usual}`)}` : sql``}
    ),
    scored as (
      select f.*,
        (case when f.fits then 2 else 0 end)
        + (case when f.energy_level = 'low' then ${lowWeight}::float8 else 0 end)
        + (case when f.shared_purpose then ${sharedWeight}::float8 else 0 end)
        + (case when ${groupIds}::jsonb ? f.group_id::text then 2
                when ${kinds}::jsonb ? f.kind::text then 1.5 else 0 end)
        + (case when exists (
            select 1 from jsonb_array_elements_text(${words}::jsonb) w
            where char_length(btrim(w)) >= 3 and position(lower(btrim(w)) in lower(f.title || ' ' || f.description)) > 0) then 1 else 0 end)
        + (case when exists (select 1 from reflected r where r.feeling = 'lifted' and r.group_id = f.group_id) then 2
                when exists (select 1 from reflected r where r.feeling = 'lifted' and r.kind = f.kind) then 1 else 0 end)
        - (case when (select r.feeling from reflected r where r.group_id = f.group_id order by r.n limit 1) = 'drained' then 1.5 else 0 end)
        + (case when f.group_id in (select a.group_id from attended a where a.starts_at >= ${since}) then 0 else 1 end)
        - extract(epoch from f.starts_at - ${now}::timestamptz)::float8 / ${(CANDIDATE_DAYS * DAY_MS) / 1000}
        as score
      from fitting f
      where f.fits or jsonb_array_length(${freeTimes}::jsonb) = 0
    ),
    one_per_series as (
      select s.*, row_number() over (partition by coalesce(s.series_id, s.id) order by s.score desc, s.starts_at, s.id) as in_series
      from scored s
    ),
    best as (
      select o.*, row_number() over (partition by o.group_id order by o.score desc, o.starts_at, o.id) as in_group
      from one_per_series o where o.in_series = 1
    )
    select b.id, b.title, b.description, b.kind, b.group_id as "groupId", b.group_name as "groupName", b.series_id as "seriesId",
      (extract(epoch from b.starts_at) * 1000)::float8 as "startsAtMs", (extract(epoch from b.ends_at) * 1000)::float8 as "endsAtMs",
      b.energy_level as "energyLevel", b.spots_left as "spotsLeft", b.shared_purpose as "isSharedPurpose",
      json_build_object(
        'reflections', (select json_agg(json_build_object('activityTitle', r.title, 'kind', r.kind, 'groupId', r.group_id, 'feeling', r.feeling) order by r.n) from reflected r),
        'recentGroupIds', (select json_agg(distinct a.group_id) from attended a where a.starts_at >= ${since}),
        'recentKinds', (select json_agg(distinct a.kind) from attended a where a.starts_at >= ${since}),
        'triedKinds', (select json_agg(distinct a.kind) from attended a),
        'leftGroupIds', (select json_agg(l.group_id) from left_groups l)
      ) as history
    from best b
    order by (b.in_group > 1), b.score desc, b.starts_at, b.id
    limit ${limit}`)) as unknown as { rows: Row[] };
  const rows = result.rows;
  const h = rows[0]?.history;
  return {
    candidates: rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      kind: r.kind,
      groupId: r.groupId,
      groupName: r.groupName,
      seriesId: r.seriesId,
      startsAt: new Date(Number(r.startsAtMs)),
      endsAt: new Date(Number(r.endsAtMs)),
      energyLevel: r.energyLevel,
      spotsLeft: r.spotsLeft === null ? null : Number(r.spotsLeft),
      isSharedPurpose: Boolean(r.isSharedPurpose),
      answered: false,
      involvesBlocked: false,
      cancelled: false,
    })),
    history: {
      reflections: h?.reflections ?? [],
      recentGroupIds: h?.recentGroupIds ?? [],
      recentKinds: h?.recentKinds ?? [],
      triedKinds: h?.triedKinds ?? [],
      leftGroupIds: h?.leftGroupIds ?? [],
      thisWeek,
    },
  };
}

