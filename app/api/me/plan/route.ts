import { savePlan } from "@/db/mutations/plan";
import { allGroupsVisible, getPlan, getWeekProgress } from "@/db/queries/plan";
import type { ConnectionPlan } from "@/db/schema";
import { apiError, apiZodError, readJson } from "@/server/api/http";
import { forCaller, privateJson } from "@/server/api/me";
import { planInputSchema } from "@/lib/validation/connection";

export const dynamic = "force-dynamic";

function planJson(plan: ConnectionPlan | undefined) {
  if (!plan) return null;
  const { weeklyTotalGoal, weeklyLowEnergyGoal, weeklySharedPurposeGoal, freeTimes, usualEnergy, interestKinds, interestGroupIds, interests, updatedAt } = plan;
  return { weeklyTotalGoal, weeklyLowEnergyGoal, weeklySharedPurposeGoal, freeTimes, usualEnergy, interestKinds, interestGroupIds, interests, updatedAt: updatedAt.toISOString() };
}

/** GET /api/me/plan — the caller's plan (null before they make one) and this week against it. */
export async function GET(request: Request) {
  return forCaller(request, async (caller) => {
    const [plan, progress] = await Promise.all([getPlan(caller.id), getWeekProgress(caller.id, caller.zone)]);
    return privateJson({
      plan: planJson(plan),
      thisWeek: { timezone: caller.zone, activities: progress.total, lowEnergy: progress.lowEnergy, sharedPurpose: progress.sharedPurpose },
    });
  });
}

/** PUT /api/me/plan — replaces the caller's plan; the same fields and rules as the plan form. */
export async function PUT(request: Request) {
  return forCaller(request, async (caller) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = planInputSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    if (!(await allGroupsVisible(caller.id, parsed.data.interestGroupIds))) return apiError("invalid_body", "Please check interestGroupIds.", { interestGroupIds: "Choose groups you can see." });
    return privateJson({ plan: planJson(await savePlan(caller.id, parsed.data)) });
  });
}
