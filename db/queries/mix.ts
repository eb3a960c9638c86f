import "server-only";
import { mixSuggestion, type MixSuggestion } from "@/lib/connection/mix";
import { listAttended, listPeopleMet, type PersonMet } from "./connection-facts";
import { listPartnerships } from "./partners";
import { getSuggestions } from "./plan";
import type { UiLocale } from "@/lib/i18n/locales";

export interface NetworkMix {
  recentCount: number;
  byGroup: { groupId: string; name: string; count: number }[];
  byKind: { kind: "volunteer" | "walk" | "hobby"; count: number }[];
  repeatPeople: PersonMet[];
  partners: { id: string; name: string }[];
  suggestion: MixSuggestion | null;
}

/** Where the member's connections of the last four weeks came from, and one gentle suggestion. */
export async function getNetworkMix(userId: string, zone: string, now = new Date(), locale: UiLocale = "en"): Promise<NetworkMix> {
  const since = now.getTime() - 28 * 86_400_000;
  const [attended, repeatPeople, partnerships, suggestions] = await Promise.all([
    listAttended(userId),
    listPeopleMet(userId, 2),
    listPartnerships(userId, now),
    getSuggestions(userId, zone, { now, limit: 10, locale }),
  ]);
  const recent = attended.filter((a) => a.startsAt.getTime() >= since && a.startsAt <= now);
  const groups = new Map<string, { groupId: string; name: string; count: number }>();
  const kinds = new Map<"volunteer" | "walk" | "hobby", number>();
  for (const a of recent) {
    const g = groups.get(a.groupId) ?? { groupId: a.groupId, name: a.groupName, count: 0 };
    g.count += 1;
    groups.set(a.groupId, g);
    kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  }
  const partners = partnerships.filter((p) => p.status === "active" && p.partner).map((p) => ({ id: p.id, name: p.partner!.name }));
  return {
    recentCount: recent.length,
    byGroup: [...groups.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    byKind: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    repeatPeople,
    partners,
    suggestion: mixSuggestion({ recent: recent.map((a) => ({ groupId: a.groupId, groupName: a.groupName, kind: a.kind })), activePartners: partners.length, suggestions }, locale),
  };
}
