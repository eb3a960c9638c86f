import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as activityCommentsRoute } from "@/app/api/activities/[id]/comments/route";
import { GET as activityRoute } from "@/app/api/activities/[id]/route";
import { GET as activitiesRoute } from "@/app/api/activities/route";
import { GET as projectsRoute } from "@/app/api/projects/route";
import { GET as listTokensRoute, POST as tokenRoute } from "@/app/api/tokens/route";
import { decideReportAction } from "@/components/moderation/actions";
import { reportAction } from "@/app/report/actions";
import { getDb } from "@/db/client";
import { postComment, removeComment } from "@/db/mutations/comments";
import { decideReport, fileReport, restoreReported } from "@/db/mutations/reports";
import { listMemberFeedActivities, listGroupFeedActivities } from "@/db/queries/calendar";
import { listComments } from "@/db/queries/comments";
import { listActivities } from "@/db/queries/activities";
import { exportMemberData } from "@/db/queries/export";
import { listGroupsForViewer } from "@/db/queries/groups";
import { listNotifications } from "@/db/queries/notifications";
import { listProjects } from "@/db/queries/projects";
import { listDecidedReports, listOpenReports } from "@/db/queries/reports";
import { respondToActivity } from "@/db/mutations/rsvps";
import { memberships, reports, users, type User } from "@/db/schema";
import { createUser } from "@/db/users";
import { checkCredentials } from "@/server/auth/credentials";
import { hashPassword } from "@/lib/passwords";
import { RATE_LIMITS } from "@/lib/rate-limits";
import { activityFiltersSchema } from "@/lib/validation/activity-filters";
import { decisionSchema, reportInputSchema, type Outcome, type ReportInput } from "@/lib/validation/report";
import { addMember, makeActivity, makeGroup, makeProject, makeUser } from "./helpers/factories";

/*
 * Reports and moderation, as the people involved would notice: what a reporter may report,
 * who sees which queue, and that each outcome does what it says, for everyone.
 */

const report = (who: User, input: Partial<ReportInput> & Pick<ReportInput, "targetType" | "targetId">) =>
  fileReport(who, { reason: "harassment", note: "", ...input });
const decide = (who: User, reportId: string, outcome: Outcome, note = "Not in keeping with our agreements.") => decideReport(who, { reportId, outcome, note });

/** A public group with its owner, an organizer, two members, an activity and a comment by `author`. */
async function scene() {
  const owner = await makeUser();
  const organizer = await makeUser();
  const author = await makeUser();
  const reporter = await makeUser();
  const group = await makeGroup({ createdById: owner.id });
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, author.id);
  await addMember(group.id, reporter.id);
  const activity = await makeActivity(group.id, { createdById: organizer.id, title: `Walk ${crypto.randomBytes(3).toString("hex")}` });
  const posted = await postComment(author, { activityId: activity.id }, "You never listen, nobody wants you here.");
  if (!posted.ok) throw new Error("comment not posted");
  return { owner, organizer, author, reporter, group, activity, commentId: posted.data.id };
}

async function reportIdFor(reporterId: string, targetId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ id: reports.id }).from(reports).where(and(eq(reports.reporterId, reporterId), eq(reports.targetId, targetId)));
  return row.id;
}

const noticesOf = async (userId: string) => listNotifications(userId);

describe("reporting", () => {
  it("a member's report reaches the group's queue with its reason and note, never with who sent it; a second is kindly 'already received'", async () => {
    const s = await scene();
    const first = await report(s.reporter, { targetType: "comment", targetId: s.commentId, note: "This upset me." });
    expect(first).toEqual({ ok: true, data: { already: false } });
    expect(await report(s.reporter, { targetType: "comment", targetId: s.commentId, reason: "spam" })).toEqual({ ok: true, data: { already: true } });

    const db = await getDb();
    expect(await db.select().from(reports).where(eq(reports.targetId, s.commentId))).toHaveLength(1);
    const queue = await listOpenReports({ groupId: s.group.id });
    expect(queue).toHaveLength(1);
    expect(queue[0].target).toMatchObject({ type: "comment", subjectId: s.author.id, excerpt: "You never listen, nobody wants you here." });
    expect(queue[0].reports).toEqual([expect.objectContaining({ reason: "harassment", note: "This upset me." })]);
    const shown = JSON.stringify(queue);
    expect(shown).not.toContain(s.reporter.id);
    expect(shown).not.toContain(s.reporter.name);
  });

  it("something the member cannot see is 'not found', and nothing is recorded", async () => {
    const outsider = await makeUser();
    const group = await makeGroup({ visibility: "private" });
    const activity = await makeActivity(group.id);
    const hidden = await makeActivity((await makeGroup()).id, { hiddenAt: new Date() });
    expect(await report(outsider, { targetType: "activity", targetId: activity.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await report(outsider, { targetType: "group", targetId: group.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await report(outsider, { targetType: "activity", targetId: hidden.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await report(outsider, { targetType: "member", targetId: crypto.randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
    expect(await report(outsider, { targetType: "member", targetId: outsider.id })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await report(null as unknown as User, { targetType: "group", targetId: group.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    const db = await getDb();
    expect(await db.select().from(reports).where(eq(reports.reporterId, outsider.id))).toEqual([]);
  });

  it("bad input gets a clear message per field, not an error", () => {
    const bad = reportInputSchema.safeParse({ targetType: "planet", targetId: "1", reason: "bored", note: "x".repeat(1_001) });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(Object.keys(fields).sort()).toEqual(["note", "reason", "targetId", "targetType"]);
    expect(fields.note).toMatch(/under 1,000 characters/);
    const decision = decisionSchema.safeParse({ reportId: crypto.randomUUID(), outcome: "explode", note: "  " });
    expect(decision.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["note", "outcome"]);
  });

  it("the report form and the decision buttons answer malformed posts with field messages, not errors", async () => {
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };
    const sent = await reportAction(null, form({ targetType: "planet", targetId: "x'; drop table reports", reason: "", note: "\u0000".repeat(3) }));
    expect(sent).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { targetType: expect.any(String), targetId: expect.any(String), reason: "Choose the reason that fits best." } });
    const decided = await decideReportAction(null, form({ reportId: "nope", outcome: "vanish", note: "" }));
    expect(decided).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { reportId: expect.any(String), outcome: expect.any(String), note: expect.any(String) } });
  });

  it("reporting is limited per member, with a friendly answer", async () => {
    const member = await makeUser();
    const group = await makeGroup();
    const limit = RATE_LIMITS.reportMember.limit;
    for (let i = 0; i < limit; i++) {
      const a = await makeActivity(group.id);
      expect((await report(member, { targetType: "activity", targetId: a.id })).ok).toBe(true);
    }
    const one = await makeActivity(group.id);
    const refused = await report(member, { targetType: "activity", targetId: one.id });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/a lot of reports.*try again/) });
  });

  it("the reports a member made are in their own export", async () => {
    const s = await scene();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId, note: "Mine to export" });
    const mine = await exportMemberData(s.reporter.id);
    expect(mine.reports).toEqual([expect.objectContaining({ reporterId: s.reporter.id, targetId: s.commentId, note: "Mine to export" })]);
    expect((await exportMemberData(s.author.id)).reports).toEqual([]);
  });
});

describe("who moderates what", () => {
  it("an organizer of another group neither sees nor decides the report, and a plain member cannot decide", async () => {
    const s = await scene();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId });
    const id = await reportIdFor(s.reporter.id, s.commentId);
    const elsewhere = await makeGroup();
    const otherOrganizer = await makeUser();
    await addMember(elsewhere.id, otherOrganizer.id, "owner");

    expect(await listOpenReports({ groupId: elsewhere.id })).toEqual([]);
    expect(await decide(otherOrganizer, id, "hide")).toMatchObject({ ok: false, code: "not_found" });
    expect(await decide(s.reporter, id, "dismiss")).toMatchObject({ ok: false, code: "not_found" });
    const db = await getDb();
    const [row] = await db.select().from(reports).where(eq(reports.id, id));
    expect(row.status).toBe("open");
    expect((await listComments({ activityId: s.activity.id }, { id: s.reporter.id }))[0].removed).toBe(false);
  });

  it("only admins suspend; organizers decide their group's content but not reports about the group itself or their own words", async () => {
    const s = await scene();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId });
    const commentReport = await reportIdFor(s.reporter.id, s.commentId);
    expect(await decide(s.organizer, commentReport, "suspend")).toMatchObject({ ok: false, code: "forbidden" });
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, s.author.id)))[0].suspendedAt).toBeNull();

    await report(s.reporter, { targetType: "group", targetId: s.group.id });
    const groupReport = await reportIdFor(s.reporter.id, s.group.id);
    expect((await listOpenReports({ groupId: s.group.id })).map((i) => i.target.type).sort()).toEqual(["comment", "group"]);
    expect(await decide(s.owner, groupReport, "dismiss")).toMatchObject({ ok: false, code: "forbidden" });

    await report(s.reporter, { targetType: "activity", targetId: s.activity.id });
    expect(await decide(s.organizer, await reportIdFor(s.reporter.id, s.activity.id), "dismiss")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.select().from(reports).where(eq(reports.reporterId, s.reporter.id))).every((r) => r.status === "open")).toBe(true);
  });
});

describe("outcomes", () => {
  it("dismiss leaves the content, records who, when and why, and tells the reporter", async () => {
    const s = await scene();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId });
    const id = await reportIdFor(s.reporter.id, s.commentId);
    expect(await decide(s.organizer, id, "dismiss", "Blunt but within our agreements.")).toMatchObject({ ok: true, data: { outcome: "dismiss", settled: 1 } });
    expect(await decide(s.owner, id, "hide")).toMatchObject({ ok: false, code: "conflict" });

    const db = await getDb();
    const [row] = await db.select().from(reports).where(eq(reports.id, id));
    expect(row).toMatchObject({ status: "dismissed", outcome: "dismiss", decisionNote: "Blunt but within our agreements.", resolvedById: s.organizer.id });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect((await listComments({ activityId: s.activity.id }, { id: s.reporter.id }))[0].body).toContain("You never listen");
    expect((await noticesOf(s.reporter.id)).find((n) => n.type === "report_outcome")?.body).toMatch(/leave it as it is/);
    expect((await noticesOf(s.author.id)).some((n) => n.type === "report_outcome" || n.type === "content_hidden")).toBe(false);
    expect(await listOpenReports({ groupId: s.group.id })).toEqual([]);
    expect((await listDecidedReports({ groupId: s.group.id }))[0]).toMatchObject({ outcome: "dismiss", decidedBy: s.organizer.name });
  });

  it("dismissing a report about a comment an organizer already removed tells the reporter it was taken down, not that it was left as it is", async () => {
    const s = await scene();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId });
    expect(await removeComment(s.organizer, s.commentId)).toMatchObject({ ok: true, data: { outcome: "removed" } });
    const id = await reportIdFor(s.reporter.id, s.commentId);
    expect(await decide(s.organizer, id, "dismiss", "Already removed from the discussion.")).toMatchObject({ ok: true, data: { outcome: "dismiss", settled: 1 } });
    const body = (await noticesOf(s.reporter.id)).find((n) => n.type === "report_outcome")?.body;
    expect(body).toContain("The comment has already been taken down, so no one sees it now.");
    expect(body).not.toMatch(/as it is/);
  });

  it("hiding a comment takes its words away for everyone, settles every report about it, tells each reporter and the author (not who reported), and it can be shown again", async () => {
    const s = await scene();
    const second = await makeUser();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId });
    await report(second, { targetType: "comment", targetId: s.commentId, reason: "unsafe" });
    const id = await reportIdFor(s.reporter.id, s.commentId);
    expect(await decide(s.organizer, id, "hide", "Unkind words aimed at a member.")).toMatchObject({ ok: true, data: { settled: 2 } });

    for (const viewer of [s.reporter.id, second.id, null]) {
      const [c] = await listComments({ activityId: s.activity.id }, { id: viewer });
      expect(c).toMatchObject({ removed: true, body: null });
    }
    const api = await (await activityCommentsRoute(new Request(`http://hub.test/api/activities/${s.activity.id}/comments`), { params: Promise.resolve({ id: s.activity.id }) })).json();
    expect(JSON.stringify(api)).not.toContain("You never listen");

    for (const r of [s.reporter, second]) expect((await noticesOf(r.id)).find((n) => n.type === "report_outcome")?.body).toMatch(/hid it/);
    const told = (await noticesOf(s.author.id)).find((n) => n.type === "content_hidden");
    expect(told?.title).toMatch(/Your comment on .* was hidden/);
    expect(told?.body).toMatch(/harassment.*Unkind words aimed at a member/);
    expect(JSON.stringify(await noticesOf(s.author.id))).not.toMatch(new RegExp(`${s.reporter.name}|${second.name}`));

    const decided = await listDecidedReports({ groupId: s.group.id });
    expect(decided.filter((d) => d.canRestore)).toHaveLength(1);
    expect(decided[0].target.hidden).toBe(true);
    const outsider = await makeUser();
    expect(await restoreReported(outsider, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await restoreReported(s.owner, id)).toMatchObject({ ok: true });
    expect((await listComments({ activityId: s.activity.id }, { id: s.reporter.id }))[0]).toMatchObject({ removed: false });
    const db = await getDb();
    const rows = await db.select().from(reports).where(eq(reports.targetId, s.commentId));
    expect(rows.every((r) => r.restoredById === s.owner.id && r.resolvedById === s.organizer.id && r.outcome === "hide")).toBe(true);
  });

  it("a hidden activity leaves every listing, page, API and calendar feed; its organizers still find it in the queue, marked hidden", async () => {
    const s = await scene();
    const db = await getDb();
    await respondToActivity(db, { activityId: s.activity.id, userId: s.reporter.id, status: "going" });
    await report(s.reporter, { targetType: "activity", targetId: s.activity.id });
    expect(await decide(s.owner, await reportIdFor(s.reporter.id, s.activity.id), "hide", "Not what this group is for.")).toMatchObject({ ok: true });

    const filters = activityFiltersSchema.parse({ group: s.group.slug });
    for (const viewerId of [s.reporter.id, s.owner.id, null]) {
      expect((await listActivities(filters, { viewerId, zone: "Europe/London" })).items.map((a) => a.id)).not.toContain(s.activity.id);
    }
    const list = await (await activitiesRoute(new Request(`http://hub.test/api/activities?group=${s.group.slug}`))).json();
    expect(list.activities.map((a: { id: string }) => a.id)).not.toContain(s.activity.id);
    expect((await activityRoute(new Request(`http://hub.test/api/activities/${s.activity.id}`), { params: Promise.resolve({ id: s.activity.id }) })).status).toBe(404);
    expect((await listMemberFeedActivities(s.reporter.id)).map((a) => a.id)).not.toContain(s.activity.id);
    expect((await listGroupFeedActivities(s.group.id, s.reporter.id)).map((a) => a.id)).not.toContain(s.activity.id);
    expect(await report(await makeUser(), { targetType: "activity", targetId: s.activity.id })).toMatchObject({ ok: false, code: "not_found" });

    const [decided] = await listDecidedReports({ groupId: s.group.id });
    expect(decided).toMatchObject({ outcome: "hide", canRestore: true, target: { id: s.activity.id, hidden: true } });
    expect((await noticesOf(s.organizer.id)).find((n) => n.type === "content_hidden")?.body).toMatch(/Not what this group is for/);
  });

  it("a hidden project leaves the project listings and the API", async () => {
    const s = await scene();
    const project = await makeProject(s.group.id, { createdById: s.organizer.id });
    await report(s.reporter, { targetType: "project", targetId: project.id, reason: "spam" });
    // Searched by its unique title: on a shared database the listing's first page holds other tests' projects.
    expect((await listProjects({ viewerId: s.reporter.id, q: project.title })).map((p) => p.id)).toContain(project.id);
    expect(await decide(s.owner, await reportIdFor(s.reporter.id, project.id), "hide")).toMatchObject({ ok: true });
    expect((await listProjects({ viewerId: s.reporter.id, q: project.title })).map((p) => p.id)).not.toContain(project.id);
    const api = await (await projectsRoute(new Request("http://hub.test/api/projects"))).json();
    expect(api.projects.map((p: { id: string }) => p.id)).not.toContain(project.id);
  });

  it("an admin hides a group: it leaves the group list and its activities every listing", async () => {
    const s = await scene();
    const admin = await makeUser({ role: "admin" });
    await report(s.reporter, { targetType: "group", targetId: s.group.id, reason: "substances" });
    expect((await listGroupsForViewer(s.reporter.id)).map((g) => g.slug)).toContain(s.group.slug);
    expect(await decide(admin, await reportIdFor(s.reporter.id, s.group.id), "hide", "Selling substances at meetups.")).toMatchObject({ ok: true });
    expect((await listGroupsForViewer(s.reporter.id)).map((g) => g.slug)).not.toContain(s.group.slug);
    const list = await (await activitiesRoute(new Request(`http://hub.test/api/activities?group=${s.group.slug}`))).json();
    expect(list.activities).toEqual([]);
    expect((await noticesOf(s.owner.id)).find((n) => n.type === "content_hidden")?.body).toMatch(/pressure to use or sell substances/);
    expect((await listDecidedReports({ everything: true })).find((d) => d.target.id === s.group.id)).toMatchObject({ canRestore: true });
  });

  it("ban keeps the author out of the group's discussions; remove ends their membership; both are told", async () => {
    const s = await scene();
    await report(s.reporter, { targetType: "comment", targetId: s.commentId });
    expect(await decide(s.organizer, await reportIdFor(s.reporter.id, s.commentId), "ban", "Repeated unkindness.")).toMatchObject({ ok: true });
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(and(eq(memberships.groupId, s.group.id), eq(memberships.userId, s.author.id)));
    expect(m).toMatchObject({ status: "banned", banReason: "Repeated unkindness." });
    expect(await postComment(s.author, { activityId: s.activity.id }, "Again")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await noticesOf(s.author.id)).find((n) => n.type === "group_banned")?.title).toContain(s.group.name);

    const other = await scene();
    await report(other.reporter, { targetType: "comment", targetId: other.commentId });
    expect(await decide(other.organizer, await reportIdFor(other.reporter.id, other.commentId), "remove")).toMatchObject({ ok: true });
    expect(await db.select().from(memberships).where(and(eq(memberships.groupId, other.group.id), eq(memberships.userId, other.author.id)))).toEqual([]);
    expect((await noticesOf(other.author.id)).some((n) => n.type === "group_removed")).toBe(true);
  });

  it("an organizer cannot remove the owner, nor an organizer unless they own the group", async () => {
    const s = await scene();
    const coOrganizer = await makeUser();
    await addMember(s.group.id, coOrganizer.id, "organizer");
    const p = await postComment(coOrganizer, { activityId: s.activity.id }, "Sharp words");
    if (!p.ok) throw new Error("not posted");
    await report(s.reporter, { targetType: "comment", targetId: p.data.id });
    const id = await reportIdFor(s.reporter.id, p.data.id);
    expect(await decide(s.organizer, id, "ban")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await decide(s.owner, id, "remove")).toMatchObject({ ok: true });
  });

  it("suspending signs the member out everywhere at once, stops their tokens, and the sign-in check tells them why", async () => {
    const password = "a long enough password";
    const created = await createUser({ name: "Sam", email: `sam-${crypto.randomBytes(4).toString("hex")}@example.org`, passwordHash: await hashPassword(password) });
    if (!created.ok) throw new Error("no user");
    const sam = created.user;
    const reporter = await makeUser();
    const admin = await makeUser({ role: "admin" });
    const res = await tokenRoute(new Request("http://hub.test/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: sam.email, password, name: "script" }) }));
    const { token } = await res.json();
    const tokenWorks = async () => (await listTokensRoute(new Request("http://hub.test/api/tokens", { headers: { authorization: `Bearer ${token}` } }))).status === 200;
    expect(await tokenWorks()).toBe(true);

    await report(reporter, { targetType: "member", targetId: sam.id, note: "Messages asking people to buy from him." });
    const id = await reportIdFor(reporter.id, sam.id);
    expect(await decide(admin, id, "hide")).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await decide(admin, id, "suspend", "Selling to members.")).toMatchObject({ ok: true });

    const db = await getDb();
    const [after] = await db.select().from(users).where(eq(users.id, sam.id));
    expect(after.suspendedAt).toBeInstanceOf(Date);
    expect(after.suspendedReason).toBe("Selling to members.");
    expect(after.sessionVersion).toBe(sam.sessionVersion + 1);
    expect(await tokenWorks()).toBe(false);
    expect(await checkCredentials({ email: sam.email, password })).toEqual({ ok: false, reason: "suspended", why: "Selling to members." });
    expect(await checkCredentials({ email: sam.email, password: "not the password" })).toEqual({ ok: false, reason: "wrong" });
    expect((await noticesOf(reporter.id)).find((n) => n.type === "report_outcome")?.body).toMatch(/suspended/);
  });
});
