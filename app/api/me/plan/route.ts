import { NextResponse } from "next/server";
import { z } from "zod";
import { savePlan } from "@/db/mutations/plan";
import { getMemberZone } from "@/db/queries/connection-facts";
import { allGroupsVisible, getPlan, getWeekProgress } from "@/db/queries/plan";
import type { ConnectionPlan } from "@/db/schema";
import { instant } from "@/server/api/activity-json";
import { apiError } from "@/server/api/http";
import { apiRoute } from "@/server/api/route";
import { energyLevels, kinds } from "@/lib/labels";
import { planInputSchema } from "@/lib/validation/connection";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const planJsonSchema = z
  .object({
    weeklyTotalGoal: z.int(),
    weeklyLowEnergyGoal: z.int(),
    weeklySharedPurposeGoal: z.int(),
    freeTimes: z.array(z.object({ day: z.int().min(1).max(7), from: z.string(), to: z.string() })),
    usualEnergy: z.enum(energyLevels).nullable(),
    interestKinds: z.array(z.enum(kinds)),
    interestGroupIds: z.array(z.uuid()),
    interests: z.array(z.string()),
    updatedAt: instant,
  })
  .nullable()
  .describe("Null before the member makes one.");

function planJson(plan: ConnectionPlan | undefined): z.output<typeof planJsonSchema> {
  if (!plan) return null;
  const { weeklyTotalGoal, weeklyLowEnergyGoal, weeklySharedPurposeGoal, freeTimes, usualEnergy, interestKinds, interestGroupIds, interests, updatedAt } = plan;
  return { weeklyTotalGoal, weeklyLowEnergyGoal, weeklySharedPurposeGoal, freeTimes, usualEnergy, interestKinds, interestGroupIds, interests, updatedAt: updatedAt.toISOString() };
}

/** GET /api/me/plan — the caller's plan (null before they make one) and this week against it. */
export const GET = apiRoute({
  summary: "My connection plan and this week",
  caller: "member",
  private: true,
  responses: { 200: z.object({ plan: planJsonSchema, thisWeek: z.object({ timezone: z.string(), activities: z.int(), lowEnergy: z.int(), sharedPurpose: z.int() }) }) },
  async handler({ caller }) {
    const zone = await getMemberZone(caller.id);
    const [plan, progress] = await Promise.all([getPlan(caller.id), getWeekProgress(caller.id, zone)]);
    return NextResponse.json({
      plan: planJson(plan),
      thisWeek: { timezone: zone, activities: progress.total, lowEnergy: progress.lowEnergy, sharedPurpose: progress.sharedPurpose },
    });
  },
});

/** PUT /api/me/plan — replaces the caller's plan; the same fields and rules as the plan form. */
export const PUT = apiRoute({
  summary: "Replace my connection plan",
  description: "The same fields and rules as the plan form.",
  caller: "member",
  private: true,
  body: planInputSchema,
  responses: { 200: z.object({ plan: planJsonSchema }) },
  async handler({ caller, body }) {
    if (!(await allGroupsVisible(caller.id, body.interestGroupIds))) return apiError("invalid_body", say("errors.api.check", { names: "interestGroupIds" }), { interestGroupIds: say("errors.routes.plan.groupsYouSee") });
    return NextResponse.json({ plan: planJson(await savePlan(caller.id, body)) });
  },
});
