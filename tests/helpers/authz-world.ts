import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/mutations/api-tokens";
import { blockMember } from "@/db/mutations/blocks";
import { createCalendarFeed } from "@/db/mutations/calendar-feeds";
import { createInviteLink } from "@/db/mutations/partners";
import { activities, activitySlots, slotSignups, checkIns, comments, connectionPlans, emailLinks, emailOutbox, guestRsvps, memberships, notifications, partnerships, passwordResetTokens, pushSubscriptions, questionMessages, questions, reflections, rsvpLinks, rsvps, series, standingPlaces, taskClaims, tasks, users, walkIns } from "@/db/schema";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { guestLinkToken } from "@/lib/guest-links";
import { hashPassword } from "@/lib/passwords";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./factories";

/*
 * One small town for authorization tests: a group with every kind of person in it, another
 * group with its own people, and one of everything a member can own. Every person has the
 * password PASSWORD. Built fresh per case by tests that change it; shared by refusals, which
 * must leave it exactly as it was.
 */

export const ROLES = [
  "visitor",
  "signed-in",
  "pending",
  "banned",
  "other group's member",
  "other group's organizer",
  "member",
  "organizer",
  "owner",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD = "a long enough password";
let passwordHash: Promise<string> | undefined;

const unique = () => crypto.randomBytes(5).toString("hex");

export async function buildWorld(visibility: "public" | "private" = "private") {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const person = (over: Parameters<typeof makeUser>[0] = {}) => makeUser({ passwordHash: hash, ...over });
  const [owner, organizer, member, pending, banned, signedIn, otherMember, otherOrganizer, admin, target, targetOrganizer, claimant] = await Promise.all([
    person(),
    person(),
    person(),
    person(),
    person(),
    person(),
    person(),
    person(),
    person({ role: "admin" }),
    person(),
    person(),
    person(),
  ]);
  const group = await makeGroup({ visibility, inviteCode: visibility === "private" ? `code-${unique()}${unique()}` : null });
  const other = await makeGroup();
  for (const [u, role] of [[owner, "owner"], [organizer, "organizer"], [member, "member"], [target, "member"], [targetOrganizer, "organizer"], [claimant, "member"]] as const) {
    await addMember(group.id, u.id, role);
  }
  await addMember(other.id, otherMember.id);
  await addMember(other.id, otherOrganizer.id, "organizer");
  const db = await getDb();
  await db.insert(memberships).values([
    { groupId: group.id, userId: pending.id, status: "pending", agreementsAcceptedAt: new Date() },
    { groupId: group.id, userId: banned.id, status: "banned", agreementsAcceptedAt: new Date() },
  ]);

  // An upcoming activity: the group's people are going; the target would rather not arrive
  // alone and the claimant offers to greet.
  const activity = await makeActivity(group.id, { capacity: 10, placeName: "Library steps" });
  await db.insert(rsvps).values([
    { activityId: activity.id, userId: member.id, status: "going" },
    { activityId: activity.id, userId: organizer.id, status: "going" },
    { activityId: activity.id, userId: owner.id, status: "going" },
    { activityId: activity.id, userId: target.id, status: "going", goTogether: true },
    { activityId: activity.id, userId: claimant.id, status: "going", offersToGreet: true },
  ]);
  // A past one the member and the target went to (the member is marked as attended).
  const past = await makeActivity(group.id, { startsInHours: -72, placeName: "The old mill" });
  await db.insert(rsvps).values([
    { activityId: past.id, userId: member.id, status: "going", attendance: "attended", attendanceMarkedAt: new Date() },
    { activityId: past.id, userId: target.id, status: "going", attendance: "attended", attendanceMarkedAt: new Date() },
    { activityId: past.id, userId: claimant.id, status: "going" },
  ]);
  // The target chose to be listed, so members who met them can invite them to check in.
  await db.update(users).set({ listedAsGoing: true }).where(eq(users.id, target.id));
  await db.insert(reflections).values({ activityId: past.id, userId: member.id, feeling: "lifted", note: "A private thought" });
  // Someone without an account who walked in, recorded by first name.
  const [walkIn] = await db.insert(walkIns).values({ activityId: past.id, firstName: "Wren", recordedById: organizer.id }).returning();

  // A weekly series (two occurrences written directly, as the seed does) on which the
  // member holds a standing place and so has a place on both.
  const [weekly] = await db
    .insert(series)
    .values({ groupId: group.id, frequency: "weekly", rrule: "FREQ=WEEKLY", timezone: "Europe/London", localStartTime: "10:00", durationMinutes: 120, generatedUntil: new Date(Date.now() + 15 * 86400_000) })
    .returning();
  const seriesId = weekly.id;
  const firstOccurrence = await makeActivity(group.id, { seriesId, startsInHours: 48, capacity: 10, placeName: "The park gate" });
  const secondOccurrence = await makeActivity(group.id, { seriesId, startsInHours: 48 + 168, capacity: 10, placeName: "The park gate" });
  await db.insert(standingPlaces).values({ seriesId, userId: member.id });
  await db.insert(rsvps).values([firstOccurrence, secondOccurrence].map((o) => ({ activityId: o.id, userId: member.id, status: "going" as const, fromStandingPlace: true })));

  // A volunteer day in two time slots: the member, the organizer and the owner hold the first
  // (and so are going); the second has room.
  // On whole minutes, as the activity form writes times: slots are typed to the minute.
  const slotStart = new Date(Math.ceil((Date.now() + 72 * 3600_000) / 60_000) * 60_000);
  const slotted = await makeActivity(group.id, { startsAt: slotStart, endsAt: new Date(slotStart.getTime() + 2 * 3600_000), kind: "volunteer", placeName: "Food bank" });
  const [heldSlot, openSlot] = await db
    .insert(activitySlots)
    .values([
      { activityId: slotted.id, startsAt: slotted.startsAt, endsAt: new Date(slotted.startsAt.getTime() + 3600_000), capacity: 5, goingCount: 3 },
      { activityId: slotted.id, startsAt: new Date(slotted.startsAt.getTime() + 3600_000), endsAt: slotted.endsAt, capacity: 5 },
    ])
    .returning();
  await db.update(activities).set({ slotCount: 2 }).where(eq(activities.id, slotted.id));
  await db.insert(slotSignups).values([member, organizer, owner].map((u) => ({ slotId: heldSlot.id, activityId: slotted.id, userId: u.id, status: "going" as const })));
  await db.insert(rsvps).values([member, organizer, owner].map((u) => ({ activityId: slotted.id, userId: u.id, status: "going" as const })));

  // The counts the RSVP code keeps beside the rows, as if the places had been taken through it.
  await db.execute(sql`update activities a set going_count = (select count(*) from rsvps r where r.activity_id = a.id and r.status = 'going') where a.group_id = ${group.id}`);

  // A project with two tasks: the claimant has done their part of one, the member holds a place on the other.
  const project = await makeProject(group.id);
  const task = await makeTask(project.id, { placesNeeded: 6 });
  const memberTask = await makeTask(project.id, { placesNeeded: 3 });
  await db.insert(taskClaims).values([
    { taskId: task.id, userId: claimant.id, status: "done", doneAt: new Date() },
    { taskId: memberTask.id, userId: member.id, status: "claimed" },
  ]);
  await db.update(tasks).set({ claimedCount: sql`${tasks.claimedCount} + 1` }).where(eq(tasks.id, task.id));
  await db.update(tasks).set({ claimedCount: sql`${tasks.claimedCount} + 1` }).where(eq(tasks.id, memberTask.id));
  const [comment] = await db.insert(comments).values({ projectId: project.id, authorId: member.id, body: "I'll bring gloves." }).returning();
  const [activityComment] = await db.insert(comments).values({ activityId: activity.id, authorId: member.id, body: "See you at the steps." }).returning();
  // The member's private question to the group's organizers.
  const [question] = await db.insert(questions).values({ groupId: group.id, activityId: activity.id, askerId: member.id, subject: activity.title }).returning();
  await db.insert(questionMessages).values({ questionId: question.id, authorId: member.id, fromOrganizers: false, body: "Is it OK if I come on my own?" });

  // Reports: one open about the member's comment; one already decided "hide", to show again.
  const [hiddenComment] = await db.insert(comments).values({ projectId: project.id, authorId: claimant.id, body: "Hidden words", removedAt: new Date() }).returning();
  const { reports } = await import("@/db/schema");
  const [hiddenReport] = await db
    .insert(reports)
    .values({ reporterId: target.id, targetType: "comment", targetId: hiddenComment.id, groupId: group.id, reason: "spam", status: "actioned", outcome: "hide", decisionNote: "Off topic", resolvedById: organizer.id, resolvedAt: new Date() })
    .returning();
  const [openReport] = await db.insert(reports).values({ reporterId: target.id, targetType: "comment", targetId: comment.id, groupId: group.id, reason: "spam" }).returning();

  // The member's private things: a check-in partnership with the claimant, a plan, a block,
  // a notification, an API token and a calendar feed.
  const [partnership] = await db
    .insert(partnerships)
    .values({ inviterId: member.id, inviteeId: claimant.id, status: "active", acceptedAt: new Date(), rhythmSince: new Date() })
    .returning();
  await db.insert(checkIns).values({ partnershipId: partnership.id, authorId: member.id, note: "Tired but glad", mood: 3, energy: "low" });
  await db.insert(connectionPlans).values({ userId: member.id, weeklyTotalGoal: 3, interests: ["herons"] });
  await blockMember(member.id, otherMember.id);
  const [notification] = await db.insert(notifications).values({ userId: member.id, type: "message", title: "A note for the member" }).returning();
  const token = await createApiToken(member.id, "script");
  const feed = await createCalendarFeed(member.id, null);
  if (!feed.ok) throw new Error(feed.message);
  const [pushDevice] = await db
    .insert(pushSubscriptions)
    .values({ userId: member.id, endpoint: `https://127.0.0.1:9/push/${unique()}`, p256dh: "B".repeat(87), auth: "A".repeat(22) })
    .returning({ id: pushSubscriptions.id });
  const [feedRow] = await db.select().from((await import("@/db/schema")).calendarFeeds).where(eq((await import("@/db/schema")).calendarFeeds.userId, member.id));
  // The target's invite link, waiting for someone to accept it.
  const invite = await createInviteLink(target.id, "weekly_meeting", 1);
  // A failed email, for the admin's "send again".
  const [failedEmail] = await db
    .insert(emailOutbox)
    .values({ userId: member.id, toAddress: member.email, type: "message", subject: "Hello", bodyText: "Hello", dedupeKey: `failed:${unique()}`, status: "failed", attempts: 5, lastError: "550" })
    .returning();
  // A password reset link for the member, and an unsubscribe link from one of their emails.
  const resetToken = crypto.randomBytes(32).toString("base64url");
  await db.insert(passwordResetTokens).values({ tokenHash: crypto.createHash("sha256").update(resetToken).digest("hex"), userId: member.id, expiresAt: new Date(Date.now() + 3600_000) });
  const unsubscribe = unsubscribeToken(member.id, "reminder");
  // On a public group's activity, two guests (no account): one holding a place until they
  // confirm it by their emailed link, one confirmed, with their private manage link.
  const guests = visibility === "public" ? await guestsOn(activity.id) : null;
  // A sign-in link for the member; and someone who has just signed up, with a confirmation link
  // that still works and one that has expired.
  const link = async (userId: string, email: string, purpose: "verify" | "sign_in", expiresInMs: number) => {
    const token = crypto.randomBytes(32).toString("base64url");
    await db.insert(emailLinks).values({ tokenHash: crypto.createHash("sha256").update(token).digest("hex"), userId, purpose, email, expiresAt: new Date(Date.now() + expiresInMs) });
    return token;
  };
  const signInLink = await link(member.id, member.email, "sign_in", 15 * 60_000);
  const newcomer = await person({ emailVerifiedAt: null });
  const confirmLink = await link(newcomer.id, newcomer.email, "verify", 3600_000);
  const expiredConfirmLink = await link(newcomer.id, newcomer.email, "verify", -60_000);
  // The member's "Yes, I'm coming" link from the day-before reminder.
  const stillComing = crypto.randomBytes(32).toString("base64url");
  await db.insert(rsvpLinks).values({ tokenHash: crypto.createHash("sha256").update(stillComing).digest("hex"), activityId: activity.id, userId: member.id, purpose: "coming", expiresAt: activity.startsAt });

  const actors: Record<Role, { id: string; email: string } | null> = {
    visitor: null,
    "signed-in": signedIn,
    pending,
    banned,
    "other group's member": otherMember,
    "other group's organizer": otherOrganizer,
    member,
    organizer,
    owner,
    admin,
  };
  return {
    visibility,
    group,
    other,
    activity,
    past,
    slotted: { activity: slotted, heldSlotId: heldSlot.id, openSlotId: openSlot.id },
    walkIn,
    seriesId,
    occurrenceId: firstOccurrence.id,
    project,
    task,
    memberTask,
    comment,
    question,
    activityComment,
    openReport,
    hiddenReport,
    partnership,
    notification,
    token,
    feedId: feedRow.id,
    pushDeviceId: pushDevice.id,
    invite,
    failedEmail,
    resetToken,
    unsubscribe,
    guests,
    signInLink,
    confirmLink,
    expiredConfirmLink,
    stillComing,
    actors,
    member,
    target,
    targetOrganizer,
    claimant,
    users: { owner, organizer, member, pending, banned, signedIn, otherMember, otherOrganizer, admin, target, targetOrganizer, claimant },
  };
}

async function guestsOn(activityId: string) {
  const db = await getDb();
  const [held, confirmed] = await db
    .insert(guestRsvps)
    .values([
      { activityId, email: `held-${unique()}@guest.example`, firstName: "Held", status: "going", holdExpiresAt: new Date(Date.now() + 30 * 60_000) },
      { activityId, email: `kept-${unique()}@guest.example`, firstName: "Kept", status: "going", confirmedAt: new Date() },
    ])
    .returning();
  await db.update(activities).set({ goingCount: sql`${activities.goingCount} + 2` }).where(eq(activities.id, activityId));
  return { confirm: guestLinkToken("confirm", held.id, held.tokenNonce), manage: guestLinkToken("manage", confirmed.id, confirmed.tokenNonce) };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Tables that record bookkeeping rather than anything a person did: counters and job clocks. */
const BOOKKEEPING = new Set(["rate_limits", "scheduled_jobs"]);
let tableNames: string[] | undefined;

/**
 * A fingerprint of every application table (the number of rows and a sum of a hash of each
 * row's full text), so a refusal can
 * be shown to have changed nothing anywhere. Returns one hash per table, so a failure names
 * the table that changed.
 */
export async function fingerprint(): Promise<Record<string, string>> {
  const db = await getDb();
  if (!tableNames) {
    const rows = await db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
    tableNames = (rows as unknown as { rows?: { table_name: string }[] }).rows?.map((r) => r.table_name) ?? (rows as unknown as { table_name: string }[]).map((r) => r.table_name);
    tableNames = tableNames.filter((t) => !BOOKKEEPING.has(t));
  }
  const query = tableNames.map((t) => `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 7)), 0)::text as h from "${t}" x`).join(" union all ");
  const result = await db.execute<{ t: string; h: string }>(sql.raw(query));
  const rows = (result as unknown as { rows?: { t: string; h: string }[] }).rows ?? (result as unknown as { t: string; h: string }[]);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

export { users };
