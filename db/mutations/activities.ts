import "server-only";
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { fail, type ActionResult } from "@/lib/action-result";
import { authorize, type Actor } from "@/lib/authz";
import { localTimeOf, occurrencesBetween, seriesRuleText } from "@/lib/recurrence";
import { HOST_CHOICE, toActivityFacts, type ActivityFacts, type ActivityInput, type EditScope } from "@/lib/validation/activity";
import { getDb, type Db } from "../client";
import { activities, groups, projects, rsvps, series, type Activity } from "../schema";
import { forgetKnownPlaces } from "../queries/places";
import { membershipIn } from "./groups";
import { tellOfCancellation, tellOfChange, withdrawOutdatedChangeEmails } from "./activity-notices";
import { recordMilestonesOfAttendees } from "./milestones";
import { promoteFromWaitlist } from "./rsvps";
import { rememberPlace, withPickedPlace } from "./saved-places";
import { slottedEditRefusal } from "./slot-places";
import { fillSeriesWindow, startSeries } from "./series";
import { say } from "@/lib/i18n/said";

/*
 * Creating, editing, duplicating and cancelling activities. Every entry point reads the
 * actor's membership of the activity's own group inside its transaction: being an
 * organizer somewhere else never counts.
 */

type Refusal = Extract<ActionResult<never>, { ok: false }>;
const refuse = (code: Refusal["code"], message: string) => fail(code, message) as Refusal;

/** Locks the activity and checks the actor organizes its group; a refusal otherwise. */
async function organizerLock(tx: Db, actor: Actor, activityId: string): Promise<Activity | Refusal> {
  const [activity] = await tx.select().from(activities).where(eq(activities.id, activityId)).for("update");
  // An activity a moderator has hidden is gone for everyone, its organizers included.
  if (!activity || activity.hiddenAt) return refuse("not_found", say("errors.action.activityMissing"));
  const membership = await membershipIn(tx, activity.groupId, actor?.id);
  const ok = authorize(actor, membership, "organizer");
  if (ok.ok) return activity;
  // A private group's activities do not exist for outsiders, not even as "forbidden".
  const [group] = await tx.select({ visibility: groups.visibility }).from(groups).where(eq(groups.id, activity.groupId));
  if (group?.visibility === "private" && membership?.status !== "active") return refuse("not_found", say("errors.action.activityMissing"));
  return refuse(ok.code, ok.message);
}

const isRefusal = (v: Activity | Refusal): v is Refusal => "ok" in v;

/** An activity may name only one of its own group's projects as the one it is a work day of. */
async function projectRefusal(tx: Db, groupId: string, projectId: string | null | undefined): Promise<Refusal | null> {
  if (!projectId) return null;
  const [project] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.id, projectId), eq(projects.groupId, groupId), isNull(projects.hiddenAt)));
  if (project) return null;
  return { ok: false, code: "invalid_input", message: say("errors.refusals.activities.checkProject"), fieldErrors: { projectId: say("errors.refusals.activities.chooseOneGroupsProjects") } };
}

/** An activity's host must be one of its group's active organizers. */
async function hostRefusal(tx: Db, groupId: string, hostId: string | null | undefined): Promise<Refusal | null> {
  if (!hostId) return null;
  const m = await membershipIn(tx, groupId, hostId);
  if (m && m.status === "active" && m.role !== "member") return null;
  return { ok: false, code: "invalid_input", message: say("errors.activities.checkHost"), fieldErrors: { hostId: HOST_CHOICE() } };
}

/** A write that may change the places the hub knows: the neighbourhood list is read afresh after it. */
function placesChanged<T>(result: T): T {
  forgetKnownPlaces();
  return result;
}

/** Creates one activity, or the first occurrence of a series and the next ~12 weeks. */
export async function createActivity(actor: Actor, groupId: string, input: ActivityInput): Promise<ActionResult<{ id: string; seriesId: string | null }>> {
  const db = await getDb();
  return placesChanged(await db.transaction(async (tx) => {
    const [group] = await tx.select({ hiddenAt: groups.hiddenAt, visibility: groups.visibility }).from(groups).where(eq(groups.id, groupId));
    if (!group || group.hiddenAt) return fail("not_found", say("errors.action.groupMissing"));
    const membership = await membershipIn(tx, groupId, actor?.id);
    // A private group does not exist for outsiders, not even as "forbidden".
    if (actor && group.visibility === "private" && membership?.status !== "active") return fail("not_found", say("errors.action.groupMissing"));
    const ok = authorize(actor, membership, "organizer");
    if (!ok.ok) return fail(ok.code, ok.message);
    const badProject = await projectRefusal(tx, groupId, input.projectId);
    if (badProject) return badProject;
    const badHost = await hostRefusal(tx, groupId, input.hostId);
    if (badHost) return badHost;
    const placed = await withPickedPlace(tx, groupId, input);
    if ("ok" in placed) return placed;
    const facts = toActivityFacts(placed);
    const [created] = await tx
      .insert(activities)
      .values({ ...facts, groupId, createdById: ok.actorId, hostId: input.hostId ?? ok.actorId })
      .returning();
    await rememberPlace(tx, groupId, facts);
    const s = input.repeat === "none" ? null : await startSeries(tx, created, input.repeat);
    return { ok: true as const, data: { id: created.id, seriesId: s?.id ?? null } };
  }));
}

function pickFacts(a: Activity): ActivityFacts {
  const { kind, title, description, startsAt, endsAt, timezone, placeName, address, neighbourhood, latitude, longitude, onlineUrl, capacity, rsvpCutoff } = a;
  const { energyLevel, talkLevel, lateArrivalOk, stepFree, seatingAvailable, quietSpace, substanceFree, firstTimerFriendly, projectId } = a;
  return { kind, title, description, startsAt, endsAt, timezone, placeName, address, neighbourhood, latitude, longitude, onlineUrl, capacity, rsvpCutoff, energyLevel, talkLevel, lateArrivalOk, stepFree, seatingAvailable, quietSpace, substanceFree, firstTimerFriendly, projectId };
}

/** The people an activity's change concerns: everyone going, maybe, or waiting. */
async function attendeesOf(tx: Db, activityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: rsvps.userId })
    .from(rsvps)
    .where(and(eq(rsvps.activityId, activityId), inArray(rsvps.status, ["going", "maybe", "waitlisted"])));
  return rows.map((r) => r.userId);
}

const LOGISTICS = ["startsAt", "endsAt", "timezone", "placeName", "address", "onlineUrl", "latitude", "longitude"] as const;
const CALENDAR = [...LOGISTICS, "title", "description"] as const;

function differs(a: ActivityFacts, b: ActivityFacts, keys: readonly (keyof ActivityFacts)[]): boolean {
  return keys.some((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : x !== y;
  });
}

/**
 * Writes new facts to one activity: bumps the calendar SEQUENCE when what a calendar shows
 * changed, and promotes from the waitlist when the capacity went up (lowering it never removes
 * anyone). Returns whether anything changed and, when its time or place did, who is coming and
 * should be told (the caller tells them once, however many occurrences changed).
 */
async function applyFacts(tx: Db, current: Activity, next: ActivityFacts): Promise<{ changed: boolean; toTell: string[] }> {
  const before = pickFacts(current);
  if (!differs(before, next, Object.keys(next) as (keyof ActivityFacts)[])) return { changed: false, toTell: [] };
  const bump = differs(before, next, CALENDAR);
  await tx
    .update(activities)
    .set({ ...next, updatedAt: new Date(), ...(bump ? { sequence: current.sequence + 1 } : {}) })
    .where(eq(activities.id, current.id));
  const raised = next.capacity === null ? current.capacity !== null : current.capacity !== null && next.capacity > current.capacity;
  if (raised) await promoteFromWaitlist(tx, current.id);
  // Milestones count what members attended by its kind and week: a corrected kind or date may reach one.
  if (current.kind !== next.kind || current.startsAt.getTime() !== next.startsAt.getTime()) await recordMilestonesOfAttendees(tx, current.id);
  const toTell = current.status === "scheduled" && differs(before, next, LOGISTICS) ? await attendeesOf(tx, current.id) : [];
  return { changed: true, toTell };
}

/** The first `count` starts of a stored series rule, beginning with its own first start. */
function datesOfRule(rule: string, zone: string, first: Date, count: number): Date[] {
  if (count === 0) return [];
  // A generous span: monthly rules are at most about five weeks apart.
  const until = new Date(first.getTime() + (count + 1) * 40 * 86_400_000);
  const later = occurrencesBetween(rule, zone, 0, first, until).map((o) => o.startsAt);
  return [first, ...later].slice(0, count);
}

/**
 * Edits an activity. For an occurrence of a series, scope "following" applies the change
 * to this and every later occurrence: the series' rule is re-anchored at the new start,
 * each of those occurrences takes the next date that rule gives (at the new local time in
 * the new zone), and the rule's dates past them are generated at once.
 */
export async function updateActivity(actor: Actor, activityId: string, input: ActivityInput, scope: EditScope = "this"): Promise<ActionResult<{ changed: number }>> {
  const db = await getDb();
  return placesChanged(await db.transaction(async (tx) => {
    const current = await organizerLock(tx, actor, activityId);
    if (isRefusal(current)) return current;
    const badProject = current.projectId === (input.projectId ?? null) ? null : await projectRefusal(tx, current.groupId, input.projectId);
    if (badProject) return badProject;
    // A new host is named from the group's organizers; leaving it out keeps the host.
    const newHost = input.hostId && input.hostId !== current.hostId ? input.hostId : null;
    const badHost = await hostRefusal(tx, current.groupId, newHost);
    if (badHost) return badHost;
    const placed = await withPickedPlace(tx, current.groupId, input);
    if ("ok" in placed) return placed;
    const next = toActivityFacts(placed);
    if (differs(pickFacts(current), next, ["placeName", "address", "neighbourhood", "latitude", "longitude"])) await rememberPlace(tx, current.groupId, next);
    if (scope === "this" || !current.seriesId) {
      const slotted = await slottedEditRefusal(tx, current, next);
      if (slotted) return slotted;
      const applied = await applyFacts(tx, current, next);
      if (newHost) await tx.update(activities).set({ hostId: newHost }).where(eq(activities.id, current.id));
      await tellOfChange(tx, { id: current.id, title: next.title }, applied.toTell, { before: pickFacts(current), after: next, following: false });
      return { ok: true as const, data: { changed: Number(applied.changed || Boolean(newHost)) } };
    }

    const [s] = await tx.select().from(series).where(eq(series.id, current.seriesId)).for("update");
    const following = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.seriesId, current.seriesId), gte(activities.startsAt, current.startsAt)))
      .orderBy(asc(activities.startsAt))
      .for("update");
    const durationMs = next.endsAt.getTime() - next.startsAt.getTime();
    const cutoffLead = next.rsvpCutoff ? next.startsAt.getTime() - next.rsvpCutoff.getTime() : null;
    // This and every later occurrence take, one for one, the dates the re-anchored rule
    // gives, so what exists after the edit is exactly what the new rule says: shifting each
    // old date by the same number of days would skip the new rule's dates that fall before
    // the old window's end, and would break "the nth weekday of the month".
    const rule = s ? seriesRuleText(s.frequency, next.startsAt, next.timezone) : null;
    const starts = rule ? datesOfRule(rule, next.timezone, next.startsAt, following.length) : following.map((o) => o.startsAt);
    // Nothing is written while any occurrence with time slots would refuse its new facts.
    for (const [i, occurrence] of following.entries()) {
      const slotted = await slottedEditRefusal(tx, occurrence, { capacity: next.capacity, startsAt: starts[i], endsAt: new Date(starts[i].getTime() + durationMs) });
      if (slotted) return slotted;
    }
    let changed = 0;
    const toTell = new Set<string>();
    let firstAfter: ActivityFacts = next;
    for (const [i, occurrence] of following.entries()) {
      const start = starts[i];
      const facts = { ...next, startsAt: start, endsAt: new Date(start.getTime() + durationMs), rsvpCutoff: cutoffLead === null ? null : new Date(start.getTime() - cutoffLead) };
      if (i === 0) firstAfter = facts;
      const applied = await applyFacts(tx, occurrence, facts);
      if (applied.changed) changed++;
      for (const id of applied.toTell) toTell.add(id);
    }
    if (newHost) {
      await tx.update(activities).set({ hostId: newHost }).where(inArray(activities.id, following.map((o) => o.id)));
      changed = Math.max(changed, following.length);
    }
    // Told as the edited date's change, "for this date and the ones after it".
    await tellOfChange(tx, { id: current.id, title: next.title }, toTell, { before: pickFacts(current), after: firstAfter, following: true });
    if (s && rule) {
      const [updated] = await tx
        .update(series)
        .set({
          rrule: rule,
          timezone: next.timezone,
          localStartTime: localTimeOf(next.startsAt, next.timezone),
          durationMinutes: Math.round(durationMs / 60_000),
          // The window now ends at the last re-dated occurrence; the rule's dates after it
          // are generated at once, up to the usual horizon.
          generatedUntil: starts[starts.length - 1] ?? next.startsAt,
        })
        .where(eq(series.id, s.id))
        .returning();
      await fillSeriesWindow(tx, updated);
    }
    return { ok: true as const, data: { changed } };
  }));
}

/**
 * Cancels an activity (scope "this"), or this and every later occurrence of its series
 * ("following"), which also stops the series. The pages stay, marked cancelled; the
 * calendar SEQUENCE is bumped and everyone going, maybe or waiting is told.
 */
export async function cancelActivity(actor: Actor, activityId: string, scope: EditScope = "this"): Promise<ActionResult<{ cancelled: number }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await organizerLock(tx, actor, activityId);
    if (isRefusal(current)) return current;
    let targets = [current];
    if (scope === "following" && current.seriesId) {
      await tx.update(series).set({ endedAt: new Date() }).where(eq(series.id, current.seriesId));
      targets = await tx
        .select()
        .from(activities)
        .where(and(eq(activities.seriesId, current.seriesId), gte(activities.startsAt, current.startsAt)))
        .orderBy(asc(activities.startsAt))
        .for("update");
    }
    const now = new Date();
    const told: { activity: Activity; userIds: string[] }[] = [];
    for (const a of targets.filter((t) => t.status === "scheduled")) {
      await tx.update(activities).set({ status: "cancelled", cancelledAt: now, sequence: a.sequence + 1, updatedAt: now }).where(eq(activities.id, a.id));
      told.push({ activity: a, userIds: await attendeesOf(tx, a.id) });
    }
    const cancelled = told.length;
    if (cancelled === 0) return fail("conflict", say("errors.refusals.activities.activityAlreadyCancelled"));
    // One notice and one email per person, listing the dates they were coming to.
    await tellOfCancellation(tx, told);
    // A "has changed" email still waiting for further edits would now arrive after the cancellation.
    await withdrawOutdatedChangeEmails(tx, told.map((t) => t.activity.id));
    return { ok: true as const, data: { cancelled } };
  });
}
