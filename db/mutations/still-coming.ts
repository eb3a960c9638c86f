import "server-only";
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { activities, rsvpLinks, rsvps } from "../schema";
import { isContention, lockActivity, respondToActivity, TRY_AGAIN_MESSAGE } from "./rsvps";
import { say } from "@/lib/i18n/said";

/*
 * "Still coming?": the day-before reminder carries two links, "Yes, I'm coming" and "Free my place",
 * that work without signing in. Each is a random token of which only the SHA-256 is stored (as
 * for the account's email links, db/mutations/email-links.ts), one per RSVP and purpose, working
 * once, until the activity starts. Opening a link changes nothing: its page asks for one press of
 * a button (a POST), because mail scanners fetch the links in a message before the person reads it.
 * Freeing a place goes through the RSVP mutation, so the first person waiting is promoted at once.
 */

export type StillComingPurpose = "coming" | "free";
export const STILL_COMING_PURPOSES: readonly StillComingPurpose[] = ["coming", "free"];

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A token the way it may arrive in an address: anything else is not one of ours. */
export const isStillComingToken = (token: string) => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

/** The page each link opens. */
export const stillComingPath = (purpose: StillComingPurpose, token: string) => `/still-coming/${purpose}/${token}`;

/**
 * Writes a fresh pair of links for each member (a new reminder, say for a new time, ends the old
 * pair) inside the reminder's transaction, and returns the tokens to put in their emails.
 */
export async function issueStillComingLinks(tx: Db, activity: { id: string; startsAt: Date }, userIds: string[], now = new Date()): Promise<Map<string, Record<StillComingPurpose, string>>> {
  const out = new Map<string, Record<StillComingPurpose, string>>();
  if (userIds.length === 0) return out;
  const rows = userIds.flatMap((userId) => {
    const tokens = { coming: crypto.randomBytes(32).toString("base64url"), free: crypto.randomBytes(32).toString("base64url") };
    out.set(userId, tokens);
    return STILL_COMING_PURPOSES.map((purpose) => ({ tokenHash: sha256(tokens[purpose]), activityId: activity.id, userId, purpose, expiresAt: activity.startsAt, createdAt: now }));
  });
  await tx
    .insert(rsvpLinks)
    .values(rows)
    .onConflictDoUpdate({
      target: [rsvpLinks.activityId, rsvpLinks.userId, rsvpLinks.purpose],
      set: { tokenHash: sql`excluded.token_hash`, expiresAt: sql`excluded.expires_at`, usedAt: null, createdAt: sql`excluded.created_at` },
    });
  return out;
}

export type StillComingState = "valid" | "used" | "expired" | "unknown";

export interface StillComingView {
  state: StillComingState;
  activity?: { id: string; title: string; startsAt: Date; timezone: string };
}

async function findLink(db: Db, token: string, purpose: StillComingPurpose) {
  const [row] = await db
    .select({ activityId: rsvpLinks.activityId, userId: rsvpLinks.userId, usedAt: rsvpLinks.usedAt, expiresAt: rsvpLinks.expiresAt })
    .from(rsvpLinks)
    .where(and(eq(rsvpLinks.tokenHash, sha256(token)), eq(rsvpLinks.purpose, purpose)))
    .limit(1);
  return row;
}

const stateOf = (link: { usedAt: Date | null; expiresAt: Date }, activity: { startsAt: Date; status: string; hiddenAt: Date | null }, now: Date): StillComingState => {
  if (link.usedAt) return "used";
  if (link.expiresAt <= now || activity.startsAt <= now || activity.status === "cancelled") return "expired";
  return "valid";
};

/** What a link is now, and for which activity, without spending it (the GET of its page). */
export async function readStillComingLink(token: string, purpose: StillComingPurpose, now = new Date()): Promise<StillComingView> {
  if (!isStillComingToken(token)) return { state: "unknown" };
  const db = await getDb();
  const link = await findLink(db, token, purpose);
  if (!link) return { state: "unknown" };
  const [a] = await db
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, timezone: activities.timezone, status: activities.status, hiddenAt: activities.hiddenAt })
    .from(activities)
    .where(eq(activities.id, link.activityId))
    .limit(1);
  if (!a || a.hiddenAt) return { state: "unknown" };
  return { state: stateOf(link, a, now), activity: { id: a.id, title: a.title, startsAt: a.startsAt, timezone: a.timezone } };
}

export type SpentStillComing =
  | { ok: true; activityId: string; purpose: StillComingPurpose }
  | { ok: false; code: Exclude<StillComingState, "valid"> | "not_going" | "try_again"; message: string };

const REFUSALS: Record<Exclude<StillComingState, "valid"> | "not_going", () => string> = {
  used: () => say("errors.refusals.stillComing.used"),
  expired: () => say("errors.refusals.stillComing.expired"),
  unknown: () => say("errors.refusals.stillComing.unknown"),
  not_going: () => say("errors.refusals.stillComing.notGoing"),
};

const refuse = (code: keyof typeof REFUSALS): SpentStillComing => ({ ok: false, code, message: REFUSALS[code]() });

/**
 * Spends a link once. The activity is locked first (as every RSVP change does), then the link row,
 * so two presses at once are decided one after the other and the second finds it used.
 * "coming" records when the member said so; "free" answers "not going" through the RSVP mutation,
 * which gives the place to the first person waiting, in this same transaction.
 */
export async function spendStillComingLink(token: string, purpose: StillComingPurpose, now = new Date()): Promise<SpentStillComing> {
  if (!isStillComingToken(token)) return refuse("unknown");
  const db = await getDb();
  const first = await findLink(db, token, purpose);
  if (!first) return refuse("unknown");
  try {
    return await db.transaction(async (tx): Promise<SpentStillComing> => {
      const activity = await lockActivity(tx as unknown as Db, first.activityId);
      const [link] = await tx
        .select({ userId: rsvpLinks.userId, usedAt: rsvpLinks.usedAt, expiresAt: rsvpLinks.expiresAt })
        .from(rsvpLinks)
        .where(and(eq(rsvpLinks.tokenHash, sha256(token)), eq(rsvpLinks.purpose, purpose)))
        .for("update");
      if (!link || !activity || activity.hiddenAt) return refuse("unknown");
      const state = stateOf(link, activity, now);
      if (state !== "valid") return refuse(state);
      const done = purpose === "coming" ? await markStillComing(tx as unknown as Db, activity.id, link.userId, now) : await freePlace(tx as unknown as Db, activity.id, link.userId);
      if (!done.ok) return done;
      await tx.update(rsvpLinks).set({ usedAt: now }).where(eq(rsvpLinks.tokenHash, sha256(token)));
      return { ok: true, activityId: activity.id, purpose };
    });
  } catch (error) {
    if (isContention(error)) return { ok: false, code: "try_again", message: TRY_AGAIN_MESSAGE() };
    throw error;
  }
}

async function markStillComing(tx: Db, activityId: string, userId: string, now: Date): Promise<SpentStillComing> {
  const rows = await tx
    .update(rsvps)
    .set({ stillComingAt: sql`coalesce(${rsvps.stillComingAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId), eq(rsvps.status, "going")))
    .returning({ userId: rsvps.userId });
  return rows.length ? { ok: true, activityId, purpose: "coming" } : refuse("not_going");
}

async function freePlace(tx: Db, activityId: string, userId: string): Promise<SpentStillComing> {
  const result = await respondToActivity(tx, { activityId, userId, status: "not_going" });
  if (!result.ok) return { ok: false, code: result.code === "try_again" ? "try_again" : "expired", message: result.message };
  return result.changed ? { ok: true, activityId, purpose: "free" } : refuse("not_going");
}

/**
 * The same two answers from the in-app reminder, for the signed-in member: no link, the session
 * says who they are. "coming" needs a place held; "free" is the RSVP mutation's "not going".
 */
export async function answerStillComing(activityId: string, userId: string, purpose: StillComingPurpose, now = new Date()): Promise<SpentStillComing> {
  if (purpose === "free") {
    const db = await getDb();
    return freePlace(db, activityId, userId);
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const activity = await lockActivity(tx as unknown as Db, activityId);
    if (!activity || activity.hiddenAt) return refuse("unknown");
    if (activity.startsAt <= now || activity.status === "cancelled") return refuse("expired");
    return markStillComing(tx as unknown as Db, activityId, userId, now);
  });
}
