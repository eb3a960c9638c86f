import { getTranslations } from "@/lib/i18n/translations";
import { PersonLine } from "@/components/people/person-line";
import { CoverSection } from "@/components/pictures/cover-section";
import { AskOrganizers } from "@/components/questions/ask-organizers";
import { Card } from "@/components/ui/card";
import type { Person } from "@/db/queries/people";
import type { Picture } from "@/db/queries/uploads";

/** The activity's cover, its named host, and a private way to ask the organizers before coming. */
export async function ActivityPeople({
  activityId,
  host,
  cover,
  firstTimerFriendly,
  viewerId,
  canModerate,
  cancelled,
}: {
  activityId: string;
  host: Person | null;
  cover: Picture | null;
  firstTimerFriendly: boolean;
  viewerId: string | null;
  canModerate: boolean;
  cancelled: boolean;
}) {
  const t = await getTranslations("activity");
  return (
    <div className="space-y-4">
      <CoverSection subject="activities" id={activityId} canChange={canModerate} cover={cover} />
      <div className="grid gap-4 md:grid-cols-2">
        {host ? (
          <Card className="space-y-2" data-testid="activity-host">
            <h2 className="text-lg font-semibold">{t("host")}</h2>
            <PersonLine person={host} />
          </Card>
        ) : null}
        {!canModerate && !cancelled ? <AskOrganizers about={{ activityId }} signedIn={Boolean(viewerId)} returnTo={`/activities/${activityId}#ask`} firstTimer={firstTimerFriendly || undefined} /> : null}
      </div>
    </div>
  );
}
