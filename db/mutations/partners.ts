import "server-only";
import crypto from "node:crypto";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { ActionResult } from "@/lib/action-result";
import { fail } from "@/lib/action-result";
import { lastCompletedPeriod, type Rhythm } from "@/lib/connection/rhythm";
import { getDb, type Db } from "../client";
import { getMemberZone, listPeopleMet } from "../queries/connection-facts";
import { getPartnershipOfMember, hasCheckInBetween, listActivePartnerships } from "../queries/partners";
import { blocks, checkIns, partnerNudges, partnerships, users } from "../schema";
import { recordMilestones } from "./milestones";
import { say } from "@/lib/i18n/words";
import { notify } from "./notifications";
import { say as said } from "@/lib/i18n/said";

/*
 * Check-in partnerships. Only the two people in a pair ever act on it or hear about it;
 * pausing and ending take effect at once with no reason asked, and the other side is told
 * kindly. Invites go member to member: by a link the inviter shares, or to someone they met
 * at a shared activity — never by searching everyone.
 */

const hashCode = (code: string) => crypto.createHash("sha256").update(code, "utf8").digest("hex");
/** "a daily message" or "a weekly check-in on Tuesdays", in the reader's language (ISO weekday 1–7). */
const rhythmIn = (rhythm: Rhythm, weeklyDay: number) => say("notices", rhythm === "daily_message" ? "partner.daily" : "partner.weekly", { day: String(((weeklyDay - 1 + 7) % 7) + 1) });

const HREF = "/me/partners";

async function nameOf(tx: Db, id: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1);
  return row?.name ?? "Your partner";
}

async function blockedEitherWay(tx: Db, a: string, b: string): Promise<boolean> {
  const [row] = await tx
    .select({ x: blocks.blockerId })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))))
    .limit(1);
  return Boolean(row);
}

async function openPartnershipBetween(tx: Db, a: string, b: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(
      and(
        inArray(partnerships.status, ["invited", "active", "paused"]),
        or(and(eq(partnerships.inviterId, a), eq(partnerships.inviteeId, b)), and(eq(partnerships.inviterId, b), eq(partnerships.inviteeId, a))),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Makes an invite link; the code is returned once and only its hash is kept. */
export async function createInviteLink(actorId: string, rhythm: Rhythm, weeklyDay: number): Promise<{ id: string; code: string }> {
  const db = await getDb();
  const code = crypto.randomBytes(18).toString("base64url");
  const timezone = await getMemberZone(actorId, undefined, db);
  const [row] = await db.insert(partnerships).values({ inviterId: actorId, rhythm, weeklyDay, timezone, inviteCodeHash: hashCode(code) }).returning({ id: partnerships.id });
  return { id: row.id, code };
}

/** Invites someone the member attended an activity with (and who chose to be listed); they are told privately. */
export async function invitePerson(actorId: string, inviteeId: string, rhythm: Rhythm, weeklyDay: number): Promise<ActionResult<{ id: string }>> {
  // Authorized against the facts: only someone met at a shared activity can be invited this way.
  const met = await listPeopleMet(actorId, 1);
  if (!met.some((p) => p.userId === inviteeId)) return fail("not_found", said("errors.refusals.partners.inviteSomeoneYouveBeen"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (await blockedEitherWay(tx, actorId, inviteeId)) return fail("not_found", said("errors.refusals.partners.inviteSomeoneYouveBeen"));
    if (await openPartnershipBetween(tx, actorId, inviteeId)) return fail("conflict", said("errors.refusals.partners.alreadyHaveInvitePartnership"));
    const timezone = await getMemberZone(actorId, undefined, tx);
    const [row] = await tx.insert(partnerships).values({ inviterId: actorId, inviteeId, rhythm, weeklyDay, timezone }).returning({ id: partnerships.id });
    const inviter = await nameOf(tx, actorId);
    await notify(tx, { userId: inviteeId, type: "partner_invite", title: say("notices", "partner.invite.title", { name: inviter }), body: say("notices", "partner.invite.body", { rhythm: rhythmIn(rhythm, weeklyDay) }), href: HREF });
    return { ok: true as const, data: { id: row.id } };
  });
}

/** Accepts an invite link. The code works once; the inviter is told. */
export async function acceptInviteLink(actorId: string, code: string, now = new Date()): Promise<ActionResult<{ id: string; partnerName: string }>> {
  const db = await getDb();
  const gone = fail("not_found", said("errors.action.inviteUsed"));
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(partnerships)
      .where(and(eq(partnerships.inviteCodeHash, hashCode(code)), eq(partnerships.status, "invited"), isNull(partnerships.inviteeId)))
      .for("update")
      .limit(1);
    if (!invite) return gone;
    if (invite.inviterId === actorId) return fail("conflict", said("errors.refusals.partners.ownInviteLinkShare"));
    if (await blockedEitherWay(tx, actorId, invite.inviterId)) return gone;
    if (await openPartnershipBetween(tx, actorId, invite.inviterId)) return fail("conflict", said("errors.refusals.partners.twoAlreadyCheckWith"));
    await tx
      .update(partnerships)
      .set({ inviteeId: actorId, status: "active", acceptedAt: now, rhythmSince: now, inviteCodeHash: null })
      .where(eq(partnerships.id, invite.id));
    const [me, them] = [await nameOf(tx, actorId), await nameOf(tx, invite.inviterId)];
    await notify(tx, { userId: invite.inviterId, type: "partner_accepted", title: say("notices", "partner.accepted.title", { name: me }), body: say("notices", "partner.accepted.body", { rhythm: rhythmIn(invite.rhythm, invite.weeklyDay) }), href: HREF });
    await recordMilestones(actorId, { now, executor: tx });
    await recordMilestones(invite.inviterId, { now, executor: tx });
    return { ok: true as const, data: { id: invite.id, partnerName: them } };
  });
}

export type PartnerChange = "accept" | "decline" | "pause" | "resume" | "end";

/**
 * Accept or decline (the invitee), pause, resume or end (either of the pair, at once, no
 * reason asked). The other side is told kindly, except of a declined invite: nobody is told
 * that, the invite simply goes away.
 */
export async function changePartnership(actorId: string, id: string, change: PartnerChange, now = new Date()): Promise<ActionResult<{ status: string }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await getPartnershipOfMember(id, actorId, tx);
    if (!p) return fail("not_found", said("errors.action.partnershipMissing"));
    const other = p.inviterId === actorId ? p.inviteeId : p.inviterId;
    const me = await nameOf(tx, actorId);
    const set = (values: Partial<typeof partnerships.$inferInsert>) => tx.update(partnerships).set(values).where(eq(partnerships.id, id));
    if (change === "accept" || change === "decline") {
      if (p.status !== "invited" || p.inviteeId !== actorId) return fail("conflict", said("errors.refusals.partners.theresNoInviteWaiting"));
      if (change === "decline") {
        await set({ status: "declined", endedAt: now });
        return { ok: true as const, data: { status: "declined" } };
      }
      await set({ status: "active", acceptedAt: now, rhythmSince: now });
      await notify(tx, { userId: p.inviterId, type: "partner_accepted", title: say("notices", "partner.accepted.title", { name: me }), body: say("notices", "partner.accepted.body", { rhythm: rhythmIn(p.rhythm, p.weeklyDay) }), href: HREF });
      await recordMilestones(actorId, { now, executor: tx });
      await recordMilestones(p.inviterId, { now, executor: tx });
      return { ok: true as const, data: { status: "active" } };
    }
    if (change === "pause") {
      if (p.status !== "active") return fail("conflict", said("errors.refusals.partners.onlyActivePartnershipPaused"));
      await set({ status: "paused" });
      if (other) await notify(tx, { userId: other, type: "partner_paused", title: say("notices", "partner.paused.title", { name: me }), body: say("notices", "partner.paused.body"), href: HREF });
      return { ok: true as const, data: { status: "paused" } };
    }
    if (change === "resume") {
      if (p.status !== "paused") return fail("conflict", said("errors.refusals.partners.onlyPausedPartnershipPicked"));
      await set({ status: "active", rhythmSince: now });
      if (other) await notify(tx, { userId: other, type: "partner_resumed", title: say("notices", "partner.resumed.title", { name: me }), body: say("notices", "partner.resumed.body", { rhythm: rhythmIn(p.rhythm, p.weeklyDay) }), href: HREF });
      return { ok: true as const, data: { status: "active" } };
    }
    if (p.status === "ended" || p.status === "declined") return fail("conflict", said("errors.refusals.partners.partnershipHasAlreadyEnded"));
    await set({ status: "ended", endedAt: now, inviteCodeHash: null });
    if (other && p.status !== "invited") {
      await notify(tx, { userId: other, type: "partner_ended", title: say("notices", "partner.ended.title", { name: me }), body: say("notices", "partner.ended.body"), href: HREF });
    }
    return { ok: true as const, data: { status: "ended" } };
  });
}

/** Changes the pair's rhythm (either of them); the other is told. Missed periods count from now. */
export async function changeRhythm(actorId: string, id: string, rhythm: Rhythm, weeklyDay: number, now = new Date()): Promise<ActionResult<{ rhythm: Rhythm; weeklyDay: number }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await getPartnershipOfMember(id, actorId, tx);
    if (!p) return fail("not_found", said("errors.action.partnershipMissing"));
    if (p.status === "ended" || p.status === "declined") return fail("conflict", said("errors.refusals.partners.partnershipHasEnded"));
    await tx.update(partnerships).set({ rhythm, weeklyDay, rhythmSince: p.status === "invited" ? p.rhythmSince : now }).where(eq(partnerships.id, id));
    const other = p.inviterId === actorId ? p.inviteeId : p.inviterId;
    if (other && p.status !== "invited") {
      await notify(tx, { userId: other, type: "partner_rhythm", title: say("notices", "partner.rhythm.title", { name: await nameOf(tx, actorId) }), body: say("notices", "partner.rhythm.body", { rhythm: rhythmIn(rhythm, weeklyDay) }), href: HREF });
    }
    return { ok: true as const, data: { rhythm, weeklyDay } };
  });
}

/** A check-in from one of an active pair; the other is told. Only the two of them ever see it. */
export async function addCheckIn(actorId: string, id: string, input: { note: string; mood: number; energy: "low" | "medium" | "high" }, now = new Date()): Promise<ActionResult<{ id: string }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await getPartnershipOfMember(id, actorId, tx);
    if (!p || !p.inviteeId) return fail("not_found", said("errors.action.partnershipMissing"));
    if (p.status !== "active") return fail("closed", p.status === "paused" ? said("errors.refusals.partners.checkInsPausedPick") : said("errors.refusals.partners.checkInsActivePartnership"));
    const [row] = await tx.insert(checkIns).values({ partnershipId: id, authorId: actorId, ...input, createdAt: now }).returning({ id: checkIns.id });
    const other = p.inviterId === actorId ? p.inviteeId : p.inviterId;
    await notify(tx, { userId: other, type: "partner_check_in", title: say("notices", "partner.checkIn.title", { name: await nameOf(tx, actorId) }), body: say("notices", "partner.checkIn.body"), href: `${HREF}/${id}` });
    await recordMilestones(actorId, { now, executor: tx });
    return { ok: true as const, data: { id: row.id } };
  });
}

/**
 * The missed-check-in nudge, for a clock the caller controls. For each active pair, looks
 * at the period that ended last: when neither wrote a check-in in it, both get one gentle
 * nudge and nobody else is told. The nudge row's primary key (pair, period) makes it
 * exactly once however often and on however many app instances this runs; a long silence
 * still gets one nudge, for the last period only. Returns how many pairs were nudged.
 */
export async function sendMissedCheckInNudges(now = new Date(), options: { onlyMemberId?: string } = {}): Promise<number> {
  const db = await getDb();
  let nudged = 0;
  for (const p of await listActivePartnerships(db)) {
    if (!p.inviteeId) continue;
    if (options.onlyMemberId && p.inviterId !== options.onlyMemberId && p.inviteeId !== options.onlyMemberId) continue;
    const period = lastCompletedPeriod(p.rhythm, p.weeklyDay, p.timezone, now);
    // A period that began before the pair agreed (or resumed, or changed) their rhythm was never theirs to miss.
    if (!p.rhythmSince || period.start < p.rhythmSince) continue;
    const sent = await db.transaction(async (tx) => {
      const [current] = await tx.select({ status: partnerships.status }).from(partnerships).where(eq(partnerships.id, p.id)).for("update");
      if (current?.status !== "active") return false;
      if (await hasCheckInBetween(tx, p.id, period.start, period.end)) return false;
      const inserted = await tx.insert(partnerNudges).values({ partnershipId: p.id, periodStart: period.key }).onConflictDoNothing().returning({ key: partnerNudges.periodStart });
      if (inserted.length === 0) return false;
      const [a, b] = [await nameOf(tx, p.inviterId), await nameOf(tx, p.inviteeId!)];
      const span = p.rhythm === "daily_message" ? "daily" : "weekly";
      await notify(tx, { userId: p.inviterId, type: "partner_nudge", title: say("notices", "partner.nudge.title", { name: b, span }), body: say("notices", "partner.nudge.body"), href: `${HREF}/${p.id}` });
      await notify(tx, { userId: p.inviteeId!, type: "partner_nudge", title: say("notices", "partner.nudge.title", { name: a, span }), body: say("notices", "partner.nudge.body"), href: `${HREF}/${p.id}` });
      return true;
    });
    if (sent) nudged += 1;
  }
  return nudged;
}
