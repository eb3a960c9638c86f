import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Alert } from "@/components/ui/alert";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { clockChangeNote } from "@/lib/recurrence";

/** On an occurrence the clocks moved off its series' usual time, says when it starts and why. */
export async function ClockChangeNotice({ clock, startsAt, timezone }: { clock: { localStartTime: string; timezone: string }; startsAt: Date; timezone: string }) {
  const note = clock.timezone === timezone ? clockChangeNote(startsAt, timezone, clock.localStartTime) : null;
  if (!note) return null;
  const [t, locale] = await Promise.all([getTranslations("activity.clockChange"), getLocale() as Promise<UiLocale>]);
  return (
    <Alert tone="info" title={t("title")} testId="clock-change-notice">
      {t("note", { zone: timezone, day: formatDay(startsAt, timezone, locale), usual: clock.localStartTime, time: formatTime(startsAt, timezone, locale) })}
    </Alert>
  );
}
