import type { Kind, Suggestion } from "./suggestions";
import { dayName } from "./weeks";

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

const KIND_PLURAL: Record<Kind, string> = { volunteer: "volunteering", walk: "walks", hobby: "hobby meetups" };

function when(s: Suggestion): string {
  return s.fits ? `on your free ${dayName(s.fits.day)} ${s.fits.part}s` : "soon";
}

export function mixSuggestion(facts: MixFacts): MixSuggestion | null {
  const groups = new Set(facts.recent.map((r) => r.groupId));
  const kinds = new Set(facts.recent.map((r) => r.kind));
  if (facts.recent.length >= 2 && groups.size === 1) {
    const other = facts.suggestions.find((s) => !groups.has(s.groupId));
    if (other) return { text: `All your connections this month came from one group — ${other.groupName} meet ${when(other)}.`, href: `/activities/${other.id}` };
  }
  if (facts.recent.length >= 2 && kinds.size === 1) {
    const [only] = kinds;
    const other = facts.suggestions.find((s) => s.kind !== only);
    if (other) return { text: `Your connections this month were all ${KIND_PLURAL[only]} — ${other.title} with ${other.groupName} is something different, ${when(other)}.`, href: `/activities/${other.id}` };
  }
  if (facts.recent.length === 0) {
    const first = facts.suggestions[0];
    if (first) return { text: `Any one small thing counts. ${first.title} with ${first.groupName} is ${when(first)}.`, href: `/activities/${first.id}` };
  }
  if (facts.activePartners === 0) {
    return { text: "A check-in partner can make the quiet weeks a little easier — you could invite someone you've met.", href: "/me/partners" };
  }
  const fresh = facts.suggestions.find((s) => !groups.has(s.groupId));
  if (fresh) return { text: `For a little more variety: ${fresh.groupName} meet ${when(fresh)} — ${fresh.title}.`, href: `/activities/${fresh.id}` };
  return null;
}
