import "server-only";
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { horizonFrom, localTimeOf, occurrencesBetween, seriesRuleText, type Frequency } from "@/lib/recurrence";
import { getDb, type Db } from "../client";
import { activities, series, standingPlaces, type Activity, type Series } from "../schema";
import { giveStandingPlaces } from "./standing-places";

/*
 * Series are expanded ahead of time into ordinary activities (about twelve weeks), so
 * listings, RSVPs and calendars treat every occurrence like any other activity. The
 * window is moved forward by `extendSeries`, which runs when an occurrence of the series
 * is viewed and for every series when the server starts (`extendAllSeries`).
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Columns copied from one occurrence to the next; times come from the rule. */
function templateOf(a: Activity) {
  const { id: _id, startsAt: _s, endsAt: _e, rsvpCutoff, status: _st, cancelledAt: _c, goingCount: _g, waitlistCount: _w, sequence: _q, createdAt: _ca, updatedAt: _u, search: _x, ...rest } = a;
  return { ...rest, cutoffLeadMs: rsvpCutoff ? a.startsAt.getTime() - rsvpCutoff.getTime() : null };
}

/** Creates the series row for a first occurrence that is already inserted, then fills the window. */
export async function startSeries(tx: Tx, first: Activity, frequency: Frequency, now = new Date()): Promise<Series> {
  const [row] = await tx
    .insert(series)
    .values({
      groupId: first.groupId,
      frequency,
      rrule: seriesRuleText(frequency, first.startsAt, first.timezone),
      timezone: first.timezone,
      localStartTime: localTimeOf(first.startsAt, first.timezone),
      durationMinutes: Math.round((first.endsAt.getTime() - first.startsAt.getTime()) / 60_000),
      generatedUntil: first.startsAt,
    })
    .returning();
  await tx.update(activities).set({ seriesId: row.id }).where(eq(activities.id, first.id));
  await fillSeriesWindow(tx, row, now);
  const [fresh] = await tx.select().from(series).where(eq(series.id, row.id));
  return fresh;
}

/**
 * Inserts the occurrences between the series' `generatedUntil` and the horizon, copying
 * the facts of its latest occurrence, and gives each active standing place its RSVP.
 * The caller holds the series row lock, so two page views cannot generate twice.
 */
export async function fillSeriesWindow(tx: Tx, s: Series, now = new Date()): Promise<number> {
  if (s.endedAt) return 0;
  const until = horizonFrom(now);
  if (s.generatedUntil >= until) return 0;
  const [latest] = await tx.select().from(activities).where(eq(activities.seriesId, s.id)).orderBy(desc(activities.startsAt)).limit(1);
  if (!latest) return 0;
  const due = occurrencesBetween(s.rrule, s.timezone, s.durationMinutes, s.generatedUntil, until);
  const { cutoffLeadMs, ...template } = templateOf(latest);
  const holders = await tx
    .select({ userId: standingPlaces.userId })
    .from(standingPlaces)
    .where(and(eq(standingPlaces.seriesId, s.id), eq(standingPlaces.status, "active")));
  for (const occurrence of due) {
    const [created] = await tx
      .insert(activities)
      .values({
        ...template,
        timezone: s.timezone,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        rsvpCutoff: cutoffLeadMs === null ? null : new Date(occurrence.startsAt.getTime() - cutoffLeadMs),
      })
      .returning({ id: activities.id });
    await giveStandingPlaces(tx, created.id, holders.map((h) => h.userId));
  }
  await tx.update(series).set({ generatedUntil: until }).where(eq(series.id, s.id));
  return due.length;
}

/** Moves one series' window forward; returns how many occurrences were added. */
export async function extendSeries(seriesId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(series).where(eq(series.id, seriesId)).for("update");
    if (!s) return 0;
    return fillSeriesWindow(tx, s, now);
  });
}

/** Moves every running series' window forward (at server start); one transaction per series. */
export async function extendAllSeries(now = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: series.id })
    .from(series)
    .where(and(isNull(series.endedAt), lt(series.generatedUntil, horizonFrom(now))));
  let added = 0;
  for (const { id } of due) {
    // One series that cannot be extended must not hold back the others.
    try {
      added += await extendSeries(id, now);
    } catch (error) {
      console.error(`[series] could not extend ${id}`, error);
    }
  }
  return added;
}
