import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, gt, inArray, notInArray, sql } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import { authorize, type Actor } from "@/lib/authz";
import { inviteCodeMatches, newInviteCode } from "@/lib/invite-codes";
import { GROUP_NOT_FOUND, ONLY_OWNER_MAKES_PRIVATE, slugify, STAYS_PRIVATE, type GroupInput, type MemberChange } from "@/lib/validation/group";
import { getDb, type Db } from "../client";
import { activities, groupDepartures, groups, memberships, rsvps, series, standingPlaces, type Group, type Membership } from "../schema";
import { forgetKnownPlaces } from "../queries/places";
import { say } from "@/lib/i18n/words";
import { notifyMany } from "./notifications";
import { releaseGuestsOfGroup } from "./guest-rsvps";
import { cancelRsvp } from "./rsvps";
import { say as said } from "@/lib/i18n/said";

/*
 * Group writes. Each function is the whole of one change: it reads the actor's
 * membership inside its transaction and refuses before touching anything.
 */

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The membership row for (group, user) read inside `tx`, locked when the change depends on it. */
export async function membershipIn(tx: Tx | Db, groupId: string, userId: string | undefined, lock = false): Promise<Membership | undefined> {
  if (!userId) return undefined;
  const q = tx.select().from(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId))).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/**
 * Someone who no longer belongs (removed, banned, or gone from a private group) gives up
 * their standing places and their places on the group's upcoming activities, through the
 * RSVP mutation so each freed place goes to the first person waiting.
 */
async function withdrawFromGroup(tx: Tx, groupId: string, userId: string): Promise<void> {
  await tx
    .delete(standingPlaces)
    .where(and(eq(standingPlaces.userId, userId), inArray(standingPlaces.seriesId, tx.select({ id: series.id }).from(series).where(eq(series.groupId, groupId)))));
  const upcoming = await tx
    .select({ activityId: rsvps.activityId })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .where(and(eq(rsvps.userId, userId), eq(activities.groupId, groupId), gt(activities.startsAt, new Date()), inArray(rsvps.status, ["going", "waitlisted", "maybe"])))
    .orderBy(asc(activities.startsAt));
  for (const { activityId } of upcoming) await cancelRsvp(tx, { activityId, userId });
}

/**
 * When a group becomes private, people outside it can no longer see its activities, so they
 * give up their places and standing places there (each freed place goes to the first member
 * waiting) and are told why, once each.
 */
async function withdrawOutsiders(tx: Tx, groupId: string, groupName: string): Promise<void> {
  const members = tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.status, "active")));
  const withPlaces = await tx
    .selectDistinct({ userId: rsvps.userId })
    .from(rsvps)
    .innerJoin(activities, eq(activities.id, rsvps.activityId))
    .where(and(eq(activities.groupId, groupId), gt(activities.startsAt, new Date()), inArray(rsvps.status, ["going", "waitlisted", "maybe"]), notInArray(rsvps.userId, members)));
  const holding = await tx
    .selectDistinct({ userId: standingPlaces.userId })
    .from(standingPlaces)
    .innerJoin(series, eq(series.id, standingPlaces.seriesId))
    .where(and(eq(series.groupId, groupId), notInArray(standingPlaces.userId, members)));
  const outsiders = [...new Set([...withPlaces, ...holding].map((r) => r.userId))];
  for (const userId of outsiders) await withdrawFromGroup(tx, groupId, userId);
  await notifyMany(tx, outsiders, {
    type: "group_made_private",
    title: say("notices", "group.private.title", { name: groupName }),
    body: say("notices", "group.private.body"),
  });
}

/**
 * Starts a group; its creator becomes the owner and has accepted its agreements.
 * A private group gets its secret invite code at once.
 */
export async function createGroup(actor: Actor, input: GroupInput): Promise<ActionResult<{ id: string; slug: string }>> {
  if (!actor) return fail("unauthenticated", said("errors.refusals.groups.signStartGroup"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    let slug = slugify(input.name);
    const [taken] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.slug, slug)).limit(1);
    if (taken) slug = `${slug}-${crypto.randomBytes(3).toString("hex")}`;
    const [group] = await tx
      .insert(groups)
      .values({ ...input, guestRsvps: input.guestRsvps === "on", neighbourhood: input.neighbourhood || null, slug, createdById: actor.id, inviteCode: input.visibility === "private" ? newInviteCode() : null })
      .returning({ id: groups.id, slug: groups.slug });
    await tx.insert(memberships).values({ groupId: group.id, userId: actor.id, role: "owner", status: "active", agreementsAcceptedAt: new Date() });
    return { ok: true as const, data: group };
  });
}

type Refusal = Extract<ActionResult<never>, { ok: false }>;

/**
 * Locks the group and checks the actor organizes it. A hidden group, or a private one the
 * actor is not in, is "not found", exactly as a group that does not exist.
 */
async function lockAsOrganizer(tx: Tx, actor: NonNullable<Actor>, groupId: string): Promise<{ ok: true; group: Group; role: "owner" | "organizer" } | Refusal> {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId)).limit(1).for("update");
  // Locked too, so a demotion landing at the same moment is either seen here or waits.
  const mine = await membershipIn(tx, groupId, actor.id, true);
  if (!group || group.hiddenAt || (group.visibility === "private" && mine?.status !== "active")) return fail("not_found", GROUP_NOT_FOUND()) as Refusal;
  const asOrganizer = authorize(actor, mine, "organizer");
  if (!asOrganizer.ok) return fail(asOrganizer.code, asOrganizer.message) as Refusal;
  return { ok: true, group, role: asOrganizer.role === "owner" ? "owner" : "organizer" };
}

export type GroupSettings = Pick<Group, "slug" | "name" | "about" | "agreements" | "visibility" | "joinPolicy" | "neighbourhood" | "guestRsvps">;

/**
 * Changes a group's settings: organizers and the owner of that group may change its name,
 * about, agreements, neighbourhood and join policy. The slug never changes, so links keep
 * working. Making a public group private is the owner's, and gives it an invite code at
 * once; a private group is never made public. Nothing else changes: new agreements remove
 * nobody, and pending requests stay for organizers when joining becomes open.
 */
export async function updateGroup(actor: Actor, groupId: string, input: GroupInput): Promise<ActionResult<GroupSettings>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const locked = await lockAsOrganizer(tx, actor, groupId);
    if (!locked.ok) return locked;
    const { group } = locked;
    if (group.visibility === "private" && input.visibility === "public") {
      return { ok: false as const, code: "conflict" as const, message: STAYS_PRIVATE(), fieldErrors: { visibility: STAYS_PRIVATE() } };
    }
    const becomesPrivate = group.visibility === "public" && input.visibility === "private";
    if (becomesPrivate && locked.role !== "owner") {
      return { ok: false as const, code: "forbidden" as const, message: ONLY_OWNER_MAKES_PRIVATE(), fieldErrors: { visibility: ONLY_OWNER_MAKES_PRIVATE() } };
    }
    const [updated] = await tx
      .update(groups)
      .set({
        name: input.name,
        about: input.about,
        agreements: input.agreements,
        joinPolicy: input.joinPolicy,
        neighbourhood: input.neighbourhood || null,
        visibility: input.visibility,
        guestRsvps: input.guestRsvps === "on",
        ...(becomesPrivate ? { inviteCode: newInviteCode() } : {}),
      })
      .where(eq(groups.id, groupId))
      .returning({ slug: groups.slug, name: groups.name, about: groups.about, agreements: groups.agreements, visibility: groups.visibility, joinPolicy: groups.joinPolicy, neighbourhood: groups.neighbourhood, guestRsvps: groups.guestRsvps });
    if (becomesPrivate) {
      await withdrawOutsiders(tx, groupId, updated.name);
      // A private group never has guests: their places go, and the waitlist moves on.
      await releaseGuestsOfGroup(tx, groupId);
    }
    return { ok: true as const, data: updated };
  });
  // A group made private takes its places out of the public neighbourhood list at once.
  if (result.ok) forgetKnownPlaces();
  return result;
}

/**
 * Joins a group having accepted its agreements (recorded with the time). Open groups
 * make an active member at once; approval groups a pending request. Banned members
 * cannot come back. A private group is reached only through its invite link, and
 * `invite` must be the code from it: without the right code the group is answered as
 * missing, so a guessed slug neither lets anyone in nor confirms the group exists.
 */
export async function joinGroup(actor: Actor, groupId: string, acceptedAgreements: boolean, invite?: string): Promise<ActionResult<{ status: "active" | "pending" }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInToJoin"));
  if (!acceptedAgreements) return fail("invalid_input", said("errors.refusals.groups.readAcceptGroupsAgreements"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [group] = await tx.select().from(groups).where(eq(groups.id, groupId)).limit(1);
    const existing = await membershipIn(tx, groupId, actor.id, true);
    if (!group || group.hiddenAt) return fail("not_found", GROUP_NOT_FOUND());
    const belongs = existing?.status === "active" || existing?.status === "pending";
    if (group.visibility === "private" && !belongs && !inviteCodeMatches(group.inviteCode, invite)) return fail("not_found", GROUP_NOT_FOUND());
    if (existing?.status === "banned") return fail("forbidden", said("errors.refusals.groups.cantJoinGroup"));
    if (existing) return { ok: true as const, data: { status: existing.status as "active" | "pending" } };
    const status = group.joinPolicy === "approval" ? "pending" : "active";
    await tx.insert(memberships).values({ groupId, userId: actor.id, role: "member", status, agreementsAcceptedAt: new Date() });
    return { ok: true as const, data: { status } };
  });
}

/** Leaves a group (or withdraws a pending request). The last owner cannot leave. */
export async function leaveGroup(actor: Actor, groupId: string): Promise<ActionResult> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const mine = await membershipIn(tx, groupId, actor.id, true);
    if (!mine || mine.status === "banned") return fail("not_found", said("errors.action.notAMember"));
    if (mine.role === "owner") {
      const [{ owners }] = await tx
        .select({ owners: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.groupId, groupId), eq(memberships.role, "owner"), eq(memberships.status, "active")));
      if (owners <= 1) return fail("conflict", said("errors.refusals.groups.groupNeedsItsOwner"));
    }
    await tx.delete(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, actor.id)));
    // Remembered only for the member's own suggestions, which never lean back towards a group they left.
    await tx
      .insert(groupDepartures)
      .values({ userId: actor.id, groupId })
      .onConflictDoUpdate({ target: [groupDepartures.userId, groupDepartures.groupId], set: { leftAt: new Date() } });
    const [group] = await tx.select({ visibility: groups.visibility }).from(groups).where(eq(groups.id, groupId));
    if (group?.visibility === "private") await withdrawFromGroup(tx, groupId, actor.id);
    return { ok: true as const, data: undefined };
  });
}

/**
 * Replaces a private group's invite code, so links shared before stop letting people in.
 * Organizers of that group only; to anyone outside a private group it does not exist.
 */
export async function renewInviteCode(actor: Actor, groupId: string): Promise<ActionResult<{ inviteCode: string }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockAsOrganizer(tx, actor, groupId);
    if (!locked.ok) return locked;
    if (locked.group.visibility !== "private") return fail("conflict", said("errors.refusals.groups.publicGroupsJoinLink"));
    const inviteCode = newInviteCode();
    await tx.update(groups).set({ inviteCode }).where(eq(groups.id, groupId));
    return { ok: true as const, data: { inviteCode } };
  });
}

/**
 * Removes a member from a group, or bans them, inside `tx`; the caller has already decided
 * the actor may. A ban keeps (or makes) a membership row marked banned, so the person cannot
 * simply join again, even one who only ever commented on a public group. Either way their
 * places on the group's upcoming activities go to the people waiting.
 */
export async function removeOrBanIn(tx: Tx, groupId: string, userId: string, change: "remove" | "ban", reason?: string): Promise<void> {
  const where = and(eq(memberships.groupId, groupId), eq(memberships.userId, userId));
  if (change === "remove") {
    await tx.delete(memberships).where(where);
  } else {
    await tx
      .insert(memberships)
      .values({ groupId, userId, role: "member", status: "banned", banReason: reason?.trim() || null })
      .onConflictDoUpdate({ target: [memberships.groupId, memberships.userId], set: { status: "banned", role: "member", banReason: reason?.trim() || null } });
  }
  await withdrawFromGroup(tx, groupId, userId);
}

/**
 * One change to another member: approve or decline a join request, promote to organizer,
 * demote to member, remove, or ban. Organizers handle requests and remove or ban plain
 * members; promoting, demoting, removing or banning organizers, and lifting a ban
 * (removing a banned member, who could then join again) is the owner's.
 * Owners themselves cannot be changed here.
 */
export async function changeMember(actor: Actor, groupId: string, userId: string, change: MemberChange, reason?: string): Promise<ActionResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [group] = await tx.select({ id: groups.id, name: groups.name, slug: groups.slug, visibility: groups.visibility }).from(groups).where(eq(groups.id, groupId)).limit(1);
    if (!group) return fail("not_found", GROUP_NOT_FOUND());
    const mine = await membershipIn(tx, groupId, actor?.id);
    // A private group does not exist for outsiders, not even as "forbidden".
    if (actor && group.visibility === "private" && mine?.status !== "active") return fail("not_found", GROUP_NOT_FOUND());
    const asOrganizer = authorize(actor, mine, "organizer");
    if (!asOrganizer.ok) return fail(asOrganizer.code, asOrganizer.message);
    const target = await membershipIn(tx, groupId, userId, true);
    if (!target || userId === asOrganizer.actorId) return fail("not_found", said("errors.refusals.groups.memberIsntGroup"));
    if (target.role === "owner") return fail("forbidden", said("errors.refusals.groups.ownersRoleCantChanged"));
    const needsOwner = change === "promote" || change === "demote" || target.role === "organizer" || target.status === "banned";
    if (needsOwner && asOrganizer.role !== "owner") return fail("forbidden", said("errors.refusals.groups.onlyOwnerGroupDo"));
    const where = and(eq(memberships.groupId, groupId), eq(memberships.userId, userId));
    switch (change) {
      case "approve":
        if (target.status !== "pending") return fail("conflict", said("errors.refusals.groups.thereNoRequestApprove"));
        await tx.update(memberships).set({ status: "active" }).where(where);
        await notifyMany(tx, [userId], { type: "membership_approved", title: say("notices", "group.approved.title", { name: group.name }), body: say("notices", "group.approved.body"), href: `/groups/${group.slug}` });
        break;
      case "decline":
        if (target.status !== "pending") return fail("conflict", said("errors.refusals.groups.thereNoRequestDecline"));
        await tx.delete(memberships).where(where);
        break;
      case "promote":
      case "demote":
        if (target.status !== "active") return fail("conflict", said("errors.refusals.groups.onlyActiveMembersChange"));
        await tx.update(memberships).set({ role: change === "promote" ? "organizer" : "member" }).where(where);
        break;
      case "remove":
      case "ban":
        await removeOrBanIn(tx, groupId, userId, change, reason);
        break;
    }
    return { ok: true as const, data: undefined };
  });
}
