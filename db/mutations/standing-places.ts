import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz";
import { getDb, type Db } from "../client";
import { activities, groups, memberships, rsvps, series, standingPlaces } from "../schema";
import { cancelRsvp, respondToActivity } from "./rsvps";
import { say } from "@/lib/i18n/said";

/*
 * A standing place holds a member's place on every upcoming occurrence of a series.
 * Every place is taken and given up through the RSVP mutation, so the capacity rule and
 * the waitlist order hold here exactly as for a hand-made RSVP.
 */

export type StandingState = "active" | "paused" | "none";

/** RSVPs "going" for each member on one occurrence; a full one puts them on its waitlist. */
export async function giveStandingPlaces(tx: Db, activityId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const answered = await tx
    .select({ userId: rsvps.userId })
    .from(rsvps)
    .where(and(eq(rsvps.activityId, activityId), inArray(rsvps.userId, userIds)));
  const skip = new Set(answered.map((r) => r.userId));
  for (const userId of userIds) {
    // An answer already given (including "not this time") is the member's choice; keep it.
    if (!skip.has(userId)) await respondToActivity(tx, { activityId, userId, status: "going", fromStandingPlace: true });
  }
}

async function upcomingOccurrences(tx: Db, seriesId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.seriesId, seriesId), eq(activities.status, "scheduled"), gt(activities.startsAt, new Date())))
    // Always in start order, so concurrent holders lock the occurrences in the same order.
    .orderBy(asc(activities.startsAt));
  return rows.map((r) => r.id);
}

/** Gives up the standing-place RSVPs on upcoming occurrences; each freed place promotes the waitlist. */
async function withdrawUpcoming(tx: Db, seriesId: string, userId: string): Promise<void> {
  const ids = await upcomingOccurrences(tx, seriesId);
  if (ids.length === 0) return;
  const held = await tx
    .select({ activityId: rsvps.activityId })
    .from(rsvps)
    .where(and(eq(rsvps.userId, userId), eq(rsvps.fromStandingPlace, true), inArray(rsvps.activityId, ids), inArray(rsvps.status, ["going", "waitlisted"])));
  for (const { activityId } of held) await cancelRsvp(tx, { activityId, userId });
}

/** The series, if the member may hold a place on it: visible to them, not banned, still running. */
async function seriesFor(tx: Db, seriesId: string, userId: string) {
  const [row] = await tx
    .select({ id: series.id, endedAt: series.endedAt, visibility: groups.visibility, hiddenAt: groups.hiddenAt, status: memberships.status })
    .from(series)
    .innerJoin(groups, eq(groups.id, series.groupId))
    .leftJoin(memberships, and(eq(memberships.groupId, series.groupId), eq(memberships.userId, userId)))
    .where(eq(series.id, seriesId))
    .limit(1);
  if (!row || row.hiddenAt || (row.visibility === "private" && row.status !== "active")) return null;
  return row;
}

/**
 * Holds (or resumes) a standing place: RSVPs "going" on every upcoming occurrence the
 * member has not already answered, joining the waitlist where an occurrence is full.
 */
export async function holdStandingPlace(actor: Actor, seriesId: string): Promise<ActionResult<{ status: "active" }>> {
  if (!actor) return fail("unauthenticated", say("errors.refusals.standingPlaces.signHoldStandingPlace"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const s = await seriesFor(tx, seriesId, actor.id);
    if (!s) return fail("not_found", say("errors.refusals.standingPlaces.couldntFindSeries"));
    if (s.status === "banned") return fail("forbidden", say("errors.refusals.slots.cantTakePartGroups"));
    if (s.endedAt) return fail("closed", say("errors.refusals.standingPlaces.seriesHasEnded"));
    await tx
      .insert(standingPlaces)
      .values({ seriesId, userId: actor.id, status: "active" })
      .onConflictDoUpdate({ target: [standingPlaces.seriesId, standingPlaces.userId], set: { status: "active" } });
    for (const activityId of await upcomingOccurrences(tx, seriesId)) await giveStandingPlaces(tx, activityId, [actor.id]);
    return { ok: true as const, data: { status: "active" as const } };
  });
}

/**
 * Pauses or releases a standing place. Either way the member's standing-place RSVPs on
 * upcoming occurrences are given up at once (promoting the waitlist); a paused place can
 * be resumed with `holdStandingPlace`, a released one is gone.
 */
export async function stepBackFromSeries(actor: Actor, seriesId: string, how: "pause" | "release"): Promise<ActionResult<{ status: StandingState }>> {
  if (!actor) return fail("unauthenticated", say("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const where = and(eq(standingPlaces.seriesId, seriesId), eq(standingPlaces.userId, actor.id));
    const [place] = await tx.select().from(standingPlaces).where(where).for("update");
    if (!place) return fail("not_found", say("errors.refusals.standingPlaces.dontHoldStandingPlace"));
    if (how === "pause") await tx.update(standingPlaces).set({ status: "paused" }).where(where);
    else await tx.delete(standingPlaces).where(where);
    await withdrawUpcoming(tx, seriesId, actor.id);
    return { ok: true as const, data: { status: how === "pause" ? ("paused" as const) : ("none" as const) } };
  });
}

/**
 * Skips one occurrence: the member's place on it goes to the first person waiting, at once.
 * `passedOn` says whether someone was waiting and now has it; otherwise the place is simply open.
 */
export async function skipOccurrence(actor: Actor, activityId: string): Promise<ActionResult<{ freedPlace: boolean; passedOn: boolean }>> {
  if (!actor) return fail("unauthenticated", say("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [mine] = await tx
      .select({ status: rsvps.status })
      .from(rsvps)
      .where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, actor.id)))
      .limit(1);
    if (!mine || (mine.status !== "going" && mine.status !== "waitlisted")) return fail("not_found", say("errors.refusals.standingPlaces.dontHavePlaceOccurrence"));
    // Locked first (as the RSVP mutation locks it), so no one joins or leaves the waitlist between this count and the skip.
    const [before] = await tx.select({ waitlistCount: activities.waitlistCount }).from(activities).where(eq(activities.id, activityId)).for("update");
    if (!before) return fail("not_found", say("errors.refusals.standingPlaces.dontHavePlaceOccurrence"));
    const result = await cancelRsvp(tx, { activityId, userId: actor.id });
    if (!result.ok) return fail(result.code === "try_again" ? "try_again" : result.code === "not_found" ? "not_found" : "closed", result.message);
    // Remember the skip as "not this time", so a later resume does not take the place back.
    await tx.insert(rsvps).values({ activityId, userId: actor.id, status: "not_going", fromStandingPlace: true });
    const freedPlace = mine.status === "going";
    // Leaving "going" shrinks the waitlist exactly when the freed place went to someone waiting.
    const passedOn = freedPlace && result.activity.waitlistCount < before.waitlistCount;
    return { ok: true as const, data: { freedPlace, passedOn } };
  });
}
