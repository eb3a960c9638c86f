import "server-only";
import { and, asc, count, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { dayBounds, namedRange } from "@/lib/dates";
import type { ActivityFilters } from "@/lib/validation/activity-filters";
import { LONGEST_ACTIVITY_MS } from "@/lib/validation/activity";
import { getDb } from "../client";
import { noteShownActivities } from "../content-version";
import { activities, groups, type Activity } from "../schema";
import { groupVisibleTo, meetingLinkFor } from "./visibility";

/** What a listing shows of an activity, and what the read API returns. */
export interface ActivitySummary {
  id: string;
  title: string;
  kind: Activity["kind"];
  status: Activity["status"];
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  group: { slug: string; name: string; visibility: "public" | "private" };
  placeName: string;
  address: string;
  neighbourhood: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Whether it can be joined online. The link itself is in ActivityDetail, for those going. */
  online: boolean;
  energyLevel: Activity["energyLevel"];
  talkLevel: Activity["talkLevel"];
  stepFree: boolean;
  seatingAvailable: boolean;
  quietSpace: boolean;
  lateArrivalOk: boolean;
  substanceFree: boolean;
  firstTimerFriendly: boolean;
  capacity: number | null;
  goingCount: number;
  waitlistLength: number;
  /** Null when the capacity is unlimited; never negative (an over-capacity activity has 0). */
  spotsLeft: number | null;
  rsvpCutoff: Date | null;
  seriesId: string | null;
  projectId: string | null;
  distanceKm: number | null;
}

export interface ActivityDetail extends ActivitySummary {
  description: string;
  /** The online meeting link, only for a viewer going or organizing (meetingLinkFor); else null. */
  onlineUrl: string | null;
  meetingPoint: string | null;
  groupId: string;
  sequence: number;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const EARTH_KM = 6371;

function distanceExpr(lat: number, lng: number): SQL<number> {
  // Haversine; the caller adds a bounding box so the (latitude, longitude) index can help.
  return sql<number>`(${EARTH_KM} * 2 * asin(sqrt(power(sin(radians(${activities.latitude} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${activities.latitude})) * power(sin(radians(${activities.longitude} - ${lng}) / 2), 2))))`;
}

export const summaryColumns = (distance: SQL<number> | null) => ({
  id: activities.id,
  title: activities.title,
  kind: activities.kind,
  status: activities.status,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  timezone: activities.timezone,
  groupSlug: groups.slug,
  groupName: groups.name,
  groupVisibility: groups.visibility,
  placeName: activities.placeName,
  address: activities.address,
  neighbourhood: activities.neighbourhood,
  latitude: activities.latitude,
  longitude: activities.longitude,
  online: sql<boolean>`(${activities.onlineUrl} is not null)`,
  energyLevel: activities.energyLevel,
  talkLevel: activities.talkLevel,
  stepFree: activities.stepFree,
  seatingAvailable: activities.seatingAvailable,
  quietSpace: activities.quietSpace,
  lateArrivalOk: activities.lateArrivalOk,
  substanceFree: activities.substanceFree,
  firstTimerFriendly: activities.firstTimerFriendly,
  capacity: activities.capacity,
  goingCount: activities.goingCount,
  waitlistCount: activities.waitlistCount,
  rsvpCutoff: activities.rsvpCutoff,
  seriesId: activities.seriesId,
  projectId: activities.projectId,
  distanceKm: distance ?? sql<number | null>`null`,
});

export type SummaryRow = { [K in keyof ReturnType<typeof summaryColumns>]: unknown } & Record<string, unknown>;

export function toSummary(row: SummaryRow): ActivitySummary {
  const r = row as unknown as Omit<ActivitySummary, "group" | "waitlistLength" | "spotsLeft"> & {
    groupSlug: string;
    groupName: string;
    groupVisibility: "public" | "private";
    waitlistCount: number;
    distanceKm: number | string | null;
  };
  const { groupSlug, groupName, groupVisibility, waitlistCount, distanceKm, ...rest } = r;
  return {
    ...rest,
    group: { slug: groupSlug, name: groupName, visibility: groupVisibility },
    waitlistLength: waitlistCount,
    spotsLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.goingCount),
    distanceKm: distanceKm === null ? null : Math.round(Number(distanceKm) * 10) / 10,
  };
}

/**
 * "Not ended by `at`", with the start bounded too: nothing lasts longer than LONGEST_ACTIVITY_MS,
 * so the start index is read from a fortnight before `at` instead of from the first activity
 * the hub ever held (at a year of history, tens of thousands of past rows for one page).
 */
function notEndedBy(at: Date): SQL[] {
  return [gte(activities.endsAt, at), gte(activities.startsAt, new Date(at.getTime() - LONGEST_ACTIVITY_MS))];
}

/*
 * The listing counts what matches only this far past the page it shows: "more than 220" serves
 * a person as well as an exact total, and an exact count of a busy year is a walk of every row.
 */
const COUNT_AHEAD = 200;

function filterConditions(f: ActivityFilters, ctx: { viewerId: string | null; now: Date; zone: string }): SQL[] {
  const where: SQL[] = [isNull(activities.hiddenAt), groupVisibleTo(ctx.viewerId)];
  if (f.kind.length) where.push(inArray(activities.kind, f.kind));
  if (f.energy.length) where.push(inArray(activities.energyLevel, f.energy));
  if (f.talk.length) where.push(inArray(activities.talkLevel, f.talk));
  if (f.access.includes("step_free")) where.push(eq(activities.stepFree, true));
  if (f.access.includes("seating")) where.push(eq(activities.seatingAvailable, true));
  if (f.access.includes("quiet_space")) where.push(eq(activities.quietSpace, true));
  if (f.firstTimer) where.push(eq(activities.firstTimerFriendly, true));
  if (f.substanceFree) where.push(eq(activities.substanceFree, true));
  if (f.spotsLeft) {
    where.push(eq(activities.status, "scheduled"));
    where.push(sql`(${activities.capacity} is null or ${activities.goingCount} < ${activities.capacity})`);
  }
  if (f.group) where.push(eq(groups.slug, f.group));
  // A neighbourhood without a distance means "in it"; with one, the caller has made it a point.
  if (f.neighbourhood && f.lat === undefined) where.push(sql`lower(${activities.neighbourhood}) = lower(${f.neighbourhood})`);
  if (f.format === "online") where.push(sql`${activities.onlineUrl} is not null`);
  if (f.format === "in_person") where.push(sql`(${activities.placeName} <> '' or ${activities.address} <> '')`);
  const custom = f.when === "custom" || f.from || f.to;
  const inNamedRange = !custom && f.when !== "any";
  // websearch_to_tsquery accepts any text a person types without raising a syntax error.
  if (f.q) {
    // Within a named range (today, this weekend, this week) the matching rows are found along
    // the date index and each is matched word by word: the word index's entries for a common
    // word span the whole year, and intersecting them with a week's dates costs several times
    // more, which PostgreSQL misjudges. The coalesce (the column is never null) keeps it off the
    // word index here; an open-ended search still uses it. Statistics on the coalesce expression
    // (migration 0012) tell PostgreSQL how many rows a word matches.
    where.push(
      inNamedRange
        ? sql`coalesce(${activities.search}, ''::tsvector) @@ websearch_to_tsquery('english', ${f.q})`
        : sql`${activities.search} @@ websearch_to_tsquery('english', ${f.q})`,
    );
  }

  if (custom) {
    where.push(...notEndedBy(f.from ? dayBounds(f.from, ctx.zone).start : ctx.now));
    if (f.to) where.push(lt(activities.startsAt, dayBounds(f.to, ctx.zone).next));
  } else if (inNamedRange) {
    const range = namedRange(f.when as "today" | "weekend" | "week", ctx.now, ctx.zone);
    where.push(...notEndedBy(range.from), lt(activities.startsAt, range.to));
  } else {
    where.push(...notEndedBy(ctx.now));
  }

  if (f.lat !== undefined && f.lng !== undefined && f.km !== undefined) {
    const dLat = f.km / 111;
    const dLng = f.km / (111 * Math.max(0.01, Math.cos((f.lat * Math.PI) / 180)));
    where.push(sql`${activities.latitude} between ${f.lat - dLat} and ${f.lat + dLat}`);
    where.push(sql`${activities.longitude} between ${f.lng - dLng} and ${f.lng + dLng}`);
    where.push(sql`${distanceExpr(f.lat, f.lng)} <= ${f.km}`);
  }
  return where;
}

export interface ActivityPage {
  items: ActivitySummary[];
  page: number;
  perPage: number;
  /** How many match, counted at most COUNT_AHEAD past this page; a lower bound when `totalIsExact` is false. */
  total: number;
  totalIsExact: boolean;
  /** Null when there are more matches than were counted. */
  pageCount: number | null;
  hasMore: boolean;
}

/**
 * One page of activities a viewer may see, matching the filters, soonest first (or, with
 * `sort: "nearest"` and a point, nearest first and then soonest).
 * Private groups' activities appear only to their active members. `count: false` skips the
 * count for a page that never shows it (then `total` is what this page holds).
 */
export async function listActivities(
  f: ActivityFilters,
  ctx: { viewerId: string | null; now?: Date; zone: string; count?: boolean },
): Promise<ActivityPage> {
  const db = await getDb();
  const now = ctx.now ?? new Date();
  const where = and(...filterConditions(f, { viewerId: ctx.viewerId, now, zone: ctx.zone }));
  const distance = f.lat !== undefined && f.lng !== undefined ? distanceExpr(f.lat, f.lng) : null;
  const offset = (f.page - 1) * f.perPage;
  const countUpTo = offset + COUNT_AHEAD;
  const [rows, counted] = await Promise.all([
    db
      .select(summaryColumns(distance))
      .from(activities)
      .innerJoin(groups, eq(groups.id, activities.groupId))
      .where(where)
      .orderBy(...(distance && f.sort === "nearest" ? [asc(distance)] : []), asc(activities.startsAt), asc(activities.id))
      .limit(ctx.count === false ? f.perPage + 1 : f.perPage)
      .offset(offset),
    ctx.count === false
      ? Promise.resolve(undefined)
      : db
          .select({ n: count() })
          // In the page's own order: PostgreSQL then counts along the same index, reading only the
          // rows counted, rather than betting on finding them early in a scan of the table.
          .from(db.select({ one: sql`1` }).from(activities).innerJoin(groups, eq(groups.id, activities.groupId)).where(where).orderBy(asc(activities.startsAt)).limit(countUpTo + 1).as("matching"))
          .then(([r]) => Number(r.n)),
  ]);
  const items = rows.slice(0, f.perPage).map((r) => toSummary(r as SummaryRow));
  // For the page cache: an answer to another activity changes neither these rows nor which
  // match, unless the filter asks for spots left.
  noteShownActivities(
    items.map((a) => a.id),
    Boolean(f.spotsLeft),
  );
  if (counted === undefined) {
    return { items, page: f.page, perPage: f.perPage, total: offset + items.length, totalIsExact: rows.length <= f.perPage, pageCount: null, hasMore: rows.length > f.perPage };
  }
  const totalIsExact = counted <= countUpTo;
  const total = Math.min(counted, countUpTo);
  const pageCount = totalIsExact ? Math.max(1, Math.ceil(total / f.perPage)) : null;
  return { items, page: f.page, perPage: f.perPage, total, totalIsExact, pageCount, hasMore: pageCount === null || f.page < pageCount };
}

/** The columns of an activity's full page as `viewerId` may see it: its summary and the rest of its facts. */
export const detailColumns = (viewerId: string | null) => ({
  ...summaryColumns(null),
  description: activities.description,
  onlineUrl: meetingLinkFor(viewerId),
  meetingPoint: activities.meetingPoint,
  groupId: activities.groupId,
  sequence: activities.sequence,
  cancelledAt: activities.cancelledAt,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
});

/** An activity's details from a row selected with `detailColumns()` (and perhaps more). */
export function toDetail(row: SummaryRow & Pick<ActivityDetail, "description" | "onlineUrl" | "meetingPoint" | "groupId" | "sequence" | "cancelledAt" | "createdAt" | "updatedAt">): ActivityDetail {
  const { description, onlineUrl, meetingPoint, groupId, sequence, cancelledAt, createdAt, updatedAt } = row;
  return { ...toSummary(row), description, onlineUrl, meetingPoint, groupId, sequence, cancelledAt, createdAt, updatedAt };
}

/** One activity with everything its page shows, or undefined when it does not exist or the viewer may not see it. */
export async function getActivityForViewer(id: string, viewerId: string | null): Promise<ActivityDetail | undefined> {
  const db = await getDb();
  const [row] = await db
    .select(detailColumns(viewerId))
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .where(and(eq(activities.id, id), isNull(activities.hiddenAt), groupVisibleTo(viewerId)))
    .limit(1);
  return row ? toDetail(row as unknown as Parameters<typeof toDetail>[0]) : undefined;
}

/** The member's own activities (going, waitlisted or maybe) from now until `until`, soonest first. */
export async function listUpcomingForMember(userId: string, until: Date, now = new Date(), limit = 20): Promise<Array<ActivitySummary & { myStatus: string }>> {
  const db = await getDb();
  const rows = await db
    .select({ ...summaryColumns(null), myStatus: sql<string>`r.status::text` })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .innerJoin(sql`rsvps r`, sql`r.activity_id = ${activities.id} and r.user_id = ${userId} and r.status in ('going', 'waitlisted', 'maybe')`)
    .where(and(...notEndedBy(now), lt(activities.startsAt, until), isNull(activities.hiddenAt), groupVisibleTo(userId)))
    .orderBy(asc(activities.startsAt))
    .limit(limit);
  return rows.map((r) => ({ ...toSummary(r as SummaryRow), myStatus: r.myStatus }));
}
