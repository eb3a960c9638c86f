import type { UiLocale } from "@/lib/i18n/locales";
import { weekOf } from "./weeks";
import { connectionWords } from "./words";

/*
 * Milestones are worked out from facts alone (what the member attended, did and wrote),
 * so the same facts always give the same milestones, and recording them twice is harmless.
 * They celebrate; they never count down, compare or go away.
 */

export type ActivityKind = "volunteer" | "walk" | "hobby";

export interface MilestoneFacts {
  /** Activities the member attended (marked by organizers), any order. */
  attended: { startsAt: Date; kind: ActivityKind; groupId: string }[];
  /** Check-ins the member wrote with a partner. */
  checkInsAt: Date[];
  tasksDone: number;
  verifiedHours: number;
  /** Whether the member has ever had an accepted check-in partner. */
  hadPartner: boolean;
  reflections: number;
}

export const HOUR_MILESTONES = [5, 10, 25] as const;

/** Distinct Monday-weeks in `zone` with at least one attended activity or check-in. */
export function weeksWithConnection(facts: Pick<MilestoneFacts, "attended" | "checkInsAt">, zone: string): Set<string> {
  const weeks = new Set<string>();
  for (const a of facts.attended) weeks.add(weekOf(a.startsAt, zone));
  for (const at of facts.checkInsAt) weeks.add(weekOf(at, zone));
  return weeks;
}

/** Every milestone key the facts reach, in a stable order. */
export function reachedMilestones(facts: MilestoneFacts, zone: string): string[] {
  const keys: string[] = [];
  const attended = [...facts.attended].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (attended.length > 0) {
    keys.push("first_activity");
    // The very first activity is celebrated as such; a first of each other kind gets its own moment.
    const firstKind = attended[0].kind;
    for (const kind of ["walk", "volunteer", "hobby"] as const) {
      if (kind !== firstKind && attended.some((a) => a.kind === kind)) keys.push(`first_kind:${kind}`);
    }
  }
  const visits = new Map<string, number>();
  for (const a of attended) visits.set(a.groupId, (visits.get(a.groupId) ?? 0) + 1);
  for (const [groupId, n] of [...visits].sort(([a], [b]) => a.localeCompare(b))) if (n >= 3) keys.push(`third_visit:${groupId}`);
  const weeks = weeksWithConnection(facts, zone).size;
  if (weeks >= 4) keys.push("weeks_4");
  if (weeks >= 10) keys.push("weeks_10");
  if (facts.tasksDone > 0) keys.push("first_task");
  for (const h of HOUR_MILESTONES) if (facts.verifiedHours >= h) keys.push(`hours_${h}`);
  if (facts.hadPartner) keys.push("first_partner");
  if (facts.reflections > 0) keys.push("first_reflection");
  return keys;
}

/** Warm words for a milestone. `groupName` names the group of a third-visit milestone. */
export function milestoneWords(key: string, groupName?: string, locale: UiLocale = "en"): { title: string; body: string } {
  const t = connectionWords(locale);
  const words = (name: string, values?: Record<string, string>) => ({ title: t(`milestone.${name}.title`, values), body: t(`milestone.${name}.body`, values) });
  if (key === "first_activity") return words("firstActivity");
  if (key.startsWith("first_kind:")) return words("firstKind", { kind: key.slice("first_kind:".length) });
  if (key.startsWith("third_visit:")) return groupName ? words("thirdVisit", { group: groupName }) : words("thirdVisitUnnamed");
  if (key === "weeks_4") return words("weeks4");
  if (key === "weeks_10") return words("weeks10");
  if (key === "first_task") return words("firstTask");
  if (key.startsWith("hours_")) return words("hours", { hours: key.slice("hours_".length) });
  if (key === "first_partner") return words("firstPartner");
  if (key === "first_reflection") return words("firstReflection");
  return words("other");
}
