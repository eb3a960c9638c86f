import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { leaveGroup } from "@/db/mutations/groups";
import { savePlan } from "@/db/mutations/plan";
import { saveReflection } from "@/db/mutations/reflections";
import { getPlan, getSuggestions, planForSuggestions } from "@/db/queries/plan";
import { rsvps, type Activity } from "@/db/schema";
import { rankSuggestions, type Candidate } from "@/lib/connection/suggestions";
import { planInputSchema } from "@/lib/validation/connection";
import { attended, organizedGroup } from "./helpers/connection";
import { addMember, makeActivity, makeUser } from "./helpers/factories";

/*
 * Suggestions are ranked by one statement in PostgreSQL; the rules of lib/connection/suggestions.ts
 * are the reference. Over a fortnight of varied activities (times of day, energy, kinds, groups
 * chosen, left or reflected on, full or answered ones), both pick the same activities in the same
 * order with the same reasons, whatever the list's length.
 */

const ZONE = "Asia/Kolkata";

describe("suggestions ranked in the database", () => {
  it("pick the same activities, in the same order and for the same reasons, as the reference rules", async () => {
    const walkers = await organizedGroup({ name: "Ranking Walkers" });
    const makers = await organizedGroup({ name: "Ranking Makers" });
    const growers = await organizedGroup({ name: "Ranking Growers" });
    const left = await organizedGroup({ name: "Ranking Left" });
    const sam = await makeUser();
    await addMember(left.group.id, sam.id);
    expect((await leaveGroup(sam, left.group.id)).ok).toBe(true);
    // History: lifted after a makers' evening, drained by a growers' morning; a walk attended lately.
    const lifted = await attended(makers, [sam.id], 30, { title: "knitting circle", kind: "hobby" });
    const drained = await attended(growers, [sam.id], 50, { title: "dig day", kind: "volunteer" });
    await attended(walkers, [sam.id], 70, { kind: "walk" });
    expect(await saveReflection({ userId: sam.id, activityId: lifted.id, feeling: "lifted", note: "" })).toMatchObject({ ok: true });
    expect(await saveReflection({ userId: sam.id, activityId: drained.id, feeling: "drained", note: "" })).toMatchObject({ ok: true });
    await savePlan(
      sam.id,
      planInputSchema.parse({
        weeklyTotalGoal: 3,
        weeklyLowEnergyGoal: 1,
        weeklySharedPurposeGoal: 1,
        usualEnergy: "medium",
        freeTimes: [
          { day: 1, from: "06:00", to: "12:00" },
          { day: 3, from: "17:00", to: "23:30" },
          { day: 6, from: "00:00", to: "23:59" },
          { day: 7, from: "09:00", to: "17:00" },
        ],
        interestKinds: ["walk"],
        interestGroupIds: [growers.group.id],
        interests: ["herons", "  Lamp "],
      }),
    );
    // A fortnight of its own far ahead, so no other test's activities share it.
    const base = 1234 * 24;
    const now = new Date(Date.now() + base * 3_600_000);
    const groupsInTurn = [walkers, makers, growers, left];
    const kinds = ["walk", "hobby", "volunteer"] as const;
    const energies = ["low", "medium", "high"] as const;
    const made: { activity: Activity; groupName: string; answered: boolean }[] = [];
    const db = await getDb();
    for (let i = 0; i < 36; i++) {
      const group = groupsInTurn[i % 4];
      const activity = await makeActivity(group.group.id, {
        startsInHours: base + 2 + i * 9.25,
        kind: kinds[i % 3],
        energyLevel: energies[(i * 7) % 3],
        title: i % 5 === 0 ? "Heron watch" : i % 7 === 0 ? "Lamp repair" : `Ranking ${i}`,
        description: i % 6 === 0 ? "We may see herons." : "",
        capacity: i % 8 === 0 ? 4 : null,
        goingCount: i % 8 === 0 ? (i % 16 === 0 ? 4 : 2) : 0,
      });
      const answered = i % 11 === 3;
      if (answered) await db.insert(rsvps).values({ activityId: activity.id, userId: sam.id, status: "maybe" });
      made.push({ activity, groupName: group.group.name, answered });
    }
    const candidates: Candidate[] = made.map(({ activity: a, groupName, answered }) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      kind: a.kind,
      groupId: a.groupId,
      groupName,
      seriesId: a.seriesId,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      energyLevel: a.energyLevel,
      spotsLeft: a.capacity === null ? null : Math.max(0, a.capacity - a.goingCount),
      isSharedPurpose: a.kind === "volunteer" || a.projectId !== null,
      answered,
      involvesBlocked: false,
      cancelled: false,
    }));
    const plan = planForSuggestions(await getPlan(sam.id));
    const history = {
      reflections: [
        { activityTitle: "knitting circle", kind: "hobby" as const, groupId: makers.group.id, feeling: "lifted" as const },
        { activityTitle: "dig day", kind: "volunteer" as const, groupId: growers.group.id, feeling: "drained" as const },
      ],
      // Attended activities were days before this far-off "now": none is recent, each kind was tried.
      recentGroupIds: [],
      recentKinds: [],
      triedKinds: ["hobby" as const, "volunteer" as const, "walk" as const],
      leftGroupIds: [left.group.id],
      thisWeek: { lowEnergy: 0, sharedPurpose: 0 },
    };
    for (const limit of [1, 3, 5, 20]) {
      const expected = rankSuggestions({ plan, candidates, history, now, zone: ZONE, limit });
      const got = await getSuggestions(sam.id, ZONE, { now, limit, progress: { lowEnergy: 0, sharedPurpose: 0 } });
      expect(got.map((s) => [s.title, s.reasons]), `limit ${limit}`).toEqual(expected.map((s) => [s.title, s.reasons]));
      expect(got.length, `limit ${limit}`).toBeGreaterThan(0);
    }
  });
});
