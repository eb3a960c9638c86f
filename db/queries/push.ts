import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { pushSubscriptions } from "../schema";

export interface PushDevice {
  id: string;
  endpoint: string;
  browser: string | null;
  system: string | null;
  kinds: string[];
  showDetails: boolean;
  createdAt: Date;
  lastSuccessAt: Date | null;
}

/** The member's devices that receive push notifications, oldest first (keys are never read here). */
export async function listPushDevices(userId: string): Promise<PushDevice[]> {
  const db = await getDb();
  return db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      browser: pushSubscriptions.browser,
      system: pushSubscriptions.system,
      kinds: pushSubscriptions.kinds,
      showDetails: pushSubscriptions.showDetails,
      createdAt: pushSubscriptions.createdAt,
      lastSuccessAt: pushSubscriptions.lastSuccessAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.createdAt));
}
