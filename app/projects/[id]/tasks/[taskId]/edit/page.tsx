import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { forbidden, notFound } from "next/navigation";
import { Checkbox } from "@/components/ui/field";
import { canSeeGroup, isOrganizerOf } from "@/db/queries/memberships";
import { getTaskRow } from "@/db/queries/projects";
import { requireViewer } from "@/server/auth/session";
import { env } from "@/lib/env";
import { areRecordIds } from "@/lib/validation/ids";
import { taskFormValuesOf } from "@/lib/validation/project";
import { removeTaskAction, updateTaskAction } from "../../../actions";
import { TaskActionForm } from "../../../_components/task-action-form";
import { TaskForm } from "../../../_components/task-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.taskEdit");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string; taskId: string }> };

/** The task editor for the group's organizers, with removing the task below it. */
export default async function EditTaskPage({ params }: Props) {
  const { id, taskId } = await params;
  const viewer = await requireViewer(`/projects/${id}/tasks/${taskId}/edit`);
  const task = areRecordIds(id, taskId) ? await getTaskRow(taskId) : undefined;
  if (!task || task.projectId !== id || !(await canSeeGroup(task.groupId, viewer.id))) notFound();
  if (!(await isOrganizerOf(task.groupId, viewer.id))) forbidden();
  // Task windows are written and read in the site's zone, like the form that adds them.
  const zone = env().SITE_TIMEZONE;
  const t = await getTranslations("projects.taskEdit");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <p>
          <Link className="underline" href={`/projects/${id}#task-${task.id}`}>{t("back", { project: task.projectTitle })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("heading", { title: task.title })}</h1>
        <p className="text-muted" data-testid="edit-task-places">
          {t("places", { count: task.claimedCount })}
        </p>
      </div>
      <TaskForm action={updateTaskAction.bind(null, task.id)} zone={zone} defaultValues={taskFormValuesOf(task, zone)} mode="edit" />
      <section aria-labelledby="remove-task-heading" className="space-y-2 rounded-xl border border-line p-4">
        <h2 id="remove-task-heading" className="text-lg font-semibold">{t("remove")}</h2>
        {task.verifiedClaims > 0 ? (
          <p className="text-sm" data-testid="task-remove-kept">
            {t("kept")}
          </p>
        ) : (
          <TaskActionForm action={removeTaskAction} fields={{ taskId: task.id }} label={t("removeButton")} variant="danger" testId="task-remove">
            <Checkbox
              name="confirm"
              value="yes"
              label={t("confirm", { count: task.claimedCount })}
              data-testid="task-remove-confirm"
            />
          </TaskActionForm>
        )}
      </section>
    </div>
  );
}
