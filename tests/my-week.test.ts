import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listMyWeek } from "@/db/queries/my-week";
import { activities, memberships, rsvps } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * "My week" (/me/week), the page the installed app keeps for reading offline: the member's own
 * answers for the next seven days, with where to go and who hosts, and nothing they may no
 * longer see.
 */

const DAY_MS = 86_400_000;
const week = (userId: string) => {
  const now = new Date();
  return listMyWeek(userId, now, new Date(now.getTime() + 7 * DAY_MS));
};

async function answer(activityId: string, userId: string, status: "going" | "waitlisted" | "maybe" | "not_going") {
  const db = await getDb();
  await db.insert(rsvps).values({ activityId, userId, status });
}

describe("my week", () => {
  it("lists the member's own going, waitlisted and maybe answers for the next seven days, soonest first, with place, meeting point and host", async () => {
    const [member, other, host] = await Promise.all([makeUser(), makeUser(), makeUser({ name: "Rosa Host" })]);
    const group = await makeGroup({ name: "Canal Walkers" });
    await addMember(group.id, host.id, "organizer");
    const later = await makeActivity(group.id, { title: "Thursday walk", startsInHours: 72, placeName: "Lock 7", address: "1 Towpath", meetingPoint: "By the bench", hostId: host.id });
    const sooner = await makeActivity(group.id, { title: "Morning repair café", startsInHours: 3 });
    const waiting = await makeActivity(group.id, { startsInHours: 30 });
    const declined = await makeActivity(group.id, { startsInHours: 40 });
    const tooFar = await makeActivity(group.id, { startsInHours: 8 * 24 });
    const over = await makeActivity(group.id, { startsInHours: -5 });
    const someoneElses = await makeActivity(group.id, { startsInHours: 10, title: "Not mine" });
    await answer(later.id, member.id, "going");
    await answer(sooner.id, member.id, "maybe");
    await answer(waiting.id, member.id, "waitlisted");
    await answer(declined.id, member.id, "not_going");
    await answer(tooFar.id, member.id, "going");
    await answer(over.id, member.id, "going");
    await answer(someoneElses.id, other.id, "going");

    const mine = await week(member.id);
    expect(mine.map((i) => [i.id, i.myStatus])).toEqual([
      [sooner.id, "maybe"],
      [waiting.id, "waitlisted"],
      [later.id, "going"],
    ]);
    expect(mine[2]).toMatchObject({ title: "Thursday walk", placeName: "Lock 7", address: "1 Towpath", meetingPoint: "By the bench", hostName: "Rosa Host", groupName: "Canal Walkers", groupSlug: group.slug, timezone: "Europe/London", cancelled: false });
    expect(JSON.stringify(mine)).not.toContain("Not mine");
    expect((await week(other.id)).map((i) => i.id)).toEqual([someoneElses.id]);
  });

  it("a cancelled activity stays in the week, marked cancelled, so the member knows not to go", async () => {
    const member = await makeUser();
    const group = await makeGroup();
    const a = await makeActivity(group.id, { status: "cancelled", cancelledAt: new Date() });
    await answer(a.id, member.id, "going");
    expect((await week(member.id)).map((i) => [i.id, i.cancelled])).toEqual([[a.id, true]]);
  });

  it("the online link is there for a member going, not for one who will only try", async () => {
    const [going, trying] = await Promise.all([makeUser(), makeUser()]);
    const group = await makeGroup();
    const a = await makeActivity(group.id, { onlineUrl: "https://meet.example.org/circle" });
    await answer(a.id, going.id, "going");
    await answer(a.id, trying.id, "maybe");
    expect((await week(going.id))[0].meetingLink).toBe("https://meet.example.org/circle");
    expect((await week(trying.id))[0].meetingLink).toBeNull();
  });

  it("a private group's activity is there for its members only: once removed, it leaves the week, retitled or not", async () => {
    const member = await makeUser();
    const group = await makeGroup({ visibility: "private", inviteCode: `code-${crypto.randomUUID()}` });
    await addMember(group.id, member.id);
    const a = await makeActivity(group.id, { title: "Circle evening" });
    await answer(a.id, member.id, "going");
    expect((await week(member.id)).map((i) => i.title)).toEqual(["Circle evening"]);

    const db = await getDb();
    await db.delete(memberships).where(and(eq(memberships.groupId, group.id), eq(memberships.userId, member.id)));
    await db.update(activities).set({ title: "Renamed after the removal" }).where(eq(activities.id, a.id));
    expect(await week(member.id)).toEqual([]);
  });

  it("an activity hidden by moderation, or in a hidden group, leaves the week", async () => {
    const member = await makeUser();
    const [group, hiddenGroup] = await Promise.all([makeGroup(), makeGroup({ hiddenAt: new Date() })]);
    const hidden = await makeActivity(group.id, { hiddenAt: new Date() });
    const inHiddenGroup = await makeActivity(hiddenGroup.id);
    const shown = await makeActivity(group.id);
    for (const a of [hidden, inHiddenGroup, shown]) await answer(a.id, member.id, "going");
    expect((await week(member.id)).map((i) => i.id)).toEqual([shown.id]);
  });
});
