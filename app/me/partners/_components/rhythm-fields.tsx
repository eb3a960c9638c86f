import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Field, Select } from "@/components/ui/field";
import { dayName } from "@/lib/connection/weeks";
import type { UiLocale } from "@/lib/i18n/locales";

/** Rhythm and weekday pickers; ids are prefixed so several forms can sit on one page. */
export async function RhythmFields({ prefix, rhythm = "weekly_meeting", weeklyDay = 1 }: { prefix: string; rhythm?: string; weeklyDay?: number }) {
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("me.partners.rhythm");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={`${prefix}-rhythm`} label={t("label")}>
        <Select id={`${prefix}-rhythm`} name="rhythm" defaultValue={rhythm} data-testid={`${prefix}-rhythm`}>
          <option value="weekly_meeting">{t("weekly")}</option>
          <option value="daily_message">{t("daily")}</option>
        </Select>
      </Field>
      <Field id={`${prefix}-day`} label={t("day")}>
        <Select id={`${prefix}-day`} name="weeklyDay" defaultValue={String(weeklyDay)} data-testid={`${prefix}-day`}>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <option key={d} value={d}>
              {dayName(d, locale)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
