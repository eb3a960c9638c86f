import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz";
import { memberLimitMessage } from "@/lib/rate-limits";
import { limitMember } from "@/db/mutations/rate-limits";
import { REPORT_REASONS, type DecisionInput, type Outcome, type ReportInput } from "@/lib/validation/report";
import { getDb, type Db } from "../client";
import { forgetKnownPlaces } from "../queries/places";
import { getReportRow, getReportTarget, type ReportTarget } from "../queries/reports";
import { activities, apiTokens, comments, groups, memberships, projects, questionMessages, reports, users, type Report } from "../schema";
import { removeOrBanIn, type Tx } from "./groups";
import { say } from "@/lib/i18n/words";
import { notifyMany } from "./notifications";
import { say as said } from "@/lib/i18n/said";

/*
 * Reports and the decisions on them. A member reports what they can see; the group's
 * organizers decide on reports about its activities, projects and comments, and the hub's
 * admins decide on everything (reports about a group itself or a member's profile only
 * they). A decision settles every open report about the same thing at once, records who
 * decided, when and why, tells each reporter the outcome (never who else reported, nor who
 * they are to anyone) and tells the member whose content was hidden what and why.
 */

export const REPORT_NOT_FOUND = () => said("errors.refusals.reports.reportNotFound");
const NOTHING_TO_REPORT = () => said("errors.refusals.reports.nothingToReport");

export type FileReportResult = ActionResult<{ already: boolean }> | (Extract<ActionResult<never>, { ok: false }> & { retryAfterSeconds?: number });

/** Files a report, once per member and thing while it is open; limited per member. */
export async function fileReport(actor: Actor, input: ReportInput): Promise<FileReportResult> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInToReport"));
  const target = await getReportTarget(input.targetType, input.targetId, actor.id);
  if (!target) return fail("not_found", NOTHING_TO_REPORT());
  if (input.targetType === "member" && target.subjectId === actor.id) return fail("invalid_input", said("errors.refusals.reports.cantReportYourself"));
  const db = await getDb();
  const [open] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.reporterId, actor.id), eq(reports.targetType, target.type), eq(reports.targetId, target.id), eq(reports.status, "open")))
    .limit(1);
  if (open) return { ok: true, data: { already: true } };
  const rate = await limitMember("reportMember", actor.id);
  if (!rate.allowed) return { ok: false, code: "rate_limited", message: memberLimitMessage("reportMember", rate.retryAfterSeconds), retryAfterSeconds: rate.retryAfterSeconds };
  // The partial unique index settles two sends at once: the second is "already received".
  const inserted = await db
    .insert(reports)
    .values({ reporterId: actor.id, targetType: target.type, targetId: target.id, groupId: target.groupId, reason: input.reason, note: input.note })
    .onConflictDoNothing()
    .returning({ id: reports.id });
  return { ok: true, data: { already: inserted.length === 0 } };
}

interface Standing {
  admin: boolean;
  /** Active owner or organizer of the report's group. */
  organizerRole: "owner" | "organizer" | null;
}

async function standingFor(tx: Tx, actorId: string, report: Pick<Report, "groupId">): Promise<Standing> {
  const [me] = await tx.select({ role: users.role, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, actorId));
  if (!me || me.suspendedAt) return { admin: false, organizerRole: null };
  let organizerRole: Standing["organizerRole"] = null;
  if (report.groupId) {
    const [m] = await tx
      .select({ role: memberships.role, status: memberships.status, hidden: groups.hiddenAt })
      .from(memberships)
      .innerJoin(groups, eq(groups.id, memberships.groupId))
      .where(and(eq(memberships.groupId, report.groupId), eq(memberships.userId, actorId)));
    if (m && m.status === "active" && !m.hidden && m.role !== "member") organizerRole = m.role;
  }
  return { admin: me.role === "admin", organizerRole };
}

/** Whether this moderator decides on this report: admins always; organizers for their group's content, not the group itself. */
const decides = (s: Standing, report: Pick<Report, "targetType">) => s.admin || (s.organizerRole !== null && report.targetType !== "group");

/** Whether they may see it in a queue at all (organizers see reports about their group itself, which admins decide). */
const sees = (s: Standing) => s.admin || s.organizerRole !== null;

async function hideTarget(tx: Tx, target: ReportTarget, actorId: string, hidden: boolean, now: Date): Promise<void> {
  const at = hidden ? now : null;
  if (target.type === "activity") await tx.update(activities).set({ hiddenAt: at }).where(eq(activities.id, target.id));
  if (target.type === "project") await tx.update(projects).set({ hiddenAt: at }).where(eq(projects.id, target.id));
  if (target.type === "group") await tx.update(groups).set({ hiddenAt: at }).where(eq(groups.id, target.id));
  if (target.type === "question") await tx.update(questionMessages).set({ hiddenAt: at }).where(eq(questionMessages.id, target.id));
  if (target.type === "comment") await tx.update(comments).set({ removedAt: at, removedById: hidden ? actorId : null }).where(eq(comments.id, target.id));
}

/** Who is told that their content was hidden (or shown again): its author, or a group's organizers. */
async function ownersOf(tx: Tx, target: ReportTarget): Promise<string[]> {
  if (target.type !== "group") return target.subjectId ? [target.subjectId] : [];
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.groupId, target.id), eq(memberships.status, "active"), sql`${memberships.role} in ('owner', 'organizer')`));
  return rows.map((r) => r.userId);
}


/*
 * What the people concerned are told of a decision, in each one's language (messages/<locale>/
 * notices.json, "report"). The moderator's note is theirs, as written.
 */
const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
/** "comment on “Saturday walk”", "activity “Saturday walk”", "member Robin", as describeTarget says it. */
const targetWords = (t: Pick<ReportTarget, "type" | "title">) => say("notices", "report.target", { type: t.type, title: shorten(t.title) });
const reasonIn = (reason: string) => say("notices", "report.reason", { reason: Object.hasOwn(REPORT_REASONS, reason) ? reason : "other" });

/** What the reporter hears; a dismissal of something already gone from view says what is true, that no one sees it. */
const toReporter = (outcome: Outcome, target: ReportTarget) =>
  outcome === "dismiss" && target.hidden ? say("notices", "report.toReporter.alreadyDown", { what: target.type }) : say("notices", `report.toReporter.${outcome}`);

/**
 * Decides an open report, and with it every open report about the same thing. Checks, against
 * the rows inside one transaction: the actor moderates this report, does not judge their own
 * content, and may choose this outcome for this kind of thing.
 */
export async function decideReport(actor: Actor, input: DecisionInput, now = new Date()): Promise<ActionResult<{ outcome: Outcome; settled: number }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const report = await getReportRow(tx as unknown as Db, input.reportId, true);
    if (!report) return fail("not_found", REPORT_NOT_FOUND());
    const standing = await standingFor(tx, actor.id, report);
    if (!sees(standing)) return fail("not_found", REPORT_NOT_FOUND());
    if (!decides(standing, report)) return fail("forbidden", said("errors.refusals.reports.reportsAboutGroupItself"));
    if (report.status !== "open") return fail("conflict", said("errors.refusals.reports.reportHasAlreadyBeen"));
    const target = await getReportTarget(report.targetType, report.targetId, undefined, tx as unknown as Db);
    if (!target) return fail("not_found", said("errors.refusals.reports.whatWasReportedNo"));
    if (target.subjectId === actor.id) return fail("forbidden", said("errors.refusals.reports.reportAboutSomethingYours"));
    const refused = await applyOutcome(tx, input, report, target, standing, actor.id, now);
    if (refused) return refused;

    const settled = await tx
      .update(reports)
      .set({ status: input.outcome === "dismiss" ? "dismissed" : "actioned", outcome: input.outcome, decisionNote: input.note, resolvedById: actor.id, resolvedAt: now })
      .where(and(eq(reports.targetType, report.targetType), eq(reports.targetId, report.targetId), eq(reports.status, "open")))
      .returning({ reporterId: reports.reporterId });
    await notifyMany(tx as unknown as Db, [...new Set(settled.map((r) => r.reporterId))], {
      type: "report_outcome",
      title: say("notices", "report.aboutReported", { what: target.type }),
      body: toReporter(input.outcome, target),
    });
    if (input.outcome === "hide") {
      await notifyMany(tx as unknown as Db, await ownersOf(tx, target), {
        type: "content_hidden",
        title: say("notices", "report.hidden.title", { target: targetWords(target) }),
        body: say("notices", "report.hidden.body", { reason: reasonIn(report.reason), note: input.note }),
      });
    }
    if ((input.outcome === "remove" || input.outcome === "ban") && target.subjectId) {
      await notifyMany(tx as unknown as Db, [target.subjectId], {
        type: input.outcome === "ban" ? "group_banned" : "group_removed",
        title: say("notices", input.outcome === "ban" ? "report.banned" : "report.removed", { group: target.groupName ?? "" }),
        body: say("notices", "report.decided", { reason: reasonIn(report.reason), what: target.type, note: input.note }),
      });
    }
    return { ok: true as const, data: { outcome: input.outcome, settled: settled.length } };
  });
  // A hidden activity or group takes its places out of the neighbourhood list at once.
  if (result.ok && result.data.outcome === "hide") forgetKnownPlaces();
  return result;
}

/** Carries out one outcome; returns a refusal when it does not fit the thing or the moderator. */
async function applyOutcome(tx: Tx, input: DecisionInput, report: Report, target: ReportTarget, standing: Standing, actorId: string, now: Date): Promise<ActionResult<never> | null> {
  switch (input.outcome) {
    case "dismiss":
      return null;
    case "hide":
      if (target.type === "member") return fail("invalid_input", said("errors.refusals.reports.memberCantHiddenDismiss"));
      await hideTarget(tx, target, actorId, true, now);
      return null;
    case "remove":
    case "ban": {
      if (!report.groupId || !target.subjectId || target.type === "group") return fail("invalid_input", said("errors.refusals.reports.reportIsntAboutSomeones"));
      const [m] = await tx.select({ role: memberships.role, status: memberships.status }).from(memberships).where(and(eq(memberships.groupId, report.groupId), eq(memberships.userId, target.subjectId)));
      if (m?.role === "owner") return fail("forbidden", said("errors.refusals.reports.groupsOwnerCantRemoved"));
      if (m?.role === "organizer" && !standing.admin && standing.organizerRole !== "owner") return fail("forbidden", said("errors.refusals.reports.onlyGroupsOwnerRemove"));
      if (input.outcome === "remove" && (!m || m.status !== "active")) return fail("conflict", said("errors.refusals.reports.theyArentActiveMember"));
      await removeOrBanIn(tx, report.groupId, target.subjectId, input.outcome, input.note);
      return null;
    }
    case "suspend": {
      if (!standing.admin) return fail("forbidden", said("errors.refusals.reports.onlyHubsAdminsSuspend"));
      if (!target.subjectId) return fail("invalid_input", said("errors.refusals.reports.thereNoOneMember"));
      // Moving the session version on signs them out everywhere at once, as a password change does.
      await tx
        .update(users)
        .set({ suspendedAt: now, suspendedReason: input.note, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, target.subjectId));
      await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, target.subjectId), isNull(apiTokens.revokedAt)));
      return null;
    }
  }
}

/** Shows hidden content again: the organizers of its group, or an admin. Recorded on every report that hid it. */
export async function restoreReported(actor: Actor, reportId: string, now = new Date()): Promise<ActionResult<{ restored: true }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const report = await getReportRow(tx as unknown as Db, reportId, true);
    if (!report) return fail("not_found", REPORT_NOT_FOUND());
    const standing = await standingFor(tx, actor.id, report);
    if (!sees(standing)) return fail("not_found", REPORT_NOT_FOUND());
    if (!decides(standing, report)) return fail("forbidden", said("errors.refusals.reports.onlyHubsAdminsShow"));
    if (report.outcome !== "hide" || report.restoredAt) return fail("conflict", said("errors.refusals.reports.isntHiddenByDecision"));
    const target = await getReportTarget(report.targetType, report.targetId, undefined, tx as unknown as Db);
    if (!target) return fail("not_found", said("errors.refusals.reports.whatWasReportedNo"));
    await hideTarget(tx, target, actor.id, false, now);
    await tx
      .update(reports)
      .set({ restoredById: actor.id, restoredAt: now })
      .where(and(eq(reports.targetType, report.targetType), eq(reports.targetId, report.targetId), eq(reports.outcome, "hide"), isNull(reports.restoredAt)));
    await notifyMany(tx as unknown as Db, await ownersOf(tx, target), {
      type: "content_restored",
      title: say("notices", "report.restored.title", { target: targetWords(target) }),
      body: say("notices", "report.restored.body"),
    });
    return { ok: true as const, data: { restored: true as const } };
  });
  if (result.ok) forgetKnownPlaces();
  return result;
}
