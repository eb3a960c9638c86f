import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { HoursRange } from "@/lib/validation/hours";

/**
 * The date range of an hours report or statement: a plain GET form, so it works without
 * JavaScript and the address can be kept. An empty end means "open" on that side.
 */
export function HoursRangeForm({ action, range, errors }: { action: string; range: HoursRange; errors: Partial<Record<"from" | "to", string>> }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden" data-testid="hours-range">
      <Field id="from" label="From" hint="Verified on or after" error={errors.from}>
        <Input id="from" name="from" type="date" defaultValue={range.from ?? ""} aria-invalid={errors.from ? true : undefined} aria-describedby={describedBy("from", { hint: true, error: errors.from })} />
      </Field>
      <Field id="to" label="To" hint="Verified on or before" error={errors.to}>
        <Input id="to" name="to" type="date" defaultValue={range.to ?? ""} aria-invalid={errors.to ? true : undefined} aria-describedby={describedBy("to", { hint: true, error: errors.to })} />
      </Field>
      <Button type="submit" variant="secondary" data-testid="hours-range-submit">
        Show
      </Button>
    </form>
  );
}

/** "from 1 Jan 2026 to 6 Dec 2026", "up to 6 Dec 2026", "all time". */
export function rangeWords(range: HoursRange): string {
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  if (range.from && range.to) return `from ${day(range.from)} to ${day(range.to)}`;
  if (range.from) return `from ${day(range.from)} on`;
  if (range.to) return `up to ${day(range.to)}`;
  return "all time";
}
