import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { activities, rsvps, series, standingPlaces, type Series } from "../schema";

export interface OccurrenceStanding {
  series: Pick<Series, "id" | "frequency" | "endedAt" | "generatedUntil">;
  /** The viewer's standing place on the series, if any. */
  standing: "active" | "paused" | "none";
  /** The viewer's RSVP on this occurrence, if any. */
  myStatus: "going" | "waitlisted" | "maybe" | "not_going" | null;
}

/**
 * For an occurrence of a series: the series and the viewer's standing place and RSVP.
 * Undefined for a one-off activity. The caller has already checked the viewer may see it.
 */
export async function getOccurrenceStanding(activityId: string, viewerId: string | null): Promise<OccurrenceStanding | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ id: series.id, frequency: series.frequency, endedAt: series.endedAt, generatedUntil: series.generatedUntil })
    .from(activities)
    .innerJoin(series, eq(series.id, activities.seriesId))
    .where(eq(activities.id, activityId))
    .limit(1);
  if (!row) return undefined;
  if (!viewerId) return { series: row, standing: "none", myStatus: null };
  const [[place], [mine]] = await Promise.all([
    db.select({ status: standingPlaces.status }).from(standingPlaces).where(and(eq(standingPlaces.seriesId, row.id), eq(standingPlaces.userId, viewerId))),
    db.select({ status: rsvps.status }).from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, viewerId))),
  ]);
  return { series: row, standing: place?.status ?? "none", myStatus: mine?.status ?? null };
}

/** A series' local start time ("HH:mm") and zone, to explain an occurrence the clocks moved. */
export async function getSeriesClock(seriesId: string): Promise<{ localStartTime: string; timezone: string } | undefined> {
  const db = await getDb();
  const [row] = await db.select({ localStartTime: series.localStartTime, timezone: series.timezone }).from(series).where(eq(series.id, seriesId));
  return row;
}
