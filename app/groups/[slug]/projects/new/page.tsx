import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/translations";
import { forbidden, notFound } from "next/navigation";
import { ProjectForm } from "@/components/project-form";
import { getGroupForViewer } from "@/db/queries/groups";
import { isOrganizerOf } from "@/db/queries/memberships";
import { requireViewer } from "@/server/auth/session";
import { newProjectValues } from "@/lib/validation/project";
import { createProjectAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.new");
  return { title: t("title") };
}

type Props = { params: Promise<{ slug: string }> };

export default async function NewProjectPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/projects/new`);
  const group = await getGroupForViewer(slug, viewer.id);
  if (!group) notFound();
  if (!(await isOrganizerOf(group.id, viewer.id))) forbidden();
  const t = await getTranslations("projects.new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("heading", { name: group.name })}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      <ProjectForm action={createProjectAction.bind(null, group.id)} defaultValues={newProjectValues()} mode="create" />
    </div>
  );
}
