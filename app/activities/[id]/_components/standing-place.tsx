import Link from "next/link";
import { Card } from "@/components/ui/card";
import { extendSeries } from "@/db/mutations/series";
import type { OccurrenceStanding } from "@/db/queries/activity-page";
import { getViewer } from "@/server/auth/session";
import { horizonFrom } from "@/lib/recurrence";
import { standingPlaceAction } from "./standing-place-actions";
import { StandingPlaceForm } from "./standing-place-form";

const every = { weekly: "every week", biweekly: "every two weeks", monthly_nth_weekday: "every month" } as const;

/** Rendered on the activity page for every viewer; shows only for an occurrence of a series. */
export async function StandingPlace({ activityId, standing }: { activityId: string; standing: OccurrenceStanding | undefined }) {
  if (!standing) return null;
  const viewer = await getViewer();
  // Viewing an occurrence keeps its series' twelve weeks ahead filled in. The window moves
  // at most once a day, so ordinary page views never take the series lock.
  if (!standing.series.endedAt && standing.series.generatedUntil.getTime() < horizonFrom(new Date()).getTime() - 86_400_000) {
    // Filling the window is housekeeping: if it fails, the page still shows what exists.
    await extendSeries(standing.series.id).catch((error: unknown) => console.error(`[series] could not extend ${standing.series.id}`, error));
  }
  const { series, myStatus } = standing;
  return (
    <Card className="space-y-2" data-testid="standing-place">
      <h2 className="text-lg font-semibold">Standing place</h2>
      <p className="text-sm">
        This happens {every[series.frequency]}. {series.endedAt ? "The series has ended." : "A standing place keeps a spot for you on every upcoming one, until you pause."}
      </p>
      {series.endedAt ? null : viewer ? (
        <StandingPlaceForm
          action={standingPlaceAction.bind(null, activityId, series.id)}
          standing={standing.standing}
          canSkip={standing.standing === "active" && (myStatus === "going" || myStatus === "waitlisted")}
        />
      ) : (
        <p className="text-sm">
          <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`/activities/${activityId}`)}`}>Sign in</Link> to hold a standing place.
        </p>
      )}
    </Card>
  );
}
