import { DateTime } from "luxon";
import type { UiLocale } from "@/lib/i18n/locales";
import { partOfDay, recurringDay } from "./weeks";
import { connectionWords } from "./words";

/*
 * Suggestion ranking: one pure function, so every rule (fit, exclusion, lean) is tested
 * without a database. It only suggests what fits — free time, energy, spots, not already
 * answered — and never leans towards groups the member left or people they blocked.
 * Every suggestion carries the reasons it was chosen, in plain words.
 */

export type Energy = "low" | "medium" | "high";
export type Kind = "volunteer" | "walk" | "hobby";
export type Feeling = "drained" | "ok" | "lifted";

export interface FreeTime {
  /** ISO weekday, 1 = Monday. */
  day: number;
  from: string;
  to: string;
}

export interface PlanForSuggestions {
  freeTimes: FreeTime[];
  usualEnergy: Energy | null;
  interestKinds: Kind[];
  interestGroupIds: string[];
  interests: string[];
  weeklyLowEnergyGoal: number;
  weeklySharedPurposeGoal: number;
}

export interface Candidate {
  id: string;
  title: string;
  description: string;
  kind: Kind;
  groupId: string;
  groupName: string;
  /** The series it is one date of, if any: a list never offers two dates of one series. */
  seriesId: string | null;
  startsAt: Date;
  endsAt: Date;
  energyLevel: Energy;
  /** Null when unlimited. */
  spotsLeft: number | null;
  isSharedPurpose: boolean;
  /** The member already answered (going, maybe, not going or waiting). */
  answered: boolean;
  /** Someone the member blocked, or who blocked them, organizes it or is going. */
  involvesBlocked: boolean;
  cancelled: boolean;
}

export interface History {
  /** Past reflections, newest first. */
  reflections: { activityTitle: string; kind: Kind; groupId: string; feeling: Feeling }[];
  /** Groups and kinds of activities attended in the last four weeks. */
  recentGroupIds: string[];
  recentKinds: Kind[];
  /** Kinds of activities the member was ever at: one never tried is new to them, not "not lately". */
  triedKinds: Kind[];
  leftGroupIds: string[];
  /** This week's progress, to lean towards the part of the goal still open. */
  thisWeek: { lowEnergy: number; sharedPurpose: number };
}

export interface Suggestion {
  id: string;
  title: string;
  groupId: string;
  groupName: string;
  kind: Kind;
  seriesId: string | null;
  /** The member's free time it fits, when their plan names free times. */
  fits: { day: number; part: "morning" | "afternoon" | "evening" } | null;
  startsAt: Date;
  score: number;
  reasons: string[];
  /** The same reasons as message keys and values (lib/i18n), for a page in another language. */
  why: SuggestionReason[];
}

/** One reason a suggestion was chosen: a message key in the "home" catalog's `suggestion` and its values. */
export type SuggestionReason =
  | { key: "fits"; day: number; part: "morning" | "afternoon" | "evening" }
  | { key: "lowEnergy" | "sharedPurpose" }
  | { key: "chosenGroup" | "somethingNew"; group: string }
  | { key: "interestedIn" | "aChange" | "newToYou"; kind: Kind }
  | { key: "mentions"; word: string }
  | { key: "lifted"; title: string }
  | { key: "spotsLeft"; count: number };

const ENERGY_RANK: Record<Energy, number> = { low: 0, medium: 1, high: 2 };

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The free window an activity fits in (starting and ending inside it, on its local day), if any. */
export function fittingFreeTime(startsAt: Date, endsAt: Date, freeTimes: FreeTime[], zone: string): FreeTime | undefined {
  const start = DateTime.fromJSDate(startsAt, { zone });
  const end = DateTime.fromJSDate(endsAt, { zone });
  const startMin = start.hour * 60 + start.minute;
  const endMin = end.hasSame(start, "day") ? end.hour * 60 + end.minute : 24 * 60;
  return freeTimes.find((f) => f.day === start.weekday && startMin >= minutes(f.from) && endMin <= minutes(f.to === "00:00" ? "24:00" : f.to));
}

const mentions = (c: Candidate, word: string) => {
  const w = word.trim().toLowerCase();
  return w.length >= 3 && `${c.title} ${c.description}`.toLowerCase().includes(w);
};

/**
 * Ranks upcoming activities for a member's plan: best first, at most `limit`, each with its
 * reasons. Candidates that do not fit are left out rather than ranked low.
 */
export function rankSuggestions(input: { plan: PlanForSuggestions; candidates: Candidate[]; history: History; now: Date; zone: string; limit?: number; locale?: UiLocale }): Suggestion[] {
  const { plan, history, now, zone } = input;
  const t = connectionWords(input.locale);
  const left = new Set(history.leftGroupIds);
  const recentGroups = new Set(history.recentGroupIds);
  const recentKinds = new Set(history.recentKinds);
  const triedKinds = new Set([...history.triedKinds, ...history.recentKinds]);
  const ranked: Suggestion[] = [];
  for (const c of input.candidates) {
    if (c.cancelled || c.answered || c.involvesBlocked || left.has(c.groupId)) continue;
    if (c.startsAt <= now) continue;
    if (c.spotsLeft !== null && c.spotsLeft <= 0) continue;
    if (plan.usualEnergy && ENERGY_RANK[c.energyLevel] > ENERGY_RANK[plan.usualEnergy]) continue;
    const window = fittingFreeTime(c.startsAt, c.endsAt, plan.freeTimes, zone);
    if (plan.freeTimes.length > 0 && !window) continue;

    let score = 0;
    const reasons: string[] = [];
    const why: SuggestionReason[] = [];
    const fits = window ? { day: window.day, part: partOfDay(DateTime.fromJSDate(c.startsAt, { zone }).hour) } : null;
    if (fits) {
      reasons.push(t("reason.fits", { day: recurringDay(fits.day, input.locale), part: fits.part }));
      why.push({ key: "fits", day: fits.day, part: fits.part });
      score += 2;
    }
    if (c.energyLevel === "low") {
      reasons.push(t("reason.lowEnergy"));
      why.push({ key: "lowEnergy" });
      score += history.thisWeek.lowEnergy < plan.weeklyLowEnergyGoal ? 2 : 0.5;
    }
    if (c.isSharedPurpose) {
      reasons.push(t("reason.sharedPurpose"));
      why.push({ key: "sharedPurpose" });
      score += history.thisWeek.sharedPurpose < plan.weeklySharedPurposeGoal ? 2 : 0.5;
    }
    if (plan.interestGroupIds.includes(c.groupId)) {
      reasons.push(t("reason.chosenGroup", { group: c.groupName }));
      why.push({ key: "chosenGroup", group: c.groupName });
      score += 2;
    } else if (plan.interestKinds.includes(c.kind)) {
      reasons.push(t("reason.interested", { kind: c.kind }));
      why.push({ key: "interestedIn", kind: c.kind });
      score += 1.5;
    }
    const word = plan.interests.find((w) => mentions(c, w));
    if (word) {
      reasons.push(t("reason.mentions", { word: word.trim().toLowerCase() }));
      why.push({ key: "mentions", word: word.trim().toLowerCase() });
      score += 1;
    }
    // Lean towards what lifted the member before: the same group first, else the same kind.
    const lifted = history.reflections.find((r) => r.feeling === "lifted" && r.groupId === c.groupId) ?? history.reflections.find((r) => r.feeling === "lifted" && r.kind === c.kind);
    if (lifted) {
      reasons.push(t("reason.lifted", { title: lifted.activityTitle }));
      why.push({ key: "lifted", title: lifted.activityTitle });
      score += lifted.groupId === c.groupId ? 2 : 1;
    }
    const drained = history.reflections.find((r) => r.groupId === c.groupId);
    if (drained?.feeling === "drained") score -= 1.5;
    if (!recentGroups.has(c.groupId)) {
      reasons.push(
        recentKinds.has(c.kind)
          ? t("reason.somethingNew", { group: c.groupName })
          : triedKinds.has(c.kind)
            ? t("reason.aChange", { kind: c.kind })
            : t("reason.newToYou", { kind: c.kind }),
      );
      why.push(recentKinds.has(c.kind) ? { key: "somethingNew", group: c.groupName } : { key: triedKinds.has(c.kind) ? "aChange" : "newToYou", kind: c.kind });
      score += 1;
    }
    if (c.spotsLeft !== null && c.spotsLeft <= 2) {
      reasons.push(t("reason.spotsLeft", { count: c.spotsLeft }));
      why.push({ key: "spotsLeft", count: c.spotsLeft });
    }
    // Sooner is a little better: a suggestion is most useful when it is still a few days off.
    score -= (c.startsAt.getTime() - now.getTime()) / (14 * 86_400_000);
    ranked.push({ id: c.id, title: c.title, groupId: c.groupId, groupName: c.groupName, kind: c.kind, fits, startsAt: c.startsAt, score, reasons, why, seriesId: c.seriesId });
  }
  ranked.sort((a, b) => b.score - a.score || a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  // One date of a series is enough to suggest it: the best-placed date stands for the rest.
  const series = new Set<string>();
  const onePerSeries = ranked.filter((s) => !s.seriesId || (series.has(s.seriesId) ? false : (series.add(s.seriesId), true)));
  // Variety within the list too: at most one suggestion per group until every group has had a turn.
  const seen = new Set<string>();
  const first = onePerSeries.filter((s) => (seen.has(s.groupId) ? false : (seen.add(s.groupId), true)));
  const rest = onePerSeries.filter((s) => !first.includes(s));
  return [...first, ...rest].slice(0, input.limit ?? 5);
}
