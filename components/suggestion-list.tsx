import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import type { Suggestion, SuggestionReason } from "@/lib/connection/suggestions";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";

/** Suggested activities, each saying why it was chosen. */
export async function SuggestionList({ suggestions, zone, testId = "suggestions" }: { suggestions: Suggestion[]; zone: string; testId?: string }) {
  const [t, locale] = await Promise.all([getTranslations("home.suggestion"), getLocale() as Promise<UiLocale>]);
  const reason = ({ key, ...values }: SuggestionReason) => t(key, values);
  return (
    <ul className="space-y-2" data-testid={testId}>
      {suggestions.map((s) => (
        <li key={s.id} className="rounded-lg border border-line bg-surface p-3" data-testid="suggestion">
          <Link className="font-medium underline" href={`/activities/${s.id}`}>
            {s.title}
          </Link>
          <p className="text-sm text-muted">{t("when", { group: s.groupName, day: formatDay(s.startsAt, zone, locale), time: formatTime(s.startsAt, zone, locale) })}</p>
          <p className="text-sm" data-testid="suggestion-why">
            <span className="sr-only">{t("why")}</span>
            {s.why.length ? s.why.map(reason).join(" · ") : t("soon")}
          </p>
        </li>
      ))}
    </ul>
  );
}
