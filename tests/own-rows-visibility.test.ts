import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as myRsvpsRoute } from "@/app/api/me/rsvps/route";
import { GET as activityRoute } from "@/app/api/activities/[id]/route";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/mutations/api-tokens";
import { listMemberFeedActivities } from "@/db/queries/calendar";
import { listUpcomingForMember } from "@/db/queries/activities";
import { getMyWeek } from "@/db/queries/home";
import { activities, groups, memberships, rsvps } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * A member's own rows (their RSVPs, standing places, feeds) never outlive the visibility
 * rule: once a private group is out of their sight, nothing of it comes back through
 * "my" lists, just as its activity's own page and API are a 404.
 */
async function myRsvps(token: string) {
  const res = await myRsvpsRoute(new Request("http://hub.test/api/me/rsvps?past=true", { headers: { authorization: `Bearer ${token}` } }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { rsvps: Array<{ activity: { id: string; title: string } }> }).rsvps;
}

async function answer(activityId: string, userId: string, status: "going" | "not_going" | "maybe") {
  const db = await getDb();
  await db.insert(rsvps).values({ activityId, userId, status });
}

/** The week ahead as the home page reads it. */
const homeWeek = async (userId: string) => (await getMyWeek(userId, "Europe/London", new Date(), new Date(Date.now() + 7 * 86_400_000))).upcoming;

describe("a member's own RSVPs after a private group is out of their sight", () => {
  it("someone removed from a private circle no longer sees its activity, even retitled, in GET /api/me/rsvps", async () => {
    const member = await makeUser();
    const group = await makeGroup({ visibility: "private", inviteCode: `code-${crypto.randomUUID()}` });
    await addMember(group.id, member.id);
    const a = await makeActivity(group.id, { title: "Circle evening" });
    await answer(a.id, member.id, "not_going");
    const token = (await createApiToken(member.id, "me")).token;
    expect((await myRsvps(token)).map((r) => r.activity.id)).toContain(a.id);

    const db = await getDb();
    await db.delete(memberships).where(and(eq(memberships.groupId, group.id), eq(memberships.userId, member.id)));
    await db.update(activities).set({ title: "Renamed after the removal" }).where(eq(activities.id, a.id));

    const after = await myRsvps(token);
    expect(after.map((r) => r.activity.id)).not.toContain(a.id);
    expect(JSON.stringify(after)).not.toContain("Renamed after the removal");
    const direct = await activityRoute(new Request(`http://hub.test/api/activities/${a.id}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: a.id }) });
    expect(direct.status).toBe(404);
  });

  it("an outsider's answer to a public group made private drops out of their lists and feeds", async () => {
    const outsider = await makeUser();
    const group = await makeGroup();
    const a = await makeActivity(group.id, { title: "Open walk" });
    await answer(a.id, outsider.id, "maybe");
    const token = (await createApiToken(outsider.id, "me")).token;
    expect((await myRsvps(token)).map((r) => r.activity.id)).toContain(a.id);
    expect((await listUpcomingForMember(outsider.id, new Date(Date.now() + 7 * 86_400_000))).map((r) => r.id)).toContain(a.id);
    expect((await homeWeek(outsider.id)).map((r) => r.id)).toContain(a.id);

    const db = await getDb();
    await db.update(groups).set({ visibility: "private", inviteCode: `code-${crypto.randomUUID()}` }).where(eq(groups.id, group.id));

    expect((await myRsvps(token)).map((r) => r.activity.id)).not.toContain(a.id);
    expect((await listUpcomingForMember(outsider.id, new Date(Date.now() + 7 * 86_400_000))).map((r) => r.id)).not.toContain(a.id);
    expect((await homeWeek(outsider.id)).map((r) => r.id)).not.toContain(a.id);
    expect((await listMemberFeedActivities(outsider.id)).map((r) => r.id)).not.toContain(a.id);
  });

  it("members of the private group keep seeing their own RSVPs", async () => {
    const member = await makeUser();
    const group = await makeGroup({ visibility: "private", inviteCode: `code-${crypto.randomUUID()}` });
    await addMember(group.id, member.id);
    const a = await makeActivity(group.id);
    await answer(a.id, member.id, "going");
    expect((await myRsvps((await createApiToken(member.id, "me")).token)).map((r) => r.activity.id)).toContain(a.id);
  });
});
