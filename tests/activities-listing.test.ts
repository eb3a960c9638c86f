import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getActivityForViewer, listActivities } from "@/db/queries/activities";
import { activityFiltersSchema } from "@/lib/validation/activity-filters";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

const filters = (raw: Record<string, unknown>) => activityFiltersSchema.parse(raw);
const zone = "Europe/London";

describe("the activity listing", () => {
  it("shows a public group's activity to a visitor, with spots left from its capacity", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { capacity: 8, goingCount: 3, waitlistCount: 0, title: "Canal towpath stroll" });
    const { items } = await listActivities(filters({ group: group.slug }), { viewerId: null, zone });
    expect(items.map((i) => i.id)).toEqual([a.id]);
    expect(items[0].spotsLeft).toBe(5);
    expect(items[0].group.slug).toBe(group.slug);
  });

  it("hides a private group's activities from visitors and other members, but not from its members", async () => {
    const group = await makeGroup({ visibility: "private" });
    const insider = await makeUser();
    const outsider = await makeUser();
    await addMember(group.id, insider.id);
    const a = await makeActivity(group.id);
    for (const viewerId of [null, outsider.id]) {
      expect((await listActivities(filters({ group: group.slug }), { viewerId, zone })).items).toHaveLength(0);
      expect(await getActivityForViewer(a.id, viewerId)).toBeUndefined();
    }
    expect((await listActivities(filters({ group: group.slug }), { viewerId: insider.id, zone })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await getActivityForViewer(a.id, insider.id))?.id).toBe(a.id);
  });

  it("filters by kind, energy, talk, first-timer and substance-free together", async () => {
    const group = await makeGroup();
    const match = await makeActivity(group.id, { kind: "hobby", energyLevel: "low", talkLevel: "quiet", firstTimerFriendly: true, substanceFree: true });
    await makeActivity(group.id, { kind: "hobby", energyLevel: "high", talkLevel: "quiet", firstTimerFriendly: true, substanceFree: true });
    await makeActivity(group.id, { kind: "walk", energyLevel: "low", talkLevel: "quiet", firstTimerFriendly: true, substanceFree: true });
    await makeActivity(group.id, { kind: "hobby", energyLevel: "low", talkLevel: "quiet", firstTimerFriendly: false, substanceFree: true });
    const { items } = await listActivities(filters({ group: group.slug, kind: "hobby", energy: "low", talk: "quiet", firstTimer: "1", substanceFree: "1" }), { viewerId: null, zone });
    expect(items.map((i) => i.id)).toEqual([match.id]);
  });

  it("finds activities by words in the title or description, whatever characters are typed", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { title: "Bike repair evening", description: "Bring a **puncture** and we'll fix it together." });
    await makeActivity(group.id, { title: "Sketching in the park" });
    expect((await listActivities(filters({ group: group.slug, q: "punctures" }), { viewerId: null, zone })).items.map((i) => i.id)).toEqual([a.id]);
    const odd = await listActivities(filters({ group: group.slug, q: `"unbalanced & ( ! :*` }), { viewerId: null, zone });
    expect(odd.items).toEqual([]);
    // Within a named range the words are matched row by row rather than through the word
    // index: the same activities are found, and only those in the range.
    const later = await makeActivity(group.id, { title: "Puncture clinic", startsInHours: 24 * 10 });
    const anyDate = await listActivities(filters({ group: group.slug, q: "punctures" }), { viewerId: null, zone });
    expect(anyDate.items.map((i) => i.id)).toEqual([a.id, later.id]);
    const thisWeek = await listActivities(filters({ group: group.slug, q: "punctures", when: "week" }), { viewerId: null, zone });
    expect(thisWeek.items.map((i) => i.id)).toEqual([a.id]);
    expect(thisWeek.total).toBe(1);
    expect((await listActivities(filters({ group: group.slug, q: "sketching", when: "week" }), { viewerId: null, zone })).items).toHaveLength(1);
  });

  it("finds a group walk called a stroll by the word walk, in any of its forms, and still within the other filters", async () => {
    const group = await makeGroup();
    const stroll = await makeActivity(group.id, { kind: "walk", title: "Lunchtime stroll", description: "Round the park and back.", energyLevel: "low" });
    const named = await makeActivity(group.id, { kind: "hobby", title: "Walk-and-sketch club", description: "We draw as we go.", startsInHours: 30, energyLevel: "low" });
    const other = await makeActivity(group.id, { kind: "hobby", title: "Board games night", description: "Dice and cards.", startsInHours: 40, energyLevel: "low" });
    const found = async (q: string, more: Record<string, unknown> = {}) =>
      (await listActivities(filters({ group: group.slug, q, ...more }), { viewerId: null, zone })).items.map((i) => i.id);
    for (const q of ["walk", "walks", "walking", "a ramble", "hike"]) expect(await found(q)).toContain(stroll.id);
    // Stemming reads the title's word too: "walks" and "walking" find "Walk-and-sketch".
    for (const q of ["walks", "walking"]) expect(await found(q)).toEqual([stroll.id, named.id]);
    // Within a named range the words are matched row by row: the kind's words are there too.
    expect(await found("walk", { when: "week" })).toEqual([stroll.id, named.id]);
    // The other filters still hold: only group walks, only high energy.
    expect(await found("walk", { kind: "walk" })).toEqual([stroll.id]);
    expect(await found("walk", { energy: "high" })).toEqual([]);
    // A hobby meetup is found by "meetup", a board games night is never a walk.
    expect(await found("meetup")).toEqual([named.id, other.id]);
    expect(await found("walk")).not.toContain(other.id);
  });

  it("sorts by start time, leaves out what has ended and pages through the rest", async () => {
    const group = await makeGroup();
    await makeActivity(group.id, { startsInHours: -5 });
    const later = await makeActivity(group.id, { startsInHours: 50 });
    const sooner = await makeActivity(group.id, { startsInHours: 3 });
    const middle = await makeActivity(group.id, { startsInHours: 20 });
    const first = await listActivities(filters({ group: group.slug, perPage: "2" }), { viewerId: null, zone });
    expect(first.total).toBe(3);
    expect(first.pageCount).toBe(2);
    expect(first.items.map((i) => i.id)).toEqual([sooner.id, middle.id]);
    const second = await listActivities(filters({ group: group.slug, perPage: "2", page: "2" }), { viewerId: null, zone });
    expect(second.items.map((i) => i.id)).toEqual([later.id]);
  });

  it("keeps an activity that began thirteen days ago and runs a fortnight, but not one that has ended", async () => {
    const group = await makeGroup();
    const running = await makeActivity(group.id, { startsInHours: -13 * 24, endsAt: new Date(Date.now() + 24 * 3600_000) });
    await makeActivity(group.id, { startsInHours: -3 * 24 });
    const { items, total, totalIsExact } = await listActivities(filters({ group: group.slug }), { viewerId: null, zone });
    expect(items.map((i) => i.id)).toEqual([running.id]);
    expect({ total, totalIsExact }).toEqual({ total: 1, totalIsExact: true });
  });

  it("counts only so far past the page it shows, says there are more, and still pages on to the end", async () => {
    const group = await makeGroup();
    const db = await getDb();
    // 230 hourly walks: more than the listing counts past its first page.
    await db.execute(sql`insert into activities (group_id, kind, title, starts_at, ends_at, timezone, energy_level, talk_level)
      select ${group.id}, 'walk', 'Walk ' || n, now() + n * interval '1 hour', now() + n * interval '1 hour' + interval '1 hour', 'Europe/London', 'low', 'some_chat'
      from generate_series(1, 230) as n`);
    const first = await listActivities(filters({ group: group.slug, perPage: "20" }), { viewerId: null, zone });
    expect(first.items.map((i) => i.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Walk ${i + 1}`));
    expect({ total: first.total, exact: first.totalIsExact, pageCount: first.pageCount, hasMore: first.hasMore }).toEqual({ total: 200, exact: false, pageCount: null, hasMore: true });
    const eleventh = await listActivities(filters({ group: group.slug, perPage: "20", page: "11" }), { viewerId: null, zone });
    expect({ total: eleventh.total, exact: eleventh.totalIsExact, pageCount: eleventh.pageCount, hasMore: eleventh.hasMore }).toEqual({ total: 230, exact: true, pageCount: 12, hasMore: true });
    const last = await listActivities(filters({ group: group.slug, perPage: "20", page: "12" }), { viewerId: null, zone });
    expect(last.items.map((i) => i.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Walk ${i + 221}`));
    expect(last.hasMore).toBe(false);
  });

  it("without a count, a page still knows whether another follows", async () => {
    const group = await makeGroup();
    for (const h of [2, 4, 6]) await makeActivity(group.id, { startsInHours: h });
    const two = await listActivities(filters({ group: group.slug, perPage: "2" }), { viewerId: null, zone, count: false });
    expect({ n: two.items.length, hasMore: two.hasMore }).toEqual({ n: 2, hasMore: true });
    const three = await listActivities(filters({ group: group.slug, perPage: "3" }), { viewerId: null, zone, count: false });
    expect({ n: three.items.length, hasMore: three.hasMore }).toEqual({ n: 3, hasMore: false });
  });

  it("keeps only activities with a free place when asked for spots left", async () => {
    const group = await makeGroup();
    await makeActivity(group.id, { capacity: 2, goingCount: 2 });
    const open = await makeActivity(group.id, { capacity: 2, goingCount: 1 });
    const unlimited = await makeActivity(group.id, { capacity: null, startsInHours: 30 });
    const { items } = await listActivities(filters({ group: group.slug, spotsLeft: "1" }), { viewerId: null, zone });
    expect(items.map((i) => i.id)).toEqual([open.id, unlimited.id]);
  });

  it("finds what is within a distance of a point", async () => {
    const group = await makeGroup();
    const near = await makeActivity(group.id, { latitude: 53.8, longitude: -1.55 });
    await makeActivity(group.id, { latitude: 53.9, longitude: -1.2 });
    const { items } = await listActivities(filters({ group: group.slug, lat: "53.801", lng: "-1.551", km: "2" }), { viewerId: null, zone });
    expect(items.map((i) => i.id)).toEqual([near.id]);
    expect(items[0].distanceKm).toBeLessThan(1);
  });

  it("nearest first, when asked, lists the closest before the soonest; without a point it says what is missing", async () => {
    const group = await makeGroup();
    const far = await makeActivity(group.id, { latitude: 53.83, longitude: -1.55, startsInHours: 2 });
    const middle = await makeActivity(group.id, { latitude: 53.815, longitude: -1.55, startsInHours: 5 });
    const close = await makeActivity(group.id, { latitude: 53.8, longitude: -1.55, startsInHours: 30 });
    const point = { group: group.slug, lat: "53.8", lng: "-1.55", km: "5" };
    expect((await listActivities(filters(point), { viewerId: null, zone })).items.map((i) => i.id)).toEqual([far.id, middle.id, close.id]);
    const nearest = await listActivities(filters({ ...point, sort: "nearest" }), { viewerId: null, zone });
    expect(nearest.items.map((i) => i.id)).toEqual([close.id, middle.id, far.id]);
    expect(nearest.items.map((i) => i.distanceKm)).toEqual([0, 1.7, 3.3]);
    const noPoint = activityFiltersSchema.safeParse({ sort: "nearest" });
    expect(noPoint.success).toBe(false);
    expect(noPoint.error?.issues[0]).toMatchObject({ path: ["sort"], message: "Nearest first needs a point: add a neighbourhood, near, or lat and lng." });
  });

  it("takes 'today' in the viewer's zone, not the server's", async () => {
    const group = await makeGroup();
    // 23:30 London time on a winter day; "today" must end 30 minutes later in London.
    const now = new Date("2026-12-02T23:30:00Z");
    const tonight = await makeActivity(group.id, { startsAt: new Date("2026-12-02T23:40:00Z"), endsAt: new Date("2026-12-02T23:55:00Z") });
    await makeActivity(group.id, { startsAt: new Date("2026-12-03T00:10:00Z"), endsAt: new Date("2026-12-03T01:00:00Z") });
    const { items } = await listActivities(filters({ group: group.slug, when: "today" }), { viewerId: null, zone, now });
    expect(items.map((i) => i.id)).toEqual([tonight.id]);
  });
});

describe("a member's week", () => {
  it("lists what they are going to, waiting for or trying for in the next seven days, and nothing else", async () => {
    const { listUpcomingForMember } = await import("@/db/queries/activities");
    const { getDb } = await import("@/db/client");
    const { rsvps } = await import("@/db/schema");
    const me = await makeUser();
    const group = await makeGroup();
    const soon = await makeActivity(group.id, { startsInHours: 30 });
    const waiting = await makeActivity(group.id, { startsInHours: 40 });
    const declined = await makeActivity(group.id, { startsInHours: 50 });
    const farAway = await makeActivity(group.id, { startsInHours: 24 * 10 });
    const db = await getDb();
    await db.insert(rsvps).values([
      { activityId: soon.id, userId: me.id, status: "going" },
      { activityId: waiting.id, userId: me.id, status: "waitlisted" },
      { activityId: declined.id, userId: me.id, status: "not_going" },
      { activityId: farAway.id, userId: me.id, status: "going" },
    ]);
    const week = await listUpcomingForMember(me.id, new Date(Date.now() + 7 * 24 * 3600_000));
    expect(week.map((a) => [a.id, a.myStatus])).toEqual([
      [soon.id, "going"],
      [waiting.id, "waitlisted"],
    ]);
    // The home page reads the same week with this week's progress, in one statement.
    const { getMyWeek } = await import("@/db/queries/home");
    const home = await getMyWeek(me.id, "Europe/London", new Date(), new Date(Date.now() + 7 * 24 * 3600_000));
    expect(home.upcoming.map((a) => [a.id, a.myStatus])).toEqual([
      [soon.id, "going"],
      [waiting.id, "waitlisted"],
    ]);
  });
});
