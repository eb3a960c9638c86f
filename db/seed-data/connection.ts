import { DateTime } from "luxon";
import { reachedMilestones } from "@/lib/connection/milestones";
import { weekBounds } from "@/lib/connection/weeks";
import type * as schema from "../schema";
import { demoId } from "./random";
import { TOWN_ZONE } from "./town";

/*
 * Sam's private side of the demo town: a connection plan half met this week, a check-in
 * partner (Aisha) with a check-in due today, two reflections, the milestones Sam's facts
 * reach, and a mix with a gentle suggestion. Built from the rows already placed, so the
 * numbers always agree with what the pages compute.
 */

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface DemoConnection {
  reflections: Insert<typeof schema.reflections>[];
  connectionPlans: Insert<typeof schema.connectionPlans>[];
  partnerships: Insert<typeof schema.partnerships>[];
  checkIns: Insert<typeof schema.checkIns>[];
  milestones: Insert<typeof schema.milestones>[];
}

interface Placed {
  activities: Insert<typeof schema.activities>[];
  rsvps: Insert<typeof schema.rsvps>[];
  taskClaims: Insert<typeof schema.taskClaims>[];
}

export function buildSamConnection(now: Date, sam: string, aisha: string, activityId: (key: string) => string, town: Placed): DemoConnection {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const byId = new Map(town.activities.map((a) => [a.id!, a]));
  const { start, end } = weekBounds(now, TOWN_ZONE);
  const thisWeek = town.rsvps.filter((r) => {
    const a = byId.get(r.activityId)!;
    return r.userId === sam && (r.status === "going" || r.attendance === "attended") && r.attendance !== "no_show" && a.status !== "cancelled" && a.startsAt >= start && a.startsAt < end;
  }).length;
  // Whatever day the town is seeded, the plan shows half met: twice what Sam has this week.
  const weeklyTotalGoal = Math.min(14, Math.max(2, thisWeek * 2));

  const reflections: DemoConnection["reflections"] = [
    { activityId: activityId("past-park-walk"), userId: sam, feeling: "lifted", note: "Good to be out. Margaret pointed out the herons.", createdAt: daysAgo(2) },
    { activityId: activityId("past-leaf-clearing"), userId: sam, feeling: "ok", note: "Tiring, but the tea after was nice.", createdAt: daysAgo(3) },
  ];

  const pairId = demoId("partnership:sam-aisha");
  const today = DateTime.fromJSDate(now, { zone: TOWN_ZONE });
  const partnerships: DemoConnection["partnerships"] = [
    {
      id: pairId, inviterId: aisha, inviteeId: sam, status: "active", rhythm: "weekly_meeting",
      // The weekly check-in falls on today's weekday, so one is due today and last week's was kept.
      weeklyDay: today.weekday, timezone: TOWN_ZONE, acceptedAt: daysAgo(21), rhythmSince: daysAgo(21), createdAt: daysAgo(22),
    },
  ];
  const checkIns: DemoConnection["checkIns"] = [
    { id: demoId("check-in:1"), partnershipId: pairId, authorId: aisha, note: "Busy week at the café. Looking forward to Sunday's sketching.", mood: 4, energy: "medium", createdAt: daysAgo(12) },
    { id: demoId("check-in:2"), partnershipId: pairId, authorId: sam, note: "Went on the park walk. Slept better after.", mood: 3, energy: "low", createdAt: daysAgo(5) },
    { id: demoId("check-in:3"), partnershipId: pairId, authorId: aisha, note: "Glad to hear it. Same again next week?", mood: 4, energy: "medium", createdAt: daysAgo(4) },
  ];

  const attended = town.rsvps
    .filter((r) => r.userId === sam && r.attendance === "attended")
    .map((r) => byId.get(r.activityId)!)
    .map((a) => ({ startsAt: a.startsAt, kind: a.kind, groupId: a.groupId }));
  const claims = town.taskClaims.filter((c) => c.userId === sam);
  const keys = reachedMilestones(
    {
      attended,
      checkInsAt: checkIns.filter((c) => c.authorId === sam).map((c) => c.createdAt!),
      tasksDone: claims.filter((c) => c.status === "done" || c.status === "verified").length,
      verifiedHours: claims.filter((c) => c.status === "verified").reduce((sum, c) => sum + Number(c.hours ?? 0), 0),
      hadPartner: true,
      reflections: reflections.length,
    },
    TOWN_ZONE,
  );
  // The reflection is the newest, so the home page shows a milestone reached this week.
  const milestones = keys.map((key, i) => ({ userId: sam, key, reachedAt: key === "first_reflection" ? daysAgo(2) : daysAgo(30 - i) }));

  return {
    reflections,
    connectionPlans: [
      {
        userId: sam, weeklyTotalGoal, weeklyLowEnergyGoal: 1, weeklySharedPurposeGoal: 1, usualEnergy: "medium",
        interestKinds: ["walk", "hobby"], interests: ["walking", "drawing", "gardening"],
        freeTimes: [{ day: 3, from: "12:00", to: "17:00" }, { day: 6, from: "06:00", to: "17:00" }, { day: 7, from: "12:00", to: "17:00" }],
      },
    ],
    partnerships,
    checkIns,
    milestones,
  };
}
