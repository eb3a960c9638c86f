import { DateTime } from "luxon";
import type { UiLocale } from "@/lib/i18n/locales";
import { recurringDay } from "./weeks";
import { connectionWords } from "./words";

/*
 * A check-in partnership's rhythm divides time into periods in the pair's zone: each day
 * for a daily message, or the week that starts on the chosen weekday. A period with no
 * check-in from either of them is "missed" once it has ended.
 */

export type Rhythm = "daily_message" | "weekly_meeting";

export interface Period {
  start: Date;
  end: Date;
  /** The period's first day, ISO date in the pair's zone: the key a nudge is recorded under. */
  key: string;
}

function periodAround(local: DateTime, rhythm: Rhythm, weeklyDay: number): DateTime {
  const day = local.startOf("day");
  if (rhythm === "daily_message") return day;
  const back = (day.weekday - weeklyDay + 7) % 7;
  return day.minus({ days: back });
}

function toPeriod(start: DateTime, rhythm: Rhythm): Period {
  const end = rhythm === "daily_message" ? start.plus({ days: 1 }) : start.plus({ weeks: 1 });
  return { start: start.toJSDate(), end: end.toJSDate(), key: start.toISODate()! };
}

/** The period `now` falls in. */
export function currentPeriod(rhythm: Rhythm, weeklyDay: number, zone: string, now: Date): Period {
  return toPeriod(periodAround(DateTime.fromJSDate(now, { zone }), rhythm, weeklyDay), rhythm);
}

/** The period that ended most recently before `now`. */
export function lastCompletedPeriod(rhythm: Rhythm, weeklyDay: number, zone: string, now: Date): Period {
  const current = periodAround(DateTime.fromJSDate(now, { zone }), rhythm, weeklyDay);
  return toPeriod(rhythm === "daily_message" ? current.minus({ days: 1 }) : current.minus({ weeks: 1 }), rhythm);
}

/** "a daily message" or "a weekly check-in on Thursdays". */
export function rhythmWords(rhythm: Rhythm, weeklyDay: number, locale: UiLocale = "en"): string {
  const t = connectionWords(locale);
  return rhythm === "daily_message" ? t("rhythm.daily") : t("rhythm.weekly", { day: recurringDay(weeklyDay, locale) });
}

/** "today" or "this week", for gentle sentences about the current period. */
export function periodWords(rhythm: Rhythm, locale: UiLocale = "en"): string {
  return connectionWords(locale)(rhythm === "daily_message" ? "period.today" : "period.thisWeek");
}
