import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { COMMENT_RATE_LIMIT, editComment, postComment, removeComment } from "@/db/mutations/comments";
import { listComments } from "@/db/queries/comments";
import { comments, memberships, notifications } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeProject, makeUser } from "./helpers/factories";

/*
 * Discussion as people meet it: posting, editing within 15 minutes, deleting your own, an
 * organizer hiding a comment, the posting limit, and who is told.
 */

async function setting(visibility: "public" | "private" = "public") {
  const group = await makeGroup({ visibility });
  const [owner, organizer, member, other] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id);
  await addMember(group.id, other.id);
  const activity = await makeActivity(group.id);
  const project = await makeProject(group.id);
  return { group, owner, organizer, member, other, activity, project };
}

const rows = async (id: string) => (await getDb()).select().from(comments).where(eq(comments.id, id));

describe("discussion", () => {
  it("a member's comment on a project appears in the thread and the group's organizers are told", async () => {
    const s = await setting();
    const posted = await postComment(s.member, { projectId: s.project.id }, "I can bring **two** wheelbarrows.");
    expect(posted.ok).toBe(true);
    const thread = await listComments({ projectId: s.project.id }, { id: s.other.id });
    expect(thread.map((c) => [c.body, c.authorName])).toEqual([["I can bring **two** wheelbarrows.", s.member.name]]);
    const db = await getDb();
    for (const who of [s.owner, s.organizer]) {
      const n = await db.select().from(notifications).where(eq(notifications.userId, who.id));
      expect(n.map((x) => x.type)).toContain("new_comment");
    }
    expect(await db.select().from(notifications).where(eq(notifications.userId, s.member.id))).toEqual([]);
  });

  it("visitors read the discussion without names", async () => {
    const s = await setting();
    await postComment(s.member, { activityId: s.activity.id }, "See you there.");
    const [c] = await listComments({ activityId: s.activity.id }, { id: null });
    expect(c).toMatchObject({ body: "See you there.", authorName: null, authorId: null });
  });

  it("authors edit their words within 15 minutes, not after, and never someone else's", async () => {
    const s = await setting();
    const start = new Date();
    const posted = await postComment(s.member, { activityId: s.activity.id }, "Meet at the gate?", start);
    if (!posted.ok) throw new Error(posted.message);
    expect(await editComment(s.other, posted.data.id, "hijacked", new Date(start.getTime() + 60_000))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await editComment(s.member, posted.data.id, "Meet at the north gate?", new Date(start.getTime() + 14 * 60_000))).toMatchObject({ ok: true });
    expect(await editComment(s.member, posted.data.id, "too late", new Date(start.getTime() + 16 * 60_000))).toMatchObject({ ok: false, code: "closed" });
    const [row] = await rows(posted.data.id);
    expect(row.body).toBe("Meet at the north gate?");
    expect(row.editedAt).not.toBeNull();
  });

  it("authors delete their own comment; an organizer's removal leaves 'removed by an organizer'", async () => {
    const s = await setting();
    const mine = await postComment(s.member, { projectId: s.project.id }, "Oops, wrong project.");
    const theirs = await postComment(s.other, { projectId: s.project.id }, "You people never listen.");
    if (!mine.ok || !theirs.ok) throw new Error("post failed");
    expect(await removeComment(s.other, mine.data.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeComment(s.member, mine.data.id)).toEqual({ ok: true, data: { outcome: "deleted" } });
    expect(await rows(mine.data.id)).toEqual([]);
    expect(await removeComment(s.organizer, theirs.data.id)).toEqual({ ok: true, data: { outcome: "removed" } });
    const thread = await listComments({ projectId: s.project.id }, { id: s.member.id });
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ removed: true, body: null, authorName: null });
    expect(await editComment(s.other, theirs.data.id, "softer words")).toMatchObject({ ok: false, code: "closed" });
  });

  it("the eleventh comment in ten minutes is refused with a clear message, and the limit resets", async () => {
    const s = await setting();
    const start = new Date(Date.now() + 3600_000);
    for (let i = 0; i < COMMENT_RATE_LIMIT.limit; i++) {
      expect((await postComment(s.member, { activityId: s.activity.id }, `Note ${i}`, new Date(start.getTime() + i * 1000))).ok).toBe(true);
    }
    const refused = await postComment(s.member, { activityId: s.activity.id }, "One more", new Date(start.getTime() + 20_000));
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(!refused.ok && refused.message).toMatch(/Please wait about \d+ minutes?/);
    expect(await postComment(s.other, { activityId: s.activity.id }, "Someone else can still post", new Date(start.getTime() + 20_000))).toMatchObject({ ok: true });
    expect(await postComment(s.member, { activityId: s.activity.id }, "Later", new Date(start.getTime() + COMMENT_RATE_LIMIT.windowMs + 1000))).toMatchObject({ ok: true });
  });

  it("a private group's discussion doesn't exist for outsiders; a banned member can't post", async () => {
    const s = await setting("private");
    const outsider = await makeUser();
    expect(await postComment(outsider, { projectId: s.project.id }, "hello")).toMatchObject({ ok: false, code: "not_found" });
    expect(await postComment(null, { projectId: s.project.id }, "hello")).toMatchObject({ ok: false, code: "unauthenticated" });
    const db = await getDb();
    await db.update(memberships).set({ status: "banned" }).where(eq(memberships.userId, s.other.id));
    expect(await postComment(s.other, { projectId: s.project.id }, "hello")).toMatchObject({ ok: false, code: "not_found" });
    const pub = await setting();
    await db.update(memberships).set({ status: "banned" }).where(eq(memberships.userId, pub.other.id));
    expect(await postComment(pub.other, { projectId: pub.project.id }, "hello")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.select().from(comments).where(eq(comments.projectId, pub.project.id))).toEqual([]);
  });
});
