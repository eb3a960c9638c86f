import { describe, expect, it } from "vitest";
import { blockMember, unblockMember } from "@/db/mutations/blocks";
import { pairWithGreeter } from "@/db/mutations/go-together";
import { respondToActivity } from "@/db/mutations/rsvps";
import { getMemberProfile, isBlockedEitherWay, listBlockedBy } from "@/db/queries/blocks";
import { getWhoIsGoing } from "@/db/queries/rsvps";
import { getDb } from "@/db/client";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

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
});
