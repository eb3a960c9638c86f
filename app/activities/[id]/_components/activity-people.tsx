import { PersonLine } from "@/components/people/person-line";
import { CoverSection } from "@/components/pictures/cover-section";
import { AskOrganizers } from "@/components/questions/ask-organizers";
import { Card } from "@/components/ui/card";
import { getActivityHost } from "@/db/queries/people";

/** The activity's cover, its named host, and a private way to ask the organizers before coming. */
export async function ActivityPeople({ activityId, firstTimerFriendly, viewerId, canModerate, cancelled }: { activityId: string; firstTimerFriendly: boolean; viewerId: string | null; canModerate: boolean; cancelled: boolean }) {
  const host = await getActivityHost(activityId);
  return (
    <div className="space-y-4">
      <CoverSection subject="activities" id={activityId} canChange={canModerate} />
      <div className="grid gap-4 md:grid-cols-2">
        {host ? (
          <Card className="space-y-2" data-testid="activity-host">
            <h2 className="text-lg font-semibold">Your host</h2>
            <PersonLine person={host} />
          </Card>
        ) : null}
        {!canModerate && !cancelled ? <AskOrganizers about={{ activityId }} signedIn={Boolean(viewerId)} returnTo={`/activities/${activityId}#ask`} firstTimer={firstTimerFriendly || undefined} /> : null}
      </div>
    </div>
  );
}
