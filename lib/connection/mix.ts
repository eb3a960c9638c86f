import type { Kind, Suggestion } from "./suggestions";
import type { UiLocale } from "@/lib/i18n/locales";
import { recurringDay } from "./weeks";
import { connectionWords } from "./words";

/*
 * The network mix's one gentle suggestion: where a little more variety could help, said
 * kindly and concretely, or nothing at all. Pure, so each rule is tested on its own.
 */

export interface MixFacts {
  /** Activities attended in the last four weeks. */
  recent: { groupId: string; groupName: string; kind: Kind }[];
  activePartners: number;
  /** Upcoming activities that fit the member's plan, best first. */
  suggestions: Suggestion[];
}

export interface MixSuggestion {
  text: string;
  href: string;
}

export function mixSuggestion(facts: MixFacts, locale: UiLocale = "en"): MixSuggestion | null {
  const t = connectionWords(locale);
  const when = (s: Suggestion) => (s.fits ? t("mix.whenFree", { day: recurringDay(s.fits.day, locale), part: s.fits.part }) : t("mix.soon"));
  const groups = new Set(facts.recent.map((r) => r.groupId));
  const kinds = new Set(facts.recent.map((r) => r.kind));
  if (facts.recent.length >= 2 && groups.size === 1) {
    const other = facts.suggestions.find((s) => !groups.has(s.groupId));
    if (other) return { text: t("mix.oneGroup", { group: other.groupName, when: when(other) }), href: `/activities/${other.id}` };
  }
  if (facts.recent.length >= 2 && kinds.size === 1) {
    const [only] = kinds;
    const other = facts.suggestions.find((s) => s.kind !== only);
    if (other) return { text: t("mix.oneKind", { kind: only, title: other.title, group: other.groupName, when: when(other) }), href: `/activities/${other.id}` };
  }
  if (facts.recent.length === 0) {
    const first = facts.suggestions[0];
    if (first) return { text: t("mix.anyOne", { title: first.title, group: first.groupName, when: when(first) }), href: `/activities/${first.id}` };
  }
  if (facts.activePartners === 0) {
    return { text: t("mix.partner"), href: "/me/partners" };
  }
  const fresh = facts.suggestions.find((s) => !groups.has(s.groupId));
  if (fresh) return { text: t("mix.variety", { group: fresh.groupName, when: when(fresh), title: fresh.title }), href: `/activities/${fresh.id}` };
  return null;
}
