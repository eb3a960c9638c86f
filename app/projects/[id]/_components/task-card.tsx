import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { EnergyBadge } from "@/components/activity-badges";
import { Badge } from "@/components/ui/badge";
import { Checkbox, Input, Select } from "@/components/ui/field";
import type { ProjectDetail, TaskView } from "@/db/queries/projects";
import { formatDay, formatRange } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { possessive } from "@/lib/possessive";
import {
  assignTaskAction,
  claimTaskAction,
  markTaskDoneAction,
  releaseTaskAction,
  sendBackTaskAction,
  unassignTaskAction,
  verifyTaskAction,
} from "../actions";
import { TaskActionForm } from "./task-action-form";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Hours as shown: at most two decimals. */
const shownHours = (n: number) => (Number.isInteger(n) ? n : Number(n.toFixed(2)));
const dueDay = (day: string, locale: UiLocale) => formatDay(new Date(`${day}T12:00:00Z`), "UTC", locale);

function claimLine(c: TaskView["claims"][number], t: Translate): string {
  const hours = { given: c.hours !== null ? "yes" : "no", hours: c.hours !== null ? shownHours(c.hours) : 0 };
  if (c.isViewer) return t(`claim.mine.${c.status}`, hours);
  return t(`claim.other.${c.status}`, { ...hours, who: c.name ?? t("aMember") });
}

/** One task on the board: what it asks, who holds its places, and what the viewer can do. */
export async function TaskCard({
  task,
  project,
  viewerId,
  zone,
  members,
}: {
  task: TaskView;
  project: Pick<ProjectDetail, "id" | "status" | "viewer" | "group" | "groupJoinPolicy">;
  viewerId: string | null;
  zone: string;
  members: { id: string; name: string }[];
}) {
  const mine = task.claims.find((c) => c.isViewer);
  const organizer = project.viewer.isOrganizer;
  const open = project.status !== "done";
  const full = task.placesFree === 0;
  const ids = { taskId: task.id };
  const returnTo = `/projects/${project.id}#task-${task.id}`;
  const unclaimed = members.filter((m) => !task.claims.some((c) => c.userId === m.id));
  const [t, locale] = await Promise.all([getTranslations("projects.task"), getLocale() as Promise<UiLocale>]);
  // "Robin's place" in English; other languages name the person after the word for the place.
  const whose = (name: string) => (locale === "es" ? name : possessive(name));
  return (
    <li id={`task-${task.id}`} className="space-y-3 rounded-xl border border-line bg-surface p-4" data-testid="task-card" data-task-title={task.title}>
      <div className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">{task.title}</h3>
          {organizer ? (
            <Link className="text-sm underline" href={`/projects/${project.id}/tasks/${task.id}/edit`} data-testid="task-edit">
              {t.rich("edit", { title: task.title, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Link>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <EnergyBadge level={task.effort} locale={locale} />
          {task.fromHome ? <Badge tone="brand">{t("fromHome")}</Badge> : null}
          {task.estimatedHours !== null ? <Badge>{t("about", { hours: shownHours(task.estimatedHours) })}</Badge> : null}
          {task.dueOn ? <Badge>{t("due", { day: dueDay(task.dueOn, locale) })}</Badge> : null}
        </div>
        {task.windowStart && task.windowEnd ? <p className="text-sm">{t("when", { range: formatRange(task.windowStart, task.windowEnd, zone, locale) })}</p> : null}
        {task.description ? <p className="text-sm">{task.description}</p> : null}
      </div>
      <p className="text-sm font-medium" data-testid="task-places" aria-live="polite">
        {t("places", { claimed: task.claimedCount, needed: task.placesNeeded, full: full ? "yes" : "no", free: task.placesFree })}
      </p>
      {task.claims.length ? (
        <ul className="space-y-1 text-sm" aria-label={t("who", { title: task.title })} aria-live="polite">
          {task.claims.map((c) => (
            <li key={c.userId} className="space-y-2" data-testid="task-claim">
              <p data-testid="task-claim-line">{claimLine(c, t)}</p>
              {organizer && c.status === "done" ? (
                <div className="flex flex-wrap items-end gap-2">
                  <TaskActionForm action={verifyTaskAction} fields={{ ...ids, userId: c.userId }} label={t("verify")} variant="primary" testId="task-verify" className="flex flex-wrap items-end gap-2">
                    <label className="space-y-1 text-sm">
                      <span className="block">{t("hoursGiven")}</span>
                      <Input name="hours" inputMode="decimal" defaultValue={task.estimatedHours ?? ""} className="w-28" data-testid="task-verify-hours" />
                    </label>
                  </TaskActionForm>
                  <TaskActionForm action={sendBackTaskAction} fields={{ ...ids, userId: c.userId }} label={t("sendBack")} variant="ghost" testId="task-send-back" />
                </div>
              ) : null}
              {organizer && c.status === "claimed" && !c.isViewer ? (
                <TaskActionForm action={unassignTaskAction} fields={{ ...ids, userId: c.userId }} label={c.name ? t("unassign", { whose: whose(c.name) }) : t("unassignUnnamed")} variant="ghost" testId="task-unassign" />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {!viewerId ? (
        full ? null : (
          <Link className="text-sm underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="task-sign-in">
            {t("signIn")}
          </Link>
        )
      ) : mine ? (
        <div className="flex flex-wrap gap-2">
          {mine.status === "claimed" ? <TaskActionForm action={markTaskDoneAction} fields={ids} label={t("markDone")} variant="primary" testId="task-done" /> : null}
          {mine.status !== "verified" ? <TaskActionForm action={releaseTaskAction} fields={ids} label={t("release")} variant="ghost" testId="task-release" /> : null}
          {mine.status === "verified" ? <p className="text-sm">{t("verifiedThanks")}</p> : null}
        </div>
      ) : !open ? null : full ? (
        <p className="text-sm text-muted" data-testid="task-full">{t("full")}</p>
      ) : project.viewer.membership === "banned" ? null : project.viewer.membership === "active" ? (
        <TaskActionForm action={claimTaskAction} fields={ids} label={t("claim.button")} variant="primary" testId="task-claim-button" />
      ) : project.group.visibility === "public" && project.groupJoinPolicy === "open" && project.viewer.membership === null ? (
        <TaskActionForm action={claimTaskAction} fields={ids} label={t("claim.join")} variant="primary" testId="task-claim-button">
          <Checkbox name="acceptAgreements" label={t.rich("claim.accept", { group: project.group.name, link: (chunks) => <Link className="underline" href={`/groups/${project.group.slug}`}>{chunks}</Link> })} data-testid="task-accept-agreements" />
        </TaskActionForm>
      ) : (
        <p className="text-sm">
          {project.viewer.membership === "pending"
            ? t("claim.pending")
            : t.rich("claim.askToJoin", { group: project.group.name, link: (chunks) => <Link className="underline" href={`/groups/${project.group.slug}/join`}>{chunks}</Link> })}
        </p>
      )}

      {organizer && open && !full && unclaimed.length ? (
        <TaskActionForm action={assignTaskAction} fields={ids} label={t("assign")} variant="secondary" testId="task-assign" className="flex flex-wrap items-end gap-2">
          <label className="space-y-1 text-sm">
            <span className="block">{t("assignTo")}</span>
            <Select name="userId" className="w-56" data-testid="task-assign-member">
              {unclaimed.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </label>
        </TaskActionForm>
      ) : null}
    </li>
  );
}
