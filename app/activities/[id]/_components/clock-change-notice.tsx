import { Alert } from "@/components/ui/alert";
import { clockChangeNote } from "@/lib/recurrence";

/** On an occurrence the clocks moved off its series' usual time, says when it starts and why. */
export function ClockChangeNotice({ clock, startsAt, timezone }: { clock: { localStartTime: string; timezone: string }; startsAt: Date; timezone: string }) {
  const note = clock.timezone === timezone ? clockChangeNote(startsAt, timezone, clock.localStartTime) : null;
  if (!note) return null;
  return (
    <Alert tone="info" title="A different time this week" testId="clock-change-notice">
      {note}
    </Alert>
  );
}
