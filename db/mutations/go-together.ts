import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { formatWhen } from "@/lib/dates";
import { notBlockedWith } from "../queries/blocks";
import { getDb } from "../client";
import { getActivityAccess, type ActivityAccess } from "../queries/rsvps";
import { memberships, rsvps, users } from "../schema";
import type { Locale } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/words";
import { notify } from "./notifications";
import { say as said } from "@/lib/i18n/said";

export type PairResult =
  | { ok: true; memberName: string; greeterName: string }
  | { ok: false; code: "not_found" | "forbidden" | "invalid" | "closed"; message: string };

/** Where people meet: the organizer's meeting point, else the place itself. */
export function meetingPlaceOf(a: Pick<ActivityAccess, "meetingPoint" | "placeName" | "address">): string {
  return a.meetingPoint?.trim() || [a.placeName, a.address].filter((s) => s.trim()).join(", ") || "the activity's starting place";
}

const PREPOSITION = /^(at|by|in|on|outside|inside|near|next to|beside|behind|opposite|under|in front of)\s/i;

/**
 * "at Riverside gate", but "at the green shed" for "At the green shed" and "by the blue gate"
 * for "By the blue gate": a meeting point that already says where is not given a second "at".
 */
export function meetAt(place: string): string {
  const match = PREPOSITION.exec(place);
  return match ? `${match[1].toLowerCase()}${place.slice(match[1].length)}` : `at ${place}`;
}

/**
 * Pairs a member who asked not to arrive alone with a greeter: a going member who offered
 * to greet, or an organizer of the group. Both are told where and when to meet. The
 * person pairing must be an organizer of the activity's group, checked in the same
 * transaction.
 */
export async function pairWithGreeter(input: { activityId: string; actorId: string; memberId: string; greeterId: string }): Promise<PairResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const access = await getActivityAccess(input.activityId, input.actorId, tx);
    if (!access) return { ok: false, code: "not_found", message: said("errors.action.activityMissing") };
    if (!access.isOrganizer) return { ok: false, code: "forbidden", message: said("errors.refusals.goTogether.onlyOrganizersGroupPair") };
    if (access.status === "cancelled" || access.endsAt <= new Date()) return { ok: false, code: "closed", message: said("errors.refusals.goTogether.activityCancelledOver") };
    if (input.memberId === input.greeterId) return { ok: false, code: "invalid", message: said("errors.refusals.goTogether.chooseSomeoneElseAs") };

    const [member] = await tx
      .select({ name: users.name, status: rsvps.status, goTogether: rsvps.goTogether })
      .from(rsvps)
      .innerJoin(users, eq(users.id, rsvps.userId))
      .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.memberId)))
      .limit(1);
    if (!member || !member.goTogether || member.status === "not_going") {
      return { ok: false, code: "invalid", message: said("errors.refusals.goTogether.memberHasntAskedSomeone") };
    }
    const [greeter] = await tx
      .select({ name: users.name, status: rsvps.status, offers: rsvps.offersToGreet, role: memberships.role, membership: memberships.status })
      .from(users)
      .leftJoin(rsvps, and(eq(rsvps.userId, users.id), eq(rsvps.activityId, input.activityId)))
      .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.groupId, access.groupId)))
      .where(eq(users.id, input.greeterId))
      .limit(1);
    const isOrganizer = greeter?.membership === "active" && (greeter.role === "owner" || greeter.role === "organizer");
    const offered = greeter?.status === "going" && greeter.offers;
    if (!greeter || !(isOrganizer || offered)) {
      return { ok: false, code: "invalid", message: said("errors.refusals.goTogether.greeterMustGoingHave") };
    }
    // Someone who blocked the other (either way) is never asked to meet them; the message does
    // not say who blocked whom.
    const [blocked] = await tx.select({ one: sql<number>`1` }).from(users).where(and(eq(users.id, input.memberId), notBlockedWith(input.greeterId, users.id))).limit(1);
    if (!blocked) return { ok: false, code: "invalid", message: said("errors.refusals.goTogether.theseTwoCantPaired") };

    await tx
      .update(rsvps)
      .set({ greeterId: input.greeterId, updatedAt: new Date() })
      .where(and(eq(rsvps.activityId, input.activityId), eq(rsvps.userId, input.memberId)));
    const place = meetingPlaceOf(access);
    // "at Riverside gate" is English grammar; other languages say where with their own words.
    const where = (l: Locale) => (l === "en" ? meetAt(place) : say("notices", "goTogether.at", { place: access.meetingPoint?.trim() || [access.placeName, access.address].filter((s) => s.trim()).join(", ") || say("notices", "goTogether.startingPlace") })(l));
    const when = (l: Locale) => formatWhen(access.startsAt, access.timezone, l);
    const href = `/activities/${access.activityId}`;
    await notify(tx, {
      userId: input.memberId,
      type: "go_together_paired",
      title: say("notices", "goTogether.paired.title", { name: greeter.name, title: access.title }),
      body: say("notices", "goTogether.paired.body", { name: greeter.name, where, when }),
      href,
      activityId: access.activityId,
    });
    await notify(tx, {
      userId: input.greeterId,
      type: "go_together_greeter",
      title: say("notices", "goTogether.greeter.title", { name: member.name, title: access.title }),
      body: say("notices", "goTogether.greeter.body", { name: member.name, where, when }),
      href,
      activityId: access.activityId,
    });
    return { ok: true, memberName: member.name, greeterName: greeter.name };
  });
}
