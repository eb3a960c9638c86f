import "server-only";
import { getDb } from "../client";
import { connectionPlans, type ConnectionPlan } from "../schema";
import type { PlanInput } from "@/lib/validation/connection";

/** Saves the member's connection plan (creating it the first time). Only ever the member's own. */
export async function savePlan(userId: string, input: PlanInput): Promise<ConnectionPlan> {
  const db = await getDb();
  const values = { ...input, updatedAt: new Date() };
  const [row] = await db
    .insert(connectionPlans)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: connectionPlans.userId, set: values })
    .returning();
  return row;
}
