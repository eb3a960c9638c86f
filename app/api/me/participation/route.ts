import { listMilestones } from "@/db/queries/milestones";
import { getParticipation } from "@/db/queries/participation";
import { forCaller, privateJson } from "@/server/api/me";

export const dynamic = "force-dynamic";

/** GET /api/me/participation — the caller's own participation and milestones. */
export async function GET(request: Request) {
  return forCaller(request, async (caller) => {
    const now = new Date();
    const [p, milestones] = await Promise.all([getParticipation(caller.id, caller.zone, now), listMilestones(caller.id)]);
    return privateJson({
      participation: {
        timezone: p.zone,
        attendedActivities: p.attendedCount,
        verifiedVolunteerHours: p.verifiedHours,
        tasksDone: p.tasksDone,
        weeksWithConnection: { lastTwelve: p.weeksWithConnection, allTime: p.allWeeksWithConnection },
        weeks: p.weeks.map((w) => ({ weekStart: w.week, activities: w.activities, checkIns: w.checkIns })),
        variety: { kinds: p.byKind, groups: p.byGroup.map((g) => ({ id: g.groupId, name: g.name, count: g.count })) },
        peopleMet: p.peopleMet.map((m) => ({ id: m.userId, name: m.name, sharedActivities: m.sharedActivities })),
      },
      milestones: milestones.map((m) => ({ key: m.key, title: m.title, body: m.body, reachedAt: m.reachedAt.toISOString() })),
    });
  });
}
