import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getActivityForEditing } from "@/db/queries/organizer";
import { getViewer } from "@/lib/auth/session";
import { requireOrganizer } from "@/lib/authz";
import { cancelActivityAction } from "../edit/actions";
import { CancelActivityForm } from "./organizer-forms";

/** Rendered on the activity page for every viewer; only this group's organizers see anything. */
export async function OrganizerActions({ activityId }: { activityId: string }) {
  const [viewer, activity] = await Promise.all([getViewer(), getActivityForEditing(activityId)]);
  if (!viewer || !activity) return null;
  if (!(await requireOrganizer(activity.groupId, viewer)).ok) return null;
  const cancelled = activity.status === "cancelled";
  return (
    <Card className="space-y-3" data-testid="organizer-actions">
      <h2 className="text-lg font-semibold">Organizer tools</h2>
      <div className="flex flex-wrap gap-2">
        <ButtonLink href={`/activities/${activityId}/organize`} variant="secondary" data-testid="organize-link">Who&apos;s coming and attendance</ButtonLink>
        <ButtonLink href={`/activities/${activityId}/edit`} variant="secondary" data-testid="edit-link">Edit</ButtonLink>
        <ButtonLink href={`/groups/${activity.groupSlug}/activities/new?copy=${activityId}`} variant="secondary" data-testid="duplicate-activity">Duplicate</ButtonLink>
      </div>
      {cancelled ? null : <CancelActivityForm action={cancelActivityAction.bind(null, activityId)} inSeries={Boolean(activity.seriesId)} />}
    </Card>
  );
}
