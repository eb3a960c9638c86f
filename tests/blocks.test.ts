import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as activityCommentsRoute } from "@/app/api/activities/[id]/comments/route";
import { GET as projectCommentsRoute } from "@/app/api/projects/[id]/comments/route";
import { createApiToken } from "@/db/mutations/api-tokens";
import { postComment } from "@/db/mutations/comments";
import { invitePerson } from "@/db/mutations/partners";
import { listComments } from "@/db/queries/comments";
import { notifications } from "@/db/schema";
import { attended, organizedGroup } from "./helpers/connection";
import { blockCommentAuthor, blockMember, unblockMember } from "@/db/mutations/blocks";
import { pairWithGreeter } from "@/db/mutations/go-together";
import { respondToActivity } from "@/db/mutations/rsvps";
import { getMemberProfile, isBlockedEitherWay, listBlockedBy } from "@/db/queries/blocks";
import { getWhoIsGoing } from "@/db/queries/rsvps";
import { getDb } from "@/db/client";
import { addMember, makeActivity, makeGroup, makeProject, makeUser } from "./helpers/factories";

const names = async (activityId: string, viewerId: string) => (await getWhoIsGoing(activityId, { id: viewerId, isOrganizer: false })).names.map((n) => n.userId);

describe("blocking a member", () => {
  it("takes each out of the other's who's-going names (they are still counted) and hides both profiles, until unblocked", async () => {
    const blocker = await makeUser({ listedAsGoing: true });
    const blocked = await makeUser({ listedAsGoing: true });
    const bystander = await makeUser();
    const activity = await makeActivity((await makeGroup()).id);
    const db = await getDb();
    for (const u of [blocker, blocked]) await respondToActivity(db, { activityId: activity.id, userId: u.id, status: "going" });

    expect(await names(activity.id, blocked.id)).toContain(blocker.id);
    expect((await blockMember(blocker.id, blocked.id)).ok).toBe(true);
    expect(await blockMember(blocker.id, blocked.id)).toMatchObject({ ok: true });
    expect(await names(activity.id, blocked.id)).not.toContain(blocker.id);
    expect(await names(activity.id, blocker.id)).not.toContain(blocked.id);
    expect((await getWhoIsGoing(activity.id, { id: blocked.id, isOrganizer: false })).goingCount).toBe(2);
    expect(await names(activity.id, bystander.id)).toEqual(expect.arrayContaining([blocker.id, blocked.id]));

    expect(await getMemberProfile(blocker.id, blocked.id)).toBeUndefined();
    expect(await getMemberProfile(blocked.id, blocker.id)).toBeUndefined();
    expect((await getMemberProfile(blocker.id, bystander.id))?.id).toBe(blocker.id);
    expect((await listBlockedBy(blocker.id)).map((b) => b.userId)).toEqual([blocked.id]);
    expect(await listBlockedBy(blocked.id)).toEqual([]);

    await unblockMember(blocker.id, blocked.id);
    expect(await isBlockedEitherWay(blocker.id, blocked.id)).toBe(false);
    expect(await names(activity.id, blocked.id)).toContain(blocker.id);
  });

  it("a member cannot block themselves", async () => {
    const me = await makeUser();
    expect(await blockMember(me.id, me.id)).toEqual({ ok: false, code: "self" });
  });

  it("an organizer cannot pair a first-timer with a greeter either of them blocked", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const shy = await makeUser();
    const greeter = await makeUser();
    const activity = await makeActivity(group.id);
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: shy.id, status: "going", goTogether: true });
    await respondToActivity(db, { activityId: activity.id, userId: greeter.id, status: "going", offersToGreet: true });
    await blockMember(shy.id, greeter.id);
    const refused = await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: greeter.id });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect(JSON.stringify(refused)).not.toMatch(/block/i);
    await unblockMember(shy.id, greeter.id);
    await blockMember(greeter.id, shy.id);
    expect(await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: greeter.id })).toMatchObject({ ok: false });
    await unblockMember(greeter.id, shy.id);
    expect(await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: greeter.id })).toMatchObject({ ok: true });
  });

  it("hides each one's comments from the other on activity and project discussions, in pages and the API, until unblocked", async () => {
    const org = await organizedGroup();
    const [blocker, blocked, bystander] = [await makeUser(), await makeUser(), await makeUser()];
    const activity = await makeActivity(org.group.id);
    const project = await makeProject(org.group.id);
    for (const target of [{ activityId: activity.id }, { projectId: project.id }]) {
      expect(await postComment(blocker, target, "From the one who blocks")).toMatchObject({ ok: true });
      expect(await postComment(blocked, target, "From the one blocked")).toMatchObject({ ok: true });
      expect(await postComment(bystander, target, "From a bystander")).toMatchObject({ ok: true });
    }
    await blockMember(blocker.id, blocked.id);

    const bodies = async (target: { activityId: string } | { projectId: string }, viewerId: string) => (await listComments(target, { id: viewerId })).map((c) => c.body);
    for (const target of [{ activityId: activity.id }, { projectId: project.id }]) {
      expect(await bodies(target, blocker.id)).toEqual(["From the one who blocks", "From a bystander"]);
      expect(await bodies(target, blocked.id)).toEqual(["From the one blocked", "From a bystander"]);
      expect(await bodies(target, bystander.id)).toHaveLength(3);
    }

    const tokenOf = async (id: string) => (await createApiToken(id, "script")).token;
    const apiBodies = async (route: typeof activityCommentsRoute, id: string, token: string) => {
      const res = await route(new Request(`http://localhost/api/x/${id}/comments`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { comments: { body: string | null }[] }).comments.map((c) => c.body);
    };
    const [blockerToken, blockedToken] = [await tokenOf(blocker.id), await tokenOf(blocked.id)];
    expect(await apiBodies(activityCommentsRoute, activity.id, blockerToken)).toEqual(["From the one who blocks", "From a bystander"]);
    expect(await apiBodies(projectCommentsRoute, project.id, blockedToken)).toEqual(["From the one blocked", "From a bystander"]);

    await unblockMember(blocker.id, blocked.id);
    expect(await bodies({ activityId: activity.id }, blocked.id)).toHaveLength(3);
  });

  it("blocks a comment's author by the comment alone, only for someone who can see that comment, never themselves", async () => {
    const org = await organizedGroup();
    const [author, reader, outsider] = [await makeUser(), await makeUser(), await makeUser()];
    const activity = await makeActivity(org.group.id);
    const posted = await postComment(author, { activityId: activity.id }, "Nobody asked you");
    if (!posted.ok) throw new Error("not posted");
    const circle = await makeGroup({ visibility: "private" });
    await addMember(circle.id, author.id);
    const hidden = await postComment(author, { activityId: (await makeActivity(circle.id)).id }, "Inside the circle");
    if (!hidden.ok) throw new Error("not posted");

    expect(await blockCommentAuthor(author.id, posted.data.id)).toEqual({ ok: false, code: "self" });
    expect(await blockCommentAuthor(outsider.id, hidden.data.id)).toEqual({ ok: false, code: "not_found" });
    expect(await blockCommentAuthor(reader.id, "00000000-0000-4000-8000-000000000001")).toEqual({ ok: false, code: "not_found" });
    expect(await isBlockedEitherWay(outsider.id, author.id)).toBe(false);

    // The answer says nothing of who it was; the block is the same as one made from their page.
    expect(await blockCommentAuthor(reader.id, posted.data.id)).toEqual({ ok: true });
    expect((await listBlockedBy(reader.id)).map((b) => b.userId)).toEqual([author.id]);
    expect((await listComments({ activityId: activity.id }, { id: reader.id })).map((c) => c.body)).toEqual([]);
    // Once blocked, the comment is not theirs to see, so blocking again through it is not found.
    expect(await blockCommentAuthor(reader.id, posted.data.id)).toEqual({ ok: false, code: "not_found" });
  });

  it("an organizer who blocked a member is not sent that member's new comments", async () => {
    const org = await organizedGroup();
    const member = await makeUser();
    const activity = await makeActivity(org.group.id);
    await blockMember(org.organizer.id, member.id);
    expect(await postComment(member, { activityId: activity.id }, "Hello all")).toMatchObject({ ok: true });
    const db = await getDb();
    const told = await db.select().from(notifications).where(eq(notifications.userId, org.organizer.id));
    expect(told.map((n) => n.type)).not.toContain("new_comment");
  });

  it("a member cannot invite as check-in partner someone who blocked them or whom they blocked, and hears the same as for a stranger", async () => {
    const org = await organizedGroup();
    const [ann, bo, cy, stranger] = [await makeUser({ listedAsGoing: true }), await makeUser({ listedAsGoing: true }), await makeUser({ listedAsGoing: true }), await makeUser({ listedAsGoing: true })];
    await attended(org, [ann.id, bo.id, cy.id], 30);
    await attended(org, [ann.id, bo.id, cy.id], 20);
    const unknown = await invitePerson(ann.id, stranger.id, "weekly_meeting", 1);
    expect(unknown).toMatchObject({ ok: false, code: "not_found" });

    await blockMember(bo.id, ann.id);
    expect(await invitePerson(ann.id, bo.id, "weekly_meeting", 1)).toEqual(unknown);
    await blockMember(ann.id, cy.id);
    expect(await invitePerson(ann.id, cy.id, "weekly_meeting", 1)).toEqual(unknown);
    expect(JSON.stringify(unknown)).not.toMatch(/block/i);
    await unblockMember(bo.id, ann.id);
    expect(await invitePerson(ann.id, bo.id, "weekly_meeting", 1)).toMatchObject({ ok: true });
  });
});
