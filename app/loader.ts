import "server-only";
import { getMyCorner, getMyWeek } from "@/db/queries/home";
import { getSuggestions } from "@/db/queries/plan";
import { getReflectionOffer } from "@/db/queries/reflections";
import type { Viewer } from "@/server/auth/session";
import { getMemberZoneFor } from "@/server/viewer-zone";

const DAY_MS = 86_400_000;

/**
 * A signed-in member's part of the home page, in three statements: their week (the next seven
 * days' answers, this week's progress, a reflection waiting), their corner (plan, check-in
 * partners, milestones of the last week) and the suggestions that fit, ranked by the database.
 * A reflection just answered from here is read back to confirm it.
 */
export async function loadMemberHome(viewer: Viewer, reflectedId?: string) {
  const now = new Date();
  const zone = await getMemberZoneFor(viewer);
  const [week, corner] = await Promise.all([
    getMyWeek(viewer.id, zone, now, new Date(now.getTime() + 7 * DAY_MS)),
    getMyCorner(viewer.id, now, new Date(now.getTime() - 7 * DAY_MS)),
  ]);
  const [suggestions, reflected] = await Promise.all([
    getSuggestions(viewer.id, zone, { now, plan: corner.plan ?? null, progress: week.progress, limit: 3 }),
    reflectedId ? getReflectionOffer(reflectedId, viewer.id, now) : Promise.resolve(undefined),
  ]);
  return { zone, upcoming: week.upcoming, progress: week.progress, reflectionsWaiting: week.reflectionsWaiting, ...corner, suggestions, reflected };
}

export type MemberHome = Awaited<ReturnType<typeof loadMemberHome>>;
