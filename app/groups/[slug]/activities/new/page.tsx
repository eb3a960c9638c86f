import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/translations";
import { ActivityForm } from "@/components/activity-form";
import { PlaceSearchForm } from "@/components/place-picker/place-picker";
import { getGroupForViewer, getUsualKindOfGroup } from "@/db/queries/groups";
import { isOrganizerOf } from "@/db/queries/memberships";
import { getActivityForEditing } from "@/db/queries/organizer";
import { listGroupOrganizers } from "@/db/queries/people";
import { listProjectChoices } from "@/db/queries/projects";
import { listPlaceChoices } from "@/db/queries/saved-places";
import { requireViewer } from "@/server/auth/session";
import { copyActivityValues, newActivityValues, supportedTimeZones } from "@/lib/validation/activity";
import { recordIdSchema } from "@/lib/validation/ids";
import { env, mapTiles } from "@/lib/env";
import { placeSearchOf } from "@/lib/validation/place-choice";
import { createActivityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activity-form.new");
  return { title: t("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ copy?: string | string[]; project?: string | string[]; placeSearch?: string | string[] }> };

export default async function NewActivityPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/activities/new`);
  const group = await getGroupForViewer(slug, viewer.id);
  if (!group) notFound();
  if (!(await isOrganizerOf(group.id, viewer.id))) forbidden();
  // "Duplicate" on an activity of this group opens this form filled in with a copy a week
  // later; nothing exists until it is saved. Any other id is ignored.
  const query = await searchParams;
  const copyId = recordIdSchema.safeParse(query.copy);
  const source = copyId.success ? await getActivityForEditing(copyId.data) : undefined;
  const copy = source && source.groupId === group.id && !source.hiddenAt ? source : undefined;
  const search = placeSearchOf(query.placeSearch);
  const [projects, places, organizers] = await Promise.all([listProjectChoices(group.id, copy?.projectId), listPlaceChoices(group.id, search), listGroupOrganizers(group.id)]);
  // "Plan a work day" on a project page opens this form with that project chosen.
  const chosen = projects.find((p) => p.id === query.project)?.id;
  // The group meets where the site is: its zone, not the organizer's browser's, is the default.
  const fresh = () => getUsualKindOfGroup(group.id).then((kind) => newActivityValues(env().SITE_TIMEZONE, new Date(), kind));
  const t = await getTranslations("activity-form.new");
  const defaults = { ...(copy ? copyActivityValues(copy) : await fresh()), ...(chosen ? { projectId: chosen, kind: "volunteer" as const } : {}), hostId: viewer.id };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{copy ? t("copyHeading", { title: copy.title }) : t("heading", { group: group.name })}</h1>
      {copy ? <p className="text-sm text-muted" data-testid="copy-notice">{t("copyNotice")}</p> : null}
      <ActivityForm
        action={createActivityAction.bind(null, group.id)}
        defaultValues={defaults}
        zones={supportedTimeZones()}
        mode="create"
        projects={projects}
        places={{ ...places, search }}
        tiles={mapTiles()}
        hosts={organizers.map((o) => ({ id: o.id, name: o.name }))}
      />
      {/* The place search keeps the copy or project this form was opened with. */}
      <PlaceSearchForm keep={{ ...(copy ? { copy: copy.id } : {}), ...(chosen ? { project: chosen } : {}) }} />
    </div>
  );
}
