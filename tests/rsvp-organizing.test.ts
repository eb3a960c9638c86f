import { DateTime } from "luxon";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { markAllGoingAttended, markAttendance } from "@/db/mutations/attendance";
import { pairWithGreeter } from "@/db/mutations/go-together";
import { messageActivityList } from "@/db/mutations/messages";
import { respondToActivity } from "@/db/mutations/rsvps";
import { getWhoIsGoing, listRoster } from "@/db/queries/rsvps";
import { notifications, rsvps } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

async function going(activityId: string, userId: string, extra: { goTogether?: boolean; offersToGreet?: boolean } = {}) {
  const result = await respondToActivity(await getDb(), { activityId, userId, status: "going", ...extra });
  expect(result.ok).toBe(true);
}

async function notesOf(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

describe("who's going", () => {
  it("organizers see every name, members see only those who opted in, visitors only counts", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 2 });
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const listed = await makeUser({ name: "Listed Lou", listedAsGoing: true });
    const quiet = await makeUser({ name: "Quiet Quinn" });
    const waiting = await makeUser({ name: "Waiting Wren", listedAsGoing: true });
    for (const p of [listed, quiet, waiting]) await going(activity.id, p.id);

    const visitor = await getWhoIsGoing(activity.id, null);
    expect(visitor).toMatchObject({ goingCount: 2, waitlistCount: 1, names: [], unlistedGoing: 2 });
    const member = await getWhoIsGoing(activity.id, { id: (await makeUser()).id, isOrganizer: false });
    expect(member.names.map((n) => n.name)).toEqual(["Listed Lou"]);
    expect(member.unlistedGoing).toBe(1);
    const org = await getWhoIsGoing(activity.id, { id: organizer.id, isOrganizer: true });
    expect(org.names.map((n) => n.name).sort()).toEqual(["Listed Lou", "Quiet Quinn", "Waiting Wren"]);
  });
});

describe("attendance", () => {
  it("only organizers mark attendance, and only once the activity has started", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const member = await makeUser();
    await addMember(group.id, member.id);
    const upcoming = await makeActivity(group.id);
    await going(upcoming.id, member.id);
    expect(await markAttendance({ activityId: upcoming.id, actorId: organizer.id, userId: member.id, attendance: "attended" })).toMatchObject({ ok: false, code: "too_early" });

    const started = await makeActivity(group.id, { startsInHours: -1 });
    const db = await getDb();
    const others = [await makeUser(), await makeUser()];
    await db.insert(rsvps).values([member, ...others].map((p) => ({ activityId: started.id, userId: p.id, status: "going" as const })));
    expect(await markAttendance({ activityId: started.id, actorId: member.id, userId: member.id, attendance: "attended" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await markAttendance({ activityId: started.id, actorId: organizer.id, userId: member.id, attendance: "no_show" })).toEqual({ ok: true, marked: 1 });
    expect(await markAllGoingAttended({ activityId: started.id, actorId: organizer.id })).toEqual({ ok: true, marked: 2 });
    const roster = await listRoster(started.id);
    expect(roster.find((r) => r.userId === member.id)?.attendance).toBe("no_show");
    expect(roster.filter((r) => r.attendance === "attended")).toHaveLength(2);
    expect(await markAttendance({ activityId: started.id, actorId: organizer.id, userId: (await makeUser()).id, attendance: "attended" })).toMatchObject({ ok: false, code: "no_rsvp" });
  });
});

describe("go-together", () => {
  it("pairs a first-timer with a going member who offered, and tells both the meeting point and time", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { meetingPoint: "By the blue gate", placeName: "Park" });
    const shy = await makeUser({ name: "Sam" });
    const greeter = await makeUser({ name: "Gita" });
    const notOffered = await makeUser();
    await going(activity.id, shy.id, { goTogether: true });
    await going(activity.id, greeter.id, { offersToGreet: true });
    await going(activity.id, notOffered.id);

    expect(await pairWithGreeter({ activityId: activity.id, actorId: shy.id, memberId: shy.id, greeterId: greeter.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: notOffered.id })).toMatchObject({ ok: false, code: "invalid" });
    expect(await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: greeter.id })).toMatchObject({ ok: true });

    const db = await getDb();
    const [row] = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activity.id), eq(rsvps.userId, shy.id)));
    expect(row.greeterId).toBe(greeter.id);
    const [toShy] = (await notesOf(shy.id)).filter((n) => n.type === "go_together_paired");
    const [toGreeter] = (await notesOf(greeter.id)).filter((n) => n.type === "go_together_greeter");
    // A meeting point that already says where gets no second "at".
    expect(toShy.body).toContain("meet Gita by the blue gate, ");
    expect(toGreeter.body).toContain("Meet them by the blue gate, ");
    // An organizer can always greet.
    expect(await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: organizer.id })).toMatchObject({ ok: true });
  });

  it('tells the pair "meet Gita at the green shed" and the time as 09:30, the same way as everywhere else', async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const start = DateTime.now().setZone("Europe/London").plus({ days: 2 }).set({ hour: 9, minute: 30, second: 0, millisecond: 0 });
    const activity = await makeActivity(group.id, { meetingPoint: "At the green shed", startsInHours: (start.toMillis() - Date.now()) / 3_600_000 });
    const shy = await makeUser({ name: "Sam" });
    const greeter = await makeUser({ name: "Gita" });
    await going(activity.id, shy.id, { goTogether: true });
    await going(activity.id, greeter.id, { offersToGreet: true });
    expect(await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: greeter.id })).toMatchObject({ ok: true });
    const [toShy] = (await notesOf(shy.id)).filter((n) => n.type === "go_together_paired");
    expect(toShy.body).toBe(`You won't arrive alone: meet Gita at the green shed, ${start.toFormat("cccc d LLLL")}, 09:30.`);
    const [confirmed] = (await notesOf(shy.id)).filter((n) => n.type !== "go_together_paired" && n.body.startsWith("See you"));
    expect(confirmed?.body).toBe(`See you ${start.toFormat("cccc d LLLL")}, 09:30.`);
  });

  it("a greeter who stops going leaves their first-timer needing a new greeter", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "owner");
    const activity = await makeActivity(group.id);
    const shy = await makeUser();
    const greeter = await makeUser();
    await going(activity.id, shy.id, { goTogether: true });
    await going(activity.id, greeter.id, { offersToGreet: true });
    await pairWithGreeter({ activityId: activity.id, actorId: organizer.id, memberId: shy.id, greeterId: greeter.id });
    await respondToActivity(await getDb(), { activityId: activity.id, userId: greeter.id, status: "not_going" });
    const roster = await listRoster(activity.id);
    expect(roster.find((r) => r.userId === shy.id)?.greeterId).toBeNull();
  });
});

describe("message everyone going", () => {
  it("reaches each going member once and nobody else", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { capacity: 1 });
    const [a, b] = [await makeUser(), await makeUser()];
    await going(activity.id, a.id);
    await going(activity.id, b.id);
    expect(await messageActivityList({ activityId: activity.id, actorId: a.id, audience: "going", message: "hi" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await messageActivityList({ activityId: activity.id, actorId: organizer.id, audience: "going", message: "Bring water" })).toEqual({ ok: true, sent: 1 });
    expect((await notesOf(a.id)).filter((n) => n.type === "organizer_message").map((n) => n.body)).toEqual(["Bring water"]);
    expect((await notesOf(b.id)).filter((n) => n.type === "organizer_message")).toEqual([]);
  });
});
