import { Field, Select } from "@/components/ui/field";
import { dayName } from "@/lib/connection/weeks";

/** Rhythm and weekday pickers; ids are prefixed so several forms can sit on one page. */
export function RhythmFields({ prefix, rhythm = "weekly_meeting", weeklyDay = 1 }: { prefix: string; rhythm?: string; weeklyDay?: number }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={`${prefix}-rhythm`} label="Rhythm">
        <Select id={`${prefix}-rhythm`} name="rhythm" defaultValue={rhythm} data-testid={`${prefix}-rhythm`}>
          <option value="weekly_meeting">A weekly check-in</option>
          <option value="daily_message">A daily message</option>
        </Select>
      </Field>
      <Field id={`${prefix}-day`} label="Day for a weekly check-in">
        <Select id={`${prefix}-day`} name="weeklyDay" defaultValue={String(weeklyDay)} data-testid={`${prefix}-day`}>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <option key={d} value={d}>
              {dayName(d)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
