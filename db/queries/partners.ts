import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { currentPeriod, type Rhythm } from "@/lib/connection/rhythm";
import { getDb, type Db } from "../client";
import { checkIns, partnerships, users, type Partnership } from "../schema";
import { listPeopleMet, type PersonMet } from "./connection-facts";

/*
 * Check-in partnerships are private to the pair: every read here names the member in its
 * WHERE clause, so a partnership (and its check-ins) is invisible to anyone outside it,
 * organizers and admins included.
 */

export interface PartnershipItem {
  id: string;
  status: Partnership["status"];
  rhythm: Rhythm;
  weeklyDay: number;
  timezone: string;
  /** The member invited the other (or made the link). */
  iInvited: boolean;
  /** The other person; null for an invite link nobody has opened yet. */
  partner: { id: string; name: string } | null;
  createdAt: Date;
  acceptedAt: Date | null;
  lastCheckInAt: Date | null;
  /** Active and nobody has checked in yet in the current period. */
  due: boolean;
}

const mine = (userId: string) => or(eq(partnerships.inviterId, userId), eq(partnerships.inviteeId, userId));

/** One partnership, only when the member is one of the pair. */
export async function getPartnershipOfMember(id: string, userId: string, executor?: Db): Promise<Partnership | undefined> {
  const db = executor ?? (await getDb());
  const [row] = await db.select().from(partnerships).where(and(eq(partnerships.id, id), mine(userId))).limit(1);
  return row;
}

/** The member's partnerships and invites (not declined ones), with who, rhythm and whether a check-in is due. */
export async function listPartnerships(userId: string, now = new Date()): Promise<PartnershipItem[]> {
  const db = await getDb();
  const inviter = alias(users, "inviter");
  const invitee = alias(users, "invitee");
  const rows = await db
    .select({
      p: partnerships,
      inviterName: inviter.name,
      inviteeName: invitee.name,
      lastCheckInAt: sql<Date | null>`(select max(c.created_at) from check_ins c where c.partnership_id = ${partnerships.id})`.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(partnerships)
    .innerJoin(inviter, eq(inviter.id, partnerships.inviterId))
    .leftJoin(invitee, eq(invitee.id, partnerships.inviteeId))
    .where(and(mine(userId), inArray(partnerships.status, ["invited", "active", "paused", "ended"])))
    .orderBy(desc(partnerships.createdAt));
  return rows.map(({ p, inviterName, inviteeName, lastCheckInAt }) => toPartnershipItem(p, { inviterName, inviteeName, lastCheckInAt }, userId, now));
}

type PartnershipFields = Pick<Partnership, "id" | "inviterId" | "inviteeId" | "status" | "rhythm" | "weeklyDay" | "timezone" | "createdAt" | "acceptedAt">;

/** A partnership as the member sees it: who the other is, and whether a check-in is due now. */
export function toPartnershipItem(
  p: PartnershipFields,
  extra: { inviterName: string; inviteeName: string | null; lastCheckInAt: Date | null },
  userId: string,
  now: Date,
): PartnershipItem {
  const { inviterName, inviteeName, lastCheckInAt } = extra;
  const iInvited = p.inviterId === userId;
  const partner = iInvited ? (p.inviteeId ? { id: p.inviteeId, name: inviteeName ?? "" } : null) : { id: p.inviterId, name: inviterName };
  const period = currentPeriod(p.rhythm, p.weeklyDay, p.timezone, now);
  const due = p.status === "active" && !(lastCheckInAt && lastCheckInAt >= period.start);
  return {
    id: p.id,
    status: p.status,
    rhythm: p.rhythm,
    weeklyDay: p.weeklyDay,
    timezone: p.timezone,
    iInvited,
    partner,
    createdAt: p.createdAt,
    acceptedAt: p.acceptedAt,
    lastCheckInAt,
    due,
  };
}

export interface CheckInItem {
  id: string;
  authorId: string;
  authorName: string;
  note: string;
  mood: number;
  energy: "low" | "medium" | "high";
  createdAt: Date;
}

/** A pair's check-ins, newest first; empty for anyone outside the pair. */
export async function listCheckIns(partnershipId: string, userId: string, limit = 50): Promise<CheckInItem[]> {
  const db = await getDb();
  return db
    .select({ id: checkIns.id, authorId: checkIns.authorId, authorName: users.name, note: checkIns.note, mood: checkIns.mood, energy: checkIns.energy, createdAt: checkIns.createdAt })
    .from(checkIns)
    .innerJoin(partnerships, eq(partnerships.id, checkIns.partnershipId))
    .innerJoin(users, eq(users.id, checkIns.authorId))
    .where(and(eq(checkIns.partnershipId, partnershipId), mine(userId)))
    .orderBy(desc(checkIns.createdAt))
    .limit(limit);
}

/** Whether a check-in by either of the pair falls in [from, to). */
export async function hasCheckInBetween(executor: Db, partnershipId: string, from: Date, to: Date): Promise<boolean> {
  const [row] = await executor
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.partnershipId, partnershipId), gte(checkIns.createdAt, from), lt(checkIns.createdAt, to)))
    .limit(1);
  return Boolean(row);
}

/** People the member could invite: those met at a shared activity (listed, not blocked) without an open partnership with them. */
export async function listPeopleToInvite(userId: string): Promise<PersonMet[]> {
  const [met, current] = await Promise.all([listPeopleMet(userId, 1), listPartnerships(userId)]);
  const taken = new Set(current.filter((p) => p.status !== "ended" && p.partner).map((p) => p.partner!.id));
  return met.filter((p) => !taken.has(p.userId));
}

/** The open invite a link's code names (by its hash), with the inviter's name. */
export async function getInviteByCodeHash(codeHash: string): Promise<{ id: string; inviterId: string; inviterName: string; rhythm: Rhythm; weeklyDay: number } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ id: partnerships.id, inviterId: partnerships.inviterId, inviterName: users.name, rhythm: partnerships.rhythm, weeklyDay: partnerships.weeklyDay })
    .from(partnerships)
    .innerJoin(users, eq(users.id, partnerships.inviterId))
    .where(and(eq(partnerships.inviteCodeHash, codeHash), eq(partnerships.status, "invited"), sql`${partnerships.inviteeId} is null`))
    .limit(1);
  return row;
}

/** Active partnerships, for the nudge job. */
export async function listActivePartnerships(executor?: Db): Promise<Partnership[]> {
  const db = executor ?? (await getDb());
  return db.select().from(partnerships).where(eq(partnerships.status, "active")).orderBy(asc(partnerships.createdAt));
}
