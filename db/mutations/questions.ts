import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz";
import { memberLimitMessage } from "@/lib/rate-limits";
import { getDb, type Db } from "../client";
import { activities, blocks, groups, memberships, questionMessages, questions } from "../schema";
import { groupVisibleTo } from "../queries/visibility";
import { say } from "@/lib/i18n/words";
import { notifyMany } from "./notifications";
import { limitMember } from "./rate-limits";
import { say as said } from "@/lib/i18n/said";

/*
 * "Ask the organizers": a member's private question about a group or one of its activities,
 * and the replies in its thread. The group's organizers share one inbox; nobody else ever reads
 * a thread. An organizer who has blocked the member (or whom the member has blocked) is left
 * out of it: not told, not shown it, not able to reply. Notices say who is asking about what,
 * never the words themselves.
 */

const NO_SUCH = () => said("errors.refusals.questions.noSuch");
const THREAD_NOT_FOUND = () => said("errors.refusals.questions.threadNotFound");
const NO_ONE_TO_ASK = () => said("errors.refusals.questions.noOneToAsk");

/** The group's active organizers with no block either way with `memberId`. */
async function reachableOrganizers(db: Db, groupId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.groupId, groupId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["owner", "organizer"]),
        sql`not exists (select 1 from ${blocks} b where (b.blocker_id = ${memberships.userId} and b.blocked_id = ${memberId}) or (b.blocker_id = ${memberId} and b.blocked_id = ${memberships.userId}))`,
      ),
    );
  return rows.map((r) => r.userId);
}

export type AskAbout = { activityId: string } | { groupId: string };

/** A member asks a group's organizers a question, about the group or one of its activities. */
export async function askOrganizers(actor: Actor, about: AskAbout, body: string): Promise<ActionResult<{ questionId: string }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInToAsk"));
  const db = await getDb();
  const visible = groupVisibleTo(actor.id);
  let target: { groupId: string; slug: string; subject: string; activityId: string | null } | undefined;
  if ("activityId" in about) {
    const [row] = await db
      .select({ groupId: groups.id, slug: groups.slug, subject: activities.title })
      .from(activities)
      .innerJoin(groups, eq(groups.id, activities.groupId))
      .where(and(eq(activities.id, about.activityId), isNull(activities.hiddenAt), visible))
      .limit(1);
    target = row && { ...row, activityId: about.activityId };
  } else {
    const [row] = await db.select({ groupId: groups.id, slug: groups.slug, subject: groups.name }).from(groups).where(and(eq(groups.id, about.groupId), visible)).limit(1);
    target = row && { ...row, activityId: null };
  }
  if (!target) return fail("not_found", NO_SUCH());
  const [mine] = await db.select({ role: memberships.role, status: memberships.status }).from(memberships).where(and(eq(memberships.groupId, target.groupId), eq(memberships.userId, actor.id)));
  if (mine && mine.status === "active" && mine.role !== "member") return fail("invalid_input", said("errors.refusals.questions.youreOneGroupsOrganizers"));
  const organizers = await reachableOrganizers(db, target.groupId, actor.id);
  if (!organizers.length) return fail("forbidden", NO_ONE_TO_ASK());
  const rate = await limitMember("questionMember", actor.id);
  if (!rate.allowed) return fail("rate_limited", memberLimitMessage("questionMember", rate.retryAfterSeconds));
  const t = target;
  const questionId = await db.transaction(async (tx) => {
    const [q] = await tx.insert(questions).values({ groupId: t.groupId, activityId: t.activityId, askerId: actor.id, subject: t.subject }).returning({ id: questions.id });
    await tx.insert(questionMessages).values({ questionId: q.id, authorId: actor.id, fromOrganizers: false, body });
    await notifyMany(tx as unknown as Db, organizers, {
      type: "question_asked",
      title: say("notices", "question.asked.title", { subject: t.subject }),
      body: say("notices", "question.private"),
      href: `/groups/${t.slug}/questions/${q.id}`,
    });
    return q.id;
  });
  return { ok: true, data: { questionId } };
}

/** A reply in a thread: by the member who asked, or by one of the group's organizers. */
export async function replyToQuestion(actor: Actor, questionId: string, body: string): Promise<ActionResult<{ fromOrganizers: boolean }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  const [q] = await db
    .select({ id: questions.id, groupId: questions.groupId, askerId: questions.askerId, subject: questions.subject, slug: groups.slug, groupHidden: groups.hiddenAt })
    .from(questions)
    .innerJoin(groups, eq(groups.id, questions.groupId))
    .where(eq(questions.id, questionId))
    .limit(1);
  if (!q || q.groupHidden) return fail("not_found", THREAD_NOT_FOUND());
  const organizers = await reachableOrganizers(db, q.groupId, q.askerId);
  const asAsker = q.askerId === actor.id;
  const asOrganizer = !asAsker && organizers.includes(actor.id);
  if (!asAsker && !asOrganizer) return fail("not_found", THREAD_NOT_FOUND());
  if (asAsker && !organizers.length) return fail("forbidden", NO_ONE_TO_ASK());
  const rate = await limitMember("questionMember", actor.id);
  if (!rate.allowed) return fail("rate_limited", memberLimitMessage("questionMember", rate.retryAfterSeconds));
  await db.transaction(async (tx) => {
    await tx.insert(questionMessages).values({ questionId: q.id, authorId: actor.id, fromOrganizers: asOrganizer, body });
    await tx.update(questions).set({ lastMessageAt: new Date() }).where(eq(questions.id, q.id));
    if (asOrganizer) {
      await notifyMany(tx as unknown as Db, [q.askerId], {
        type: "question_answered",
        title: say("notices", "question.answered.title", { subject: q.subject }),
        href: `/me/questions/${q.id}`,
      });
    } else {
      await notifyMany(tx as unknown as Db, organizers, {
        type: "question_asked",
        title: say("notices", "question.again.title", { subject: q.subject }),
        body: say("notices", "question.private"),
        href: `/groups/${q.slug}/questions/${q.id}`,
      });
    }
  });
  return { ok: true, data: { fromOrganizers: asOrganizer } };
}
