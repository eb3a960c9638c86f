import { getTranslations } from "@/lib/i18n/translations";
import { ReflectionForm } from "@/components/reflection-form";
import { Card } from "@/components/ui/card";
import { getReflectionOffer } from "@/db/queries/reflections";
import { getViewer } from "@/server/auth/session";

/**
 * The viewer's own private reflection on an activity they were marked as attending; shown
 * to nobody else (organizers included), whoever else looks at the page.
 */
export async function MyReflection({ activityId }: { activityId: string }) {
  const viewer = await getViewer();
  if (!viewer) return null;
  const offer = await getReflectionOffer(activityId, viewer.id);
  if (!offer || (!offer.open && !offer.mine)) return null;
  const t = await getTranslations("activity.reflection");
  return (
    <Card className="space-y-2" data-testid="my-reflection">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm text-muted">{t("private")}</p>
      {offer.open ? (
        <ReflectionForm activityId={activityId} current={offer.mine} idPrefix="activity-reflection" />
      ) : (
        <p data-testid="reflection-saved">
          {offer.mine!.note ? t("savedNote", { feeling: offer.mine!.feeling, note: offer.mine!.note }) : t("saved", { feeling: offer.mine!.feeling })}
        </p>
      )}
    </Card>
  );
}
