import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { extendSeries } from "@/db/mutations/series";
import type { OccurrenceStanding } from "@/db/queries/activity-page";
import { getViewer } from "@/server/auth/session";
import { horizonFrom } from "@/lib/recurrence";
import { standingPlaceAction } from "./standing-place-actions";
import { StandingPlaceForm } from "./standing-place-form";

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
  const t = await getTranslations("activity.standing");
  return (
    <Card className="space-y-2" data-testid="standing-place">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm">
        {t("every", { frequency: series.frequency })} {series.endedAt ? t("ended") : t("keeps")}
      </p>
      {series.endedAt ? null : viewer ? (
        <StandingPlaceForm
          action={standingPlaceAction.bind(null, activityId, series.id)}
          standing={standing.standing}
          canSkip={standing.standing === "active" && (myStatus === "going" || myStatus === "waitlisted")}
        />
      ) : (
        <p className="text-sm">
          {t.rich("signIn", {
            link: (chunks) => (
              <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`/activities/${activityId}`)}`}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </Card>
  );
}
