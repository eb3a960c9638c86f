import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/translations";
import { z } from "zod";
import { ActivityForm } from "@/components/activity-form";
import { PlaceSearchForm } from "@/components/place-picker/place-picker";
import { Alert } from "@/components/ui/alert";
import { getActivityForEditing } from "@/db/queries/organizer";
import { canSeeGroup, isOrganizerOf } from "@/db/queries/memberships";
import { listGroupOrganizers } from "@/db/queries/people";
import { listProjectChoices } from "@/db/queries/projects";
import { listPlaceChoices } from "@/db/queries/saved-places";
import { requireViewer } from "@/server/auth/session";
import { mapTiles } from "@/lib/env";
import { activityToFormValues, supportedTimeZones } from "@/lib/validation/activity";
import { placeSearchOf } from "@/lib/validation/place-choice";
import { updateActivityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activity-form.edit");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placeSearch?: string | string[] }> };

export default async function EditActivityPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer(`/activities/${id}/edit`);
  const activity = await getActivityForEditing(id);
  if (!activity || !(await canSeeGroup(activity.groupId, viewer.id))) notFound();
  if (!(await isOrganizerOf(activity.groupId, viewer.id))) forbidden();
  const search = placeSearchOf((await searchParams).placeSearch);
  const [projects, places, organizers] = await Promise.all([
    listProjectChoices(activity.groupId, activity.projectId),
    listPlaceChoices(activity.groupId, search),
    listGroupOrganizers(activity.groupId),
  ]);
  const hostId = activity.hostId ?? activity.createdById ?? "";
  const hosts = organizers.map((o) => ({ id: o.id, name: o.name }));
  const t = await getTranslations("activity-form.edit");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("heading", { title: activity.title })}</h1>
      <p>
        <Link className="underline" href={`/activities/${id}`}>{t("back")}</Link>
      </p>
      {activity.status === "cancelled" ? <Alert tone="info">{t("cancelled")}</Alert> : null}
      {activity.seriesId ? <Alert tone="info">{t("inSeries")}</Alert> : null}
      <ActivityForm
        action={updateActivityAction.bind(null, id)}
        defaultValues={{ ...activityToFormValues(activity), hostId }}
        zones={supportedTimeZones()}
        mode="edit"
        inSeries={Boolean(activity.seriesId)}
        projects={projects}
        places={{ ...places, search }}
        tiles={mapTiles()}
        hosts={hosts}
      />
      <PlaceSearchForm />
    </div>
  );
}
