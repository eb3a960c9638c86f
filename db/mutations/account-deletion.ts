import "server-only";
import { and, eq, inArray, ne, or, sql, type AnyColumn } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { listOwnedGroups, type OwnedGroup } from "../queries/account-deletion";
import { emailOutbox, notifications, partnerships, pushDeliveries, rateLimits, reports, users } from "../schema";
import { LOCALES } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/words";
import { notifyMany } from "./notifications";
import { forgetRsvpsOfLeavingMember } from "./rsvps";
import { releaseClaimsOfLeavingMember } from "./task-claims";
import { sweepUploadFiles } from "./uploads";

/*
 * "Delete my account". Everything that names the member goes, in one transaction; what
 * others need to keep (how many came, hours given, the activities and groups they started)
 * stays as numbers or rows with no one named. `DELETION_RULES` says, for every column in
 * the schema that refers to a member, what happens to it; tests/account-deletion.test.ts
 * reads the schema and fails when a member column is missing here or when the database's
 * own ON DELETE rule disagrees with what is written here.
 */

export interface DeletionRule {
  /** "deleted": rows naming the member go. "emptied": the row stays, the column is cleared. */
  how: "deleted" | "emptied";
  /** "cascade" and "set null" are the foreign key's ON DELETE; "step" is done by deleteAccount itself first. */
  by: "cascade" | "set null" | "step";
  why: string;
}

const mine = (why: string): DeletionRule => ({ how: "deleted", by: "cascade", why });
const kept = (why: string): DeletionRule => ({ how: "emptied", by: "set null", why });

export const DELETION_RULES: Record<string, Record<string, DeletionRule>> = {
  users: { id: { how: "deleted", by: "step", why: "the account: name, email, password hash, profile, privacy choices" } },
  groups: { createdById: kept("a group belongs to its members; it stays, without its starter's name") },
  memberships: { userId: mine("their place in each group (owners must hand over first)") },
  groupDepartures: { userId: mine("groups they left") },
  projects: { createdById: kept("a project belongs to its group") },
  activities: {
    createdById: kept("an activity belongs to its group and the people going"),
    hostId: kept("an activity they hosted stays, naming no host"),
  },
  uploads: {
    userId: mine("their photo (its files are deleted too)"),
    uploadedById: kept("a cover they put on a group's activity, project or page belongs to the group and stays, without their name"),
  },
  questions: { askerId: mine("questions they asked organizers, with the whole thread") },
  questionMessages: { authorId: kept("a reply they wrote as an organizer stays in the member's thread, without their name") },
  rsvps: {
    userId: { how: "deleted", by: "step", why: "their RSVPs, through the RSVP rules: freed places go to the waitlist; attendance stays only as a count" },
    greeterId: kept("a first-timer they were to greet goes back to needing a greeter"),
  },
  standingPlaces: { userId: mine("standing places (their upcoming places were given up with their RSVPs)") },
  slotSignups: { userId: { how: "deleted", by: "step", why: "their time slots, through the slot rules: each freed place goes to the next in that slot's line" } },
  taskClaims: {
    userId: { how: "deleted", by: "step", why: "their task places: open ones are freed; verified hours stay on the task as a number" },
    assignedById: kept("another member's place, which stays"),
    verifiedById: kept("another member's verified hours, which stay"),
  },
  comments: {
    authorId: mine("what they wrote is theirs, so their comments are removed from discussions"),
    removedById: kept("another member's comment they removed as an organizer stays removed"),
  },
  notifications: { userId: mine("their notifications (others' notices that named them say 'a former member')") },
  emailPreferences: { userId: mine("their email choices") },
  emailOutbox: { userId: { how: "deleted", by: "step", why: "every email to their address, sent or waiting" } },
  activityReminders: { userId: mine("the record of reminders sent to them") },
  partnerships: {
    inviterId: { how: "deleted", by: "step", why: "their check-in partnerships; each partner is told one ended, not why" },
    inviteeId: { how: "deleted", by: "step", why: "their check-in partnerships; each partner is told one ended, not why" },
  },
  checkIns: { authorId: mine("their check-ins") },
  connectionPlans: { userId: mine("their connection plan") },
  reflections: { userId: mine("their reflections") },
  milestones: { userId: mine("their milestones") },
  reports: {
    reporterId: mine("reports they made"),
    resolvedById: kept("a report they decided as a moderator stays decided"),
    restoredById: kept("something they showed again as a moderator stays shown"),
  },
  blocks: { blockerId: mine("blocks they made"), blockedId: mine("blocks others made of them: there is no one left to block") },
  apiTokens: { userId: mine("their API tokens") },
  walkIns: { recordedById: kept("a walk-in they recorded as an organizer stays in the activity's attendance, without their name") },
  calendarFeeds: { userId: mine("their calendar links") },
  passwordResetTokens: { userId: mine("their password reset links") },
  emailLinks: { userId: mine("their confirmation and sign-in links") },
  rsvpLinks: { userId: mine("the still-coming links in their reminders") },
  signInIdentities: { userId: mine("the single sign-on accounts linked to theirs") },
  pushSubscriptions: { userId: mine("their devices' push notifications, with anything still waiting to be sent to them") },
};

export type DeleteAccountResult = { ok: true } | { ok: false; code: "not_found" } | { ok: false; code: "owns_groups"; groups: OwnedGroup[] };

const FORMER_MEMBER = "A former member";

/** The name as a whole word in a PostgreSQL regular expression. */
const wordPattern = (name: string) => `\\m${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\M`;

/**
 * Other members' notices and emails that named them now say "A former member"; a notice
 * quoting a comment of theirs goes with the comment.
 */
async function unnameInOthersMessages(tx: Db, user: { id: string; name: string }): Promise<void> {
  const pattern = wordPattern(user.name);
  // The notice was written in its reader's language: "<name> wrote:" in any of them.
  const wrote = LOCALES.map((locale) => say("notices", "comment.wrote", { name: user.name, excerpt: "" })(locale).trimEnd());
  await tx.delete(notifications).where(and(eq(notifications.type, "new_comment"), or(...wrote.map((prefix) => sql`starts_with(${notifications.body}, ${prefix})`))));
  const named = (column: AnyColumn) => sql`${column} ~ ${pattern}`;
  const replace = (column: AnyColumn) => sql`regexp_replace(${column}, ${pattern}, ${FORMER_MEMBER}, 'g')`;
  await tx
    .update(notifications)
    .set({ title: replace(notifications.title), body: replace(notifications.body) })
    .where(and(ne(notifications.userId, user.id), or(named(notifications.title), named(notifications.body))));
  await tx
    .update(emailOutbox)
    .set({ subject: replace(emailOutbox.subject), bodyText: replace(emailOutbox.bodyText), bodyHtml: replace(emailOutbox.bodyHtml) })
    .where(or(named(emailOutbox.subject), named(emailOutbox.bodyText), named(emailOutbox.bodyHtml)));
  await tx
    .update(pushDeliveries)
    .set({ title: replace(pushDeliveries.title), body: replace(pushDeliveries.body) })
    .where(and(eq(pushDeliveries.status, "pending"), or(named(pushDeliveries.title), named(pushDeliveries.body))));
}

/** Each partner still in touch hears that a partnership ended, without a name or a reason. */
async function endPartnerships(tx: Db, userId: string): Promise<void> {
  const open = await tx
    .select({ inviterId: partnerships.inviterId, inviteeId: partnerships.inviteeId })
    .from(partnerships)
    .where(and(inArray(partnerships.status, ["active", "paused"]), or(eq(partnerships.inviterId, userId), eq(partnerships.inviteeId, userId))));
  const partners = [...new Set(open.map((p) => (p.inviterId === userId ? p.inviteeId : p.inviterId)).filter((id): id is string => Boolean(id)))];
  await notifyMany(tx, partners, {
    type: "partner_ended",
    title: say("notices", "partner.left.title"),
    body: say("notices", "partner.left.body"),
    href: "/me/partners",
  });
  await tx.delete(partnerships).where(or(eq(partnerships.inviterId, userId), eq(partnerships.inviteeId, userId)));
}

/**
 * Deletes a member's account (the caller has checked their password). Refused while they own
 * a group: ownership is handed over first. In one transaction: their RSVPs go through the
 * RSVP rules (freed places promote the waitlist), their task places through the task-claim
 * rules, partners are told, emails to them and other notices naming them are cleared, and
 * then the account row goes, taking every remaining row that names them with it (see
 * DELETION_RULES). Every session ends with it, since a session is checked against that row.
 */
export async function deleteAccount(userId: string, now = new Date()): Promise<DeleteAccountResult> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return { ok: false, code: "not_found" } as const;
    const owned = await listOwnedGroups(userId, tx as unknown as Db);
    if (owned.length) return { ok: false, code: "owns_groups", groups: owned } as const;
    const t = tx as unknown as Db;
    await forgetRsvpsOfLeavingMember(t, userId, now);
    await releaseClaimsOfLeavingMember(t, userId);
    await endPartnerships(t, userId);
    await unnameInOthersMessages(t, user);
    await tx.delete(emailOutbox).where(or(eq(emailOutbox.userId, userId), eq(emailOutbox.toAddress, user.email)));
    // A report about the member themselves has no one left to act on.
    await tx.delete(reports).where(and(eq(reports.targetType, "member"), eq(reports.targetId, userId)));
    // Reports about messages in their questions' threads go with those threads.
    await tx.delete(reports).where(and(eq(reports.targetType, "question"), sql`${reports.targetId} in (select qm.id from question_messages qm join questions q on q.id = qm.question_id where q.asker_id = ${userId})`));
    // Rate-limit counters are keyed by member id or email.
    await tx.delete(rateLimits).where(or(sql`strpos(${rateLimits.key}, ${userId}) > 0`, sql`strpos(${rateLimits.key}, ${user.email}) > 0`));
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true } as const;
  });
  // Their photo's row went with the account; its files go now.
  if (result.ok) await sweepUploadFiles(new Date(), 0);
  return result;
}
