import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/translations";
import { forbidden, notFound } from "next/navigation";
import { ProjectForm } from "@/components/project-form";
import { canSeeGroup, isOrganizerOf } from "@/db/queries/memberships";
import { getProjectRow } from "@/db/queries/projects";
import { requireViewer } from "@/server/auth/session";
import { recordIdSchema } from "@/lib/validation/ids";
import { updateProjectAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.edit");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function EditProjectPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer(`/projects/${id}/edit`);
  const parsed = recordIdSchema.safeParse(id);
  const project = parsed.success ? await getProjectRow(parsed.data) : undefined;
  if (!project || !(await canSeeGroup(project.groupId, viewer.id))) notFound();
  if (!(await isOrganizerOf(project.groupId, viewer.id))) forbidden();
  const t = await getTranslations("projects.edit");
  const values = { title: project.title, goal: project.goal, description: project.description, status: project.status, startsOn: project.startsOn ?? "", endsOn: project.endsOn ?? "" };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("heading", { title: project.title })}</h1>
      <ProjectForm action={updateProjectAction.bind(null, project.id)} defaultValues={values} mode="edit" />
    </div>
  );
}
