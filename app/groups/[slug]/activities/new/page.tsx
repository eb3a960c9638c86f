import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityForm } from "@/components/activity-form";
import { Alert } from "@/components/ui/alert";
import { getGroupForViewer } from "@/db/queries/groups";
import { isOrganizerOf } from "@/db/queries/memberships";
import { requireViewer } from "@/lib/auth/session";
import { newActivityValues, supportedTimeZones } from "@/lib/validation/activity";
import { getViewerZone } from "@/lib/viewer-zone";
import { createActivityAction } from "./actions";

export const metadata: Metadata = { title: "New activity" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewActivityPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/activities/new`);
  const group = await getGroupForViewer(slug, viewer.id);
  if (!group) notFound();
  if (!(await isOrganizerOf(group.id, viewer.id))) {
    return <Alert tone="error" title="Only organizers can post activities">Ask an organizer of {group.name} if you'd like to run something.</Alert>;
  }
  const zone = await getViewerZone();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">New activity for {group.name}</h1>
      <ActivityForm action={createActivityAction.bind(null, group.id)} defaultValues={newActivityValues(zone)} zones={supportedTimeZones()} mode="create" />
    </div>
  );
}
