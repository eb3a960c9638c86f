import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as suggestionsRoute } from "@/app/api/me/suggestions/route";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/mutations/api-tokens";
import { translator } from "@/lib/i18n/catalog";
import { leaveGroup } from "@/db/mutations/groups";
import { savePlan } from "@/db/mutations/plan";
import { saveReflection } from "@/db/mutations/reflections";
import { listPeopleMet } from "@/db/queries/connection-facts";
import { getMyCorner, getMyWeek } from "@/db/queries/home";
import { getParticipation } from "@/db/queries/participation";
import { getPlan, getSuggestions, getWeekProgress } from "@/db/queries/plan";
import { getReflectionOffer, listReflectionsWaiting } from "@/db/queries/reflections";
import { blocks, rsvps, users } from "@/db/schema";
import { planInputSchema } from "@/lib/validation/connection";
import { attended, goingToPast, organizedGroup } from "./helpers/connection";
import { addMember, makeActivity, makeUser } from "./helpers/factories";

const ZONE = "Europe/London";

describe("my participation", () => {
  it("counts attendance marked by organizers, not RSVPs, and draws twelve Monday weeks", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    await attended(org, [sam.id], 3, { kind: "walk" });
    await attended(org, [sam.id], 24 * 7 * 2 + 3, { kind: "volunteer" });
    await goingToPast(org.group.id, [sam.id], 5); // going, never marked: not counted
    const p = await getParticipation(sam.id, ZONE);
    expect(p.attendedCount).toBe(2);
    expect(p.weeks).toHaveLength(12);
    expect(p.weeks.reduce((n, w) => n + w.activities, 0)).toBe(2);
    expect(p.weeksWithConnection).toBe(2);
    expect(p.byKind.map((k) => k.kind).sort()).toEqual(["volunteer", "walk"]);
    expect(p.byGroup).toEqual([{ groupId: org.group.id, name: org.group.name, count: 2 }]);
    expect(p.verifiedHours).toBe(0);
  });

  it("lists people met at two or more of the same activities only when they chose to be listed, and never across a block", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    const listed = await makeUser({ listedAsGoing: true, name: "Listed Lou" });
    const unlisted = await makeUser({ listedAsGoing: false });
    const blocker = await makeUser({ listedAsGoing: true });
    const once = await makeUser({ listedAsGoing: true });
    await attended(org, [sam.id, listed.id, unlisted.id, blocker.id, once.id], 30);
    await attended(org, [sam.id, listed.id, unlisted.id, blocker.id], 20);
    const db = await getDb();
    await db.insert(blocks).values({ blockerId: blocker.id, blockedId: sam.id });
    expect((await listPeopleMet(sam.id, 2)).map((p) => p.name)).toEqual(["Listed Lou"]);
    // Changing one's mind about being listed takes effect at once.
    await db.update(users).set({ listedAsGoing: false }).where(eq(users.id, listed.id));
    expect(await listPeopleMet(sam.id, 2)).toEqual([]);
  });
});

describe("connection plan", () => {
  it("shows this week against the goal and suggests fitting activities with reasons, never a group left", async () => {
    const org = await organizedGroup({ name: "Plan Walkers" });
    const left = await organizedGroup({ name: "Groups Past" });
    const sam = await makeUser();
    await addMember(left.group.id, sam.id);
    expect((await leaveGroup(sam, left.group.id)).ok).toBe(true);
    await savePlan(sam.id, planInputSchema.parse({ weeklyTotalGoal: 2, weeklyLowEnergyGoal: 1, usualEnergy: "low" }));
    // The home page reads the plan with the member's partners and milestones, in one statement.
    expect((await getMyCorner(sam.id, new Date(), new Date())).plan).toEqual(await getPlan(sam.id));
    // A week of its own far ahead: on a shared PostgreSQL database other files' activities fill
    // the coming days, and suggestions only ever show the best few.
    const at = 500 * 24;
    const now = new Date(Date.now() + at * 3_600_000);
    const fit = await makeActivity(org.group.id, { startsInHours: at + 30, energyLevel: "low", title: "Gentle loop" });
    await makeActivity(org.group.id, { startsInHours: at + 31, energyLevel: "high", title: "Hill sprint" });
    await makeActivity(left.group.id, { startsInHours: at + 32, energyLevel: "low", title: "Left group walk" });
    const suggestions = await getSuggestions(sam.id, ZONE, { now });
    const titles = suggestions.map((s) => s.title);
    expect(titles).toContain("Gentle loop");
    expect(titles).not.toContain("Hill sprint");
    expect(titles).not.toContain("Left group walk");
    expect(suggestions.find((s) => s.id === fit.id)?.reasons).toContain("low energy");
    const db = await getDb();
    await db.insert(rsvps).values({ activityId: fit.id, userId: sam.id, status: "going" });
    expect((await getSuggestions(sam.id, ZONE, { now })).map((s) => s.id)).not.toContain(fit.id);
  });

  it("counts this week's going and attended activities, not ones marked no-show or only maybe", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    const db = await getDb();
    const make = (status: "going" | "maybe", attendance: "attended" | "no_show" | null, over = {}) =>
      makeActivity(org.group.id, { startsInHours: 1, ...over }).then(async (a) => {
        await db.insert(rsvps).values({ activityId: a.id, userId: sam.id, status, attendance });
        return a;
      });
    const going = await make("going", null, { kind: "volunteer", energyLevel: "medium" });
    await make("going", "attended", { energyLevel: "low" });
    await make("going", "no_show");
    await make("maybe", null);
    const progress = await getWeekProgress(sam.id, ZONE, going.startsAt);
    expect({ total: progress.total, low: progress.lowEnergy, shared: progress.sharedPurpose }).toEqual({ total: 2, low: 1, shared: 1 });
    // The home page reads the same progress with the rest of the member's week.
    expect((await getMyWeek(sam.id, ZONE, going.startsAt, going.startsAt)).progress).toEqual(progress);
  });
});

describe("reflections", () => {
  it("are offered for a week after an attended activity, only to the attendee, and feed suggestions", async () => {
    const org = await organizedGroup({ name: "Repair Folk" });
    const sam = await makeUser();
    const other = await makeUser();
    const past = await attended(org, [sam.id], 4, { title: "repair café" });
    expect((await listReflectionsWaiting(sam.id)).map((r) => r.activityId)).toEqual([past.id]);
    expect((await getMyWeek(sam.id, ZONE, new Date(), new Date())).reflectionsWaiting.map((r) => r.activityId)).toEqual([past.id]);
    expect(await getReflectionOffer(past.id, other.id)).toBeUndefined();
    expect(await saveReflection({ userId: other.id, activityId: past.id, feeling: "ok", note: "" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveReflection({ userId: sam.id, activityId: past.id, feeling: "lifted", note: "Fixed a lamp." })).toMatchObject({ ok: true });
    expect(await listReflectionsWaiting(sam.id)).toEqual([]);
    expect((await getMyWeek(sam.id, ZONE, new Date(), new Date())).reflectionsWaiting).toEqual([]);
    expect((await getReflectionOffer(past.id, sam.id))?.mine).toEqual({ feeling: "lifted", note: "Fixed a lamp." });
    await makeActivity(org.group.id, { startsInHours: 40, title: "Next repair café" });
    const [s] = await getSuggestions(sam.id, ZONE);
    expect(s.reasons).toContain("you felt lifted after the last repair café");
    // Through the API, the reasons follow the caller's language as its refusals do.
    const { token } = await createApiToken(sam.id, "suggestions");
    const ask = async (headers: Record<string, string>) => {
      const res = await suggestionsRoute(new Request("http://hub.test/api/me/suggestions", { headers: { authorization: `Bearer ${token}`, ...headers } }));
      expect(res.status).toBe(200);
      return ((await res.json()) as { suggestions: { why: string[] }[] }).suggestions[0].why;
    };
    expect(await ask({})).toContain("you felt lifted after the last repair café");
    const spanish = await ask({ "accept-language": "es-ES,es;q=0.9" });
    expect(spanish).toContain(translator("es", "connection")("reason.lifted", { title: "repair café" }));
    expect(spanish).not.toContain("you felt lifted after the last repair café");
  });

  it("close a week after the activity ends", async () => {
    const org = await organizedGroup();
    const sam = await makeUser();
    const old = await attended(org, [sam.id], 24 * 8);
    expect(await listReflectionsWaiting(sam.id)).toEqual([]);
    expect(await saveReflection({ userId: sam.id, activityId: old.id, feeling: "ok", note: "" })).toMatchObject({ ok: false, code: "closed" });
  });
});
