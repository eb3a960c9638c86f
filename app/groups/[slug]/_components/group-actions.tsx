/** Rendered on the group page for every viewer; decides for itself what to show. */
export async function GroupActions({ groupId }: { groupId: string }) {
  void groupId;
  return null;
}
