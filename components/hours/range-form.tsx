import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { languageTag, type UiLocale } from "@/lib/i18n/locales";
import type { HoursRange } from "@/lib/validation/hours";

/**
 * The date range of an hours report or statement: a plain GET form, so it works without
 * JavaScript and the address can be kept. An empty end means "open" on that side.
 */
export async function HoursRangeForm({ action, range, errors }: { action: string; range: HoursRange; errors: Partial<Record<"from" | "to", string>> }) {
  const t = await getTranslations("hours.rangeForm");
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden" data-testid="hours-range">
      <Field id="from" label={t("from")} hint={t("fromHint")} error={errors.from}>
        <Input id="from" name="from" type="date" defaultValue={range.from ?? ""} aria-invalid={errors.from ? true : undefined} aria-describedby={describedBy("from", { hint: true, error: errors.from })} />
      </Field>
      <Field id="to" label={t("to")} hint={t("toHint")} error={errors.to}>
        <Input id="to" name="to" type="date" defaultValue={range.to ?? ""} aria-invalid={errors.to ? true : undefined} aria-describedby={describedBy("to", { hint: true, error: errors.to })} />
      </Field>
      <Button type="submit" variant="secondary" data-testid="hours-range-submit">
        {t("show")}
      </Button>
    </form>
  );
}

/** "from 1 Jan 2026 to 6 Dec 2026", "up to 6 Dec 2026", "all time", in the page's language. */
export async function rangeWords(range: HoursRange): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("hours.range"), getLocale() as Promise<UiLocale>]);
  // A calendar day as typed, not an instant: formatted at noon UTC so no zone moves it to another day.
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(languageTag(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  if (range.from && range.to) return t("fromTo", { from: day(range.from), to: day(range.to) });
  if (range.from) return t("from", { from: day(range.from) });
  if (range.to) return t("to", { to: day(range.to) });
  return t("all");
}

/** Hours as a number in the page's language: "1.5" in English, "1,5" in Spanish; never grouped, as the CSV writes them. */
export function hoursNumber(hours: number, locale: UiLocale): string {
  return new Intl.NumberFormat(languageTag(locale), { maximumFractionDigits: 2, useGrouping: false }).format(hours);
}
