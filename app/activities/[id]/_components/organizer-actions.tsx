import { getTranslations } from "@/lib/i18n/translations";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cancelActivityAction } from "../edit/actions";
import { CancelActivityForm } from "./organizer-forms";

/**
 * The organizer's tools on the activity page; the page shows them only to this group's
 * organizers. Each action checks that again for itself.
 */
export async function OrganizerActions({ activityId, groupSlug, status, seriesId }: { activityId: string; groupSlug: string; status: "scheduled" | "cancelled"; seriesId: string | null }) {
  const cancelled = status === "cancelled";
  const t = await getTranslations("activity.organizer");
  return (
    <Card className="space-y-3" data-testid="organizer-actions">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <div className="flex flex-wrap gap-2">
        <ButtonLink href={`/activities/${activityId}/organize`} variant="secondary" data-testid="organize-link">{t("organize")}</ButtonLink>
        <ButtonLink href={`/activities/${activityId}/edit`} variant="secondary" data-testid="edit-link">{t("edit")}</ButtonLink>
        <ButtonLink href={`/groups/${groupSlug}/activities/new?copy=${activityId}`} variant="secondary" data-testid="duplicate-activity">{t("duplicate")}</ButtonLink>
      </div>
      {cancelled ? null : <CancelActivityForm action={cancelActivityAction.bind(null, activityId)} inSeries={Boolean(seriesId)} />}
    </Card>
  );
}
