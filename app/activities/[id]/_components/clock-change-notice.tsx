import { Alert } from "@/components/ui/alert";
import { getSeriesClock } from "@/db/queries/series";
import { clockChangeNote } from "@/lib/recurrence";

/** On an occurrence the clocks moved off its series' usual time, says when it starts and why. */
export async function ClockChangeNotice({ seriesId, startsAt, timezone }: { seriesId: string; startsAt: Date; timezone: string }) {
  const clock = await getSeriesClock(seriesId);
  const note = clock && clock.timezone === timezone ? clockChangeNote(startsAt, timezone, clock.localStartTime) : null;
  if (!note) return null;
  return (
    <Alert tone="info" title="A different time this week" testId="clock-change-notice">
      {note}
    </Alert>
  );
}
