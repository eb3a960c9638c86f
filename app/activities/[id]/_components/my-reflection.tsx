import { ReflectionForm } from "@/components/reflection-form";
import { Card } from "@/components/ui/card";
import { getReflectionOffer } from "@/db/queries/reflections";
import { getViewer } from "@/server/auth/session";

const WORDS = { drained: "drained", ok: "OK", lifted: "lifted" } as const;

/**
 * The viewer's own private reflection on an activity they were marked as attending; shown
 * to nobody else (organizers included), whoever else looks at the page.
 */
export async function MyReflection({ activityId }: { activityId: string }) {
  const viewer = await getViewer();
  if (!viewer) return null;
  const offer = await getReflectionOffer(activityId, viewer.id);
  if (!offer || (!offer.open && !offer.mine)) return null;
  return (
    <Card className="space-y-2" data-testid="my-reflection">
      <h2 className="text-lg font-semibold">Your reflection</h2>
      <p className="text-sm text-muted">Private to you. It helps your suggestions lean towards what lifts you.</p>
      {offer.open ? (
        <ReflectionForm activityId={activityId} title="this activity" current={offer.mine} idPrefix="activity-reflection" />
      ) : (
        <p data-testid="reflection-saved">
          It left you {WORDS[offer.mine!.feeling]}.{offer.mine!.note ? ` “${offer.mine!.note}”` : ""}
        </p>
      )}
    </Card>
  );
}
