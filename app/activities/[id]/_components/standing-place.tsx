/** Rendered on the activity page for every viewer; decides for itself what to show. */
export async function StandingPlace({ activityId }: { activityId: string }) {
  void activityId;
  return null;
}
