import { NextResponse } from "next/server";
import { z } from "zod";
import { getMemberZone } from "@/db/queries/connection-facts";
import { listMilestones } from "@/db/queries/milestones";
import { getParticipation } from "@/db/queries/participation";
import { instant } from "@/server/api/activity-json";
import { apiRoute } from "@/server/api/route";
import { kinds } from "@/lib/labels";

export const dynamic = "force-dynamic";

const participationJsonSchema = z.object({
  participation: z.object({
    timezone: z.string(),
    attendedActivities: z.int(),
    verifiedVolunteerHours: z.number(),
    tasksDone: z.int(),
    weeksWithConnection: z.object({ lastTwelve: z.int(), allTime: z.int() }),
    weeks: z.array(z.object({ weekStart: z.iso.date(), activities: z.int(), checkIns: z.int() })).describe("The last 12 weeks, oldest first."),
    variety: z.object({
      kinds: z.array(z.object({ kind: z.enum(kinds), count: z.int() })),
      groups: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.int() })),
    }),
    peopleMet: z.array(z.object({ id: z.uuid(), name: z.string(), sharedActivities: z.int() })),
  }),
  milestones: z.array(z.object({ key: z.string(), title: z.string(), body: z.string(), reachedAt: instant })),
});

/** GET /api/me/participation — the caller's own participation and milestones. */
export const GET = apiRoute({
  summary: "My participation and milestones",
  caller: "member",
  private: true,
  responses: { 200: participationJsonSchema },
  async handler({ caller }) {
    const now = new Date();
    const zone = await getMemberZone(caller.id);
    const [p, milestones] = await Promise.all([getParticipation(caller.id, zone, now), listMilestones(caller.id)]);
    return NextResponse.json<z.output<typeof participationJsonSchema>>({
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
  },
});
