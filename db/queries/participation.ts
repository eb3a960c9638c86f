import "server-only";
import { weeksWithConnection } from "@/lib/connection/milestones";
import { recentWeeks, weekLabel, weekOf } from "@/lib/connection/weeks";
import { getVolunteering, listAttended, listMyCheckInTimes, listPeopleMet, type PersonMet } from "./connection-facts";

export interface WeekCount {
  /** The week's Monday, ISO date. */
  week: string;
  label: string;
  activities: number;
  checkIns: number;
}

export interface Participation {
  zone: string;
  attendedCount: number;
  verifiedHours: number;
  tasksDone: number;
  weeks: WeekCount[];
  /** Of the weeks shown, how many had at least one connection. */
  weeksWithConnection: number;
  /** All weeks ever with a connection, not necessarily in a row. */
  allWeeksWithConnection: number;
  byKind: { kind: "volunteer" | "walk" | "hobby"; count: number }[];
  byGroup: { groupId: string; name: string; count: number }[];
  peopleMet: PersonMet[];
}

/**
 * A member's own participation: attendance (not RSVPs), verified volunteer hours, the last
 * twelve Monday-weeks in their zone, variety, and people met at two or more of the same activities.
 */
export async function getParticipation(userId: string, zone: string, now = new Date()): Promise<Participation> {
  const [attended, checkInTimes, volunteering, peopleMet] = await Promise.all([
    listAttended(userId),
    listMyCheckInTimes(userId),
    getVolunteering(userId),
    listPeopleMet(userId, 2),
  ]);
  const past = attended.filter((a) => a.startsAt <= now);
  const weeks: WeekCount[] = recentWeeks(now, zone, 12).map((week) => ({ week, label: weekLabel(week), activities: 0, checkIns: 0 }));
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  for (const a of past) {
    const w = byWeek.get(weekOf(a.startsAt, zone));
    if (w) w.activities += 1;
  }
  for (const at of checkInTimes) {
    const w = byWeek.get(weekOf(at, zone));
    if (w) w.checkIns += 1;
  }
  const kinds = new Map<"volunteer" | "walk" | "hobby", number>();
  const groupsSeen = new Map<string, { groupId: string; name: string; count: number }>();
  for (const a of past) {
    kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    const g = groupsSeen.get(a.groupId) ?? { groupId: a.groupId, name: a.groupName, count: 0 };
    g.count += 1;
    groupsSeen.set(a.groupId, g);
  }
  return {
    zone,
    attendedCount: past.length,
    ...volunteering,
    weeks,
    weeksWithConnection: weeks.filter((w) => w.activities + w.checkIns > 0).length,
    allWeeksWithConnection: weeksWithConnection({ attended: past, checkInsAt: checkInTimes }, zone).size,
    byKind: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    byGroup: [...groupsSeen.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    peopleMet,
  };
}
