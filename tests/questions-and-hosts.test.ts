import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createActivity, updateActivity } from "@/db/mutations/activities";
import { blockMember } from "@/db/mutations/blocks";
import { askOrganizers, replyToQuestion } from "@/db/mutations/questions";
import { decideReport, fileReport } from "@/db/mutations/reports";
import { getActivityPageData } from "@/db/queries/activity-page";
import { listGroupOrganizers } from "@/db/queries/people";

/** The host the activity page shows. */
const hostOf = async (activityId: string) => (await getActivityPageData(activityId, null))?.host ?? undefined;
import { getQuestionThread, listGroupQuestions, listMyQuestions } from "@/db/queries/questions";
import { activities, emailOutbox, notifications, questionMessages, reports } from "@/db/schema";
import { activityInputSchema, activityToFormValues, newActivityValues } from "@/lib/validation/activity";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

async function town(visibility: "public" | "private" = "public") {
  const group = await makeGroup({ visibility });
  const owner = await makeUser({ name: "Olive Owner", bio: "I run the walks.\nAnd more besides." });
  const organizer = await makeUser({ name: "Omar Organizer" });
  const member = await makeUser({ name: "Mia Member" });
  const bystander = await makeUser();
  const outsider = await makeUser();
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id);
  await addMember(group.id, bystander.id);
  const activity = await makeActivity(group.id, { createdById: owner.id, hostId: owner.id });
  return { group, owner, organizer, member, bystander, outsider, activity };
}

const WORDS = "Is it OK if I come on my own? zqprivatequestion";

describe("asking the organizers", () => {
  it("reaches every organizer in app and by email, without the words, and nobody else can read the thread", async () => {
    const t = await town("private");
    const asked = await askOrganizers(t.member, { activityId: t.activity.id }, WORDS);
    expect(asked.ok).toBe(true);
    const questionId = asked.ok ? asked.data.questionId : "";
    const db = await getDb();
    // Everyone in this town (other test files share the database on PostgreSQL): only its organizers are told.
    const everyone = [t.owner.id, t.organizer.id, t.member.id, t.bystander.id, t.outsider.id];
    const notices = await db.select().from(notifications).where(and(eq(notifications.type, "question_asked"), inArray(notifications.userId, everyone)));
    expect(notices.map((n) => n.userId).sort()).toEqual([t.owner.id, t.organizer.id].sort());
    const emails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.type, "question_asked"), inArray(emailOutbox.userId, everyone)));
    expect(emails.map((e) => e.userId).sort()).toEqual([t.owner.id, t.organizer.id].sort());
    for (const text of [...notices.map((n) => n.title + n.body), ...emails.map((e) => e.subject + e.bodyText + e.bodyHtml)]) expect(text).not.toContain("zqprivatequestion");

    expect((await getQuestionThread(questionId, t.member.id))?.messages[0].body).toBe(WORDS);
    expect((await getQuestionThread(questionId, t.organizer.id))?.viewerIs).toBe("organizer");
    for (const other of [t.bystander, t.outsider]) {
      expect(await getQuestionThread(questionId, other.id)).toBeUndefined();
      expect((await replyToQuestion(other, questionId, "Me too")).ok).toBe(false);
      expect(await listGroupQuestions(t.group.id, other.id)).toEqual([]);
    }
    expect((await listGroupQuestions(t.group.id, t.owner.id)).map((q) => q.id)).toEqual([questionId]);

    const reply = await replyToQuestion(t.organizer, questionId, "Yes, lots of people come on their own.");
    expect(reply).toMatchObject({ ok: true, data: { fromOrganizers: true } });
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, t.member.id), eq(notifications.type, "question_answered")));
    expect(told).toHaveLength(1);
    expect(told[0].href).toBe(`/me/questions/${questionId}`);
    expect(await db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, t.member.id), eq(emailOutbox.type, "question_answered")))).toHaveLength(1);
    const mine = await listMyQuestions(t.member.id);
    expect(mine).toMatchObject([{ id: questionId, messages: 2, lastFromOrganizers: true }]);
  });

  it("is not for outsiders of a private group, nor for the group's own organizers", async () => {
    const t = await town("private");
    expect(await askOrganizers(t.outsider, { groupId: t.group.id }, WORDS)).toMatchObject({ ok: false, code: "not_found" });
    expect(await askOrganizers(t.organizer, { groupId: t.group.id }, WORDS)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await askOrganizers(null, { groupId: t.group.id }, WORDS)).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("respects blocks either way: a blocked organizer is neither told nor shown the thread", async () => {
    const t = await town();
    await blockMember(t.organizer.id, t.member.id);
    const asked = await askOrganizers(t.member, { groupId: t.group.id }, WORDS);
    if (!asked.ok) throw new Error(asked.message);
    const db = await getDb();
    const notices = await db.select().from(notifications).where(and(eq(notifications.type, "question_asked"), inArray(notifications.userId, [t.owner.id, t.organizer.id])));
    expect(notices.map((n) => n.userId)).toEqual([t.owner.id]);
    expect(await getQuestionThread(asked.data.questionId, t.organizer.id)).toBeUndefined();
    expect(await listGroupQuestions(t.group.id, t.organizer.id)).toEqual([]);
    expect((await replyToQuestion(t.organizer, asked.data.questionId, "Hello")).ok).toBe(false);
    // With every organizer blocked, there is no one to ask.
    await blockMember(t.member.id, t.owner.id);
    expect(await askOrganizers(t.member, { groupId: t.group.id }, WORDS)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("is rate limited", async () => {
    const t = await town();
    for (let i = 0; i < 10; i++) expect((await askOrganizers(t.member, { groupId: t.group.id }, `Question ${i}`)).ok).toBe(true);
    const refused = await askOrganizers(t.member, { groupId: t.group.id }, "One more");
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(refused.ok ? "" : refused.message).toMatch(/try again/);
  });

  it("can be reported by the people in it, and hidden by an admin", async () => {
    const t = await town();
    const admin = await makeUser({ role: "admin" });
    const asked = await askOrganizers(t.member, { groupId: t.group.id }, WORDS);
    if (!asked.ok) throw new Error(asked.message);
    await replyToQuestion(t.organizer, asked.data.questionId, "Something unkind");
    const db = await getDb();
    const [unkind] = await db.select().from(questionMessages).where(eq(questionMessages.body, "Something unkind"));
    expect((await fileReport(t.bystander, { targetType: "question", targetId: unkind.id, reason: "harassment", note: "" })).ok).toBe(false);
    expect((await fileReport(t.organizer, { targetType: "question", targetId: unkind.id, reason: "harassment", note: "" })).ok).toBe(false);
    expect(await fileReport(t.member, { targetType: "question", targetId: unkind.id, reason: "harassment", note: "" })).toMatchObject({ ok: true, data: { already: false } });
    const [report] = await db.select().from(reports).where(eq(reports.targetId, unkind.id));
    // Decided by the hub's admins, not by the group's organizers (who may be the ones reported).
    expect(report.groupId).toBeNull();
    expect((await decideReport(t.owner, { reportId: report.id, outcome: "hide", note: "Unkind" })).ok).toBe(false);
    expect((await decideReport(admin, { reportId: report.id, outcome: "hide", note: "Unkind" })).ok).toBe(true);
    const thread = await getQuestionThread(asked.data.questionId, t.member.id);
    expect(thread?.messages.find((m) => m.id === unkind.id)).toMatchObject({ hidden: true, body: "" });
  });
});

describe("a named host", () => {
  const input = (overrides: Record<string, unknown>) => activityInputSchema.parse({ ...newActivityValues("Europe/London"), title: "Tea and a walk", placeName: "The green", ...overrides });

  it("is the creator by default, or an organizer chosen on the form, never someone else", async () => {
    const t = await town();
    const byDefault = await createActivity(t.organizer, t.group.id, input({}));
    if (!byDefault.ok) throw new Error(byDefault.message);
    expect((await hostOf(byDefault.data.id))?.id).toBe(t.organizer.id);
    const chosen = await createActivity(t.organizer, t.group.id, input({ hostId: t.owner.id }));
    if (!chosen.ok) throw new Error(chosen.message);
    const host = await hostOf(chosen.data.id);
    expect(host).toMatchObject({ id: t.owner.id, name: "Olive Owner", bio: "I run the walks.", photo: null });
    expect(await createActivity(t.organizer, t.group.id, input({ hostId: t.member.id }))).toMatchObject({ ok: false, fieldErrors: { hostId: expect.stringMatching(/organizers/) } });

    const db = await getDb();
    const [row] = await db.select().from(activities).where(eq(activities.id, chosen.data.id));
    const edit = activityInputSchema.parse({ ...activityToFormValues(row), hostId: t.organizer.id });
    expect(await updateActivity(t.owner, row.id, edit)).toMatchObject({ ok: true, data: { changed: 1 } });
    expect((await hostOf(row.id))?.id).toBe(t.organizer.id);
    // Leaving the host out keeps it.
    await updateActivity(t.owner, row.id, activityInputSchema.parse({ ...activityToFormValues(row), title: "Tea, a walk and cake" }));
    expect((await hostOf(row.id))?.id).toBe(t.organizer.id);
  });

  it("group pages list the organizers, owner first", async () => {
    const t = await town();
    expect((await listGroupOrganizers(t.group.id)).map((p) => [p.name, p.role])).toEqual([
      ["Olive Owner", "owner"],
      ["Omar Organizer", "organizer"],
    ]);
    const ids = (await listGroupOrganizers(t.group.id)).map((p) => p.id);
    expect(ids).not.toContain(t.member.id);
    expect(await (await getDb()).select().from(activities).where(inArray(activities.id, [t.activity.id]))).toMatchObject([{ hostId: t.owner.id }]);
  });
});
