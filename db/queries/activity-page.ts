import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import { activities, groups, memberships, projects, rsvps, series, standingPlaces, users, type Series } from "../schema";
import { detailColumns, toDetail, type ActivityDetail } from "./activities";
import { oneLine, type Person } from "./people";
import { positionOf, type RsvpPanelData } from "./rsvps";
import { slotsColumn, toPageSlots, type PageSlot } from "./slots";
import { pictureColumn, type Picture } from "./uploads";
import { groupVisibleTo } from "./visibility";
import type { RsvpQuestion } from "@/lib/rsvp-questions";

/** An occurrence's series, and the viewer's standing place on it and RSVP to this occurrence. */
export interface OccurrenceStanding {
  series: Pick<Series, "id" | "frequency" | "endedAt" | "generatedUntil">;
  /** The viewer's standing place on the series, if any. */
  standing: "active" | "paused" | "none";
  /** The viewer's RSVP on this occurrence, if any. */
  myStatus: "going" | "waitlisted" | "maybe" | "not_going" | null;
}

/** Everything the activity page shows that depends only on the activity and who is looking. */
export interface ActivityPageData {
  activity: ActivityDetail;
  /** How many said they'll try to come (going and waiting are counters on the activity). */
  maybeCount: number;
  /** Whether a visitor may RSVP as a guest (a public group that has not turned guest RSVPs off). */
  guestsWelcome: boolean;
  /** The project this is a work day of, unless that project is hidden. */
  project: { id: string; title: string } | null;
  /** Its cover picture, if it has one. */
  cover: Picture | null;
  /** Its host (an organizer of the group; whoever posted it, for activities from before hosts). */
  host: Person | null;
  /** The series this is an occurrence of, with its usual local start (for the clock-change notice). */
  series: (OccurrenceStanding["series"] & { localStartTime: string; timezone: string }) | null;
  /** Questions on RSVP, asked of members saying they're going. */
  questions: RsvpQuestion[];
  /** Its time slots, soonest first, with the viewer's own place in each (none: no slots). */
  slots: PageSlot[];
  /** The signed-in viewer's own relation to it; null for a visitor. */
  mine: {
    rsvp: RsvpPanelData["myRsvp"];
    membership: RsvpPanelData["membership"];
    standing: OccurrenceStanding["standing"];
    isOrganizer: boolean;
  } | null;
}

const greeter = alias(users, "greeter");
const host = alias(users, "host");

/**
 * The activity page's data in one statement: the activity with its counts and group, its
 * series, and the viewer's RSVP, membership and standing place (outer joins on the viewer's
 * own rows). Undefined when it does not exist or the viewer may not see it.
 */
export async function getActivityPageData(id: string, viewerId: string | null): Promise<ActivityPageData | undefined> {
  const db = await getDb();
  // A visitor has no rows of their own: the outer joins then match nothing.
  const own = (condition: SQL | undefined) => (viewerId ? condition : sql`false`);
  const [row] = await db
    .select({
      ...detailColumns(viewerId),
      maybeCount: sql<number>`(select count(*) from rsvps m where m.activity_id = ${activities.id} and m.status = 'maybe')`.mapWith(Number),
      guestsWelcome: sql<boolean>`(${groups.visibility} = 'public' and ${groups.guestRsvps})`,
      project: { id: projects.id, title: projects.title },
      series: {
        id: series.id,
        frequency: series.frequency,
        endedAt: series.endedAt,
        generatedUntil: series.generatedUntil,
        localStartTime: series.localStartTime,
        timezone: series.timezone,
      },
      rsvpStatus: rsvps.status,
      rsvpPosition: positionOf,
      goTogether: rsvps.goTogether,
      offersToGreet: rsvps.offersToGreet,
      myAnswers: rsvps.answers,
      rsvpQuestions: activities.rsvpQuestions,
      greeterName: greeter.name,
      membershipStatus: memberships.status,
      membershipRole: memberships.role,
      standing: standingPlaces.status,
      cover: pictureColumn("activity_id", activities.id),
      host: { id: host.id, name: host.name, bio: host.bio },
      hostPhoto: pictureColumn("user_id", host.id),
      slots: slotsColumn(viewerId),
    })
    .from(activities)
    .innerJoin(groups, eq(groups.id, activities.groupId))
    .leftJoin(series, eq(series.id, activities.seriesId))
    // A project belongs to the activity's own group, so whoever may see the activity may see it.
    .leftJoin(projects, and(eq(projects.id, activities.projectId), isNull(projects.hiddenAt)))
    .leftJoin(rsvps, own(and(eq(rsvps.activityId, activities.id), eq(rsvps.userId, viewerId!))))
    .leftJoin(greeter, eq(greeter.id, rsvps.greeterId))
    .leftJoin(host, eq(host.id, sql`coalesce(${activities.hostId}, ${activities.createdById})`))
    .leftJoin(memberships, own(and(eq(memberships.groupId, activities.groupId), eq(memberships.userId, viewerId!))))
    .leftJoin(standingPlaces, own(and(eq(standingPlaces.seriesId, activities.seriesId), eq(standingPlaces.userId, viewerId!))))
    .where(and(eq(activities.id, id), isNull(activities.hiddenAt), groupVisibleTo(viewerId)))
    .limit(1);
  if (!row) return undefined;
  const activity = toDetail(row as unknown as Parameters<typeof toDetail>[0]);
  const membership = row.membershipStatus && row.membershipRole ? { status: row.membershipStatus, role: row.membershipRole } : null;
  return {
    activity,
    maybeCount: row.maybeCount,
    questions: row.rsvpQuestions ?? [],
    guestsWelcome: Boolean(row.guestsWelcome),
    project: row.project?.id ? row.project : null,
    cover: row.cover ?? null,
    host: row.host?.id ? { id: row.host.id, name: row.host.name, bio: oneLine(row.host.bio), photo: row.hostPhoto ?? null } : null,
    series: row.series?.id ? row.series : null,
    slots: toPageSlots(row.slots),
    mine: viewerId
      ? {
          rsvp: row.rsvpStatus
            ? { status: row.rsvpStatus, position: row.rsvpPosition === null ? null : Number(row.rsvpPosition), goTogether: Boolean(row.goTogether), offersToGreet: Boolean(row.offersToGreet), greeterName: row.greeterName, answers: row.myAnswers ?? {} }
            : null,
          membership,
          standing: row.standing ?? "none",
          isOrganizer: membership?.status === "active" && (membership.role === "owner" || membership.role === "organizer"),
        }
      : null,
  };
}

/** The RSVP panel's data, taken from the page's. */
export function rsvpPanelOf(data: ActivityPageData): RsvpPanelData {
  const a = data.activity;
  return {
    activity: {
      id: a.id,
      title: a.title,
      status: a.status,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      rsvpCutoff: a.rsvpCutoff,
      timezone: a.timezone,
      capacity: a.capacity,
      goingCount: a.goingCount,
      waitlistCount: a.waitlistLength,
      groupId: a.groupId,
      groupSlug: a.group.slug,
      groupVisibility: a.group.visibility,
      guestsWelcome: data.guestsWelcome,
      questions: data.questions,
      hasSlots: data.slots.length > 0,
    },
    myRsvp: data.mine?.rsvp ?? null,
    membership: data.mine?.membership ?? null,
  };
}
