import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Discussion } from "@/components/discussion/discussion";
import { CoverSection } from "@/components/pictures/cover-section";
import { ReportLink } from "@/components/report-link";
import { Markdown } from "@/components/markdown";
import { ProjectProgress } from "@/components/project-progress";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/field";
import { formatDay, formatRange } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";
import { splitAtProjectEnd } from "@/lib/work-days";
import { newTaskValues } from "@/lib/validation/project";
import { createTaskAction } from "./actions";
import { TaskCard } from "./_components/task-card";
import { AddTaskPanel, TaskForm } from "./_components/task-form";
import { loadProject, loadProjectPage } from "./loader";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProject((await params).id);
  return { title: project.title };
}

/** A calendar day ("2027-03-01"), as the hub shows days, in the page's language. */
const day = (d: string, locale: UiLocale) => formatDay(new Date(`${d}T12:00:00Z`), "UTC", locale);

async function WorkDayList({ workDays, zone, testId }: { workDays: Awaited<ReturnType<typeof loadProjectPage>>["workDays"]; zone: string; testId: string }) {
  const [t, locale] = await Promise.all([getTranslations("projects.page"), getLocale() as Promise<UiLocale>]);
  return (
    <ul className="space-y-2" data-testid={testId}>
      {workDays.map((a) => (
        <li key={a.id} className="text-sm">
          <Link className="font-medium underline" href={`/activities/${a.id}`}>{a.title}</Link>
          <br />
          {a.status === "cancelled" ? t("workDayCancelled", { when: formatRange(a.startsAt, a.endsAt, zone, locale) }) : formatRange(a.startsAt, a.endsAt, zone, locale)}
        </li>
      ))}
    </ul>
  );
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { project, tasks, workDays, comments, members, viewer, zone, filters } = await loadProjectPage((await params).id, await searchParams);
  const filtered = filters.open || filters.energy || filters.home;
  const { during, after } = splitAtProjectEnd(workDays, project.endsOn);
  const [t, tp, locale] = await Promise.all([getTranslations("projects.page"), getTranslations("projects"), getLocale() as Promise<UiLocale>]);
  const dates = project.startsOn && project.endsOn ? "both" : project.startsOn ? "from" : project.endsOn ? "until" : "none";
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <Badge tone={project.status === "active" ? "brand" : "neutral"}>{tp(`status.${project.status}`)}</Badge>
          {project.group.visibility === "private" ? <Badge>{t("privateGroup")}</Badge> : null}
        </div>
        <h1 className="text-3xl font-bold" data-testid="project-title">{project.title}</h1>
        <p className="text-muted">
          {t.rich("of", {
            dates,
            group: project.group.name,
            from: project.startsOn ? day(project.startsOn, locale) : "",
            until: project.endsOn ? day(project.endsOn, locale) : "",
            link: (chunks) => <Link className="underline" href={`/groups/${project.group.slug}`}>{chunks}</Link>,
          })}
        </p>
        {project.goal ? <p className="text-lg" data-testid="project-goal">{t.rich("goal", { goal: project.goal, b: (chunks) => <span className="font-semibold">{chunks}</span> })}</p> : null}
        {project.status === "done" ? <p className="font-medium" data-testid="project-done">{t("done")}</p> : null}
      </header>
      <CoverSection subject="projects" id={project.id} canChange={project.viewer.isOrganizer} cover={project.cover} />
      {project.viewer.isOrganizer ? (
        <div className="flex flex-wrap gap-2" data-testid="project-organizer-tools">
          <ButtonLink href={`/projects/${project.id}/edit`} variant="secondary" data-testid="edit-project">{t("edit")}</ButtonLink>
          <ButtonLink href={`/groups/${project.group.slug}/activities/new?project=${project.id}`} variant="ghost">{t("planWorkDay")}</ButtonLink>
        </div>
      ) : null}
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("progress")}</h2>
        <ProjectProgress progress={project.progress} label={project.title} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {project.description ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="mb-2 text-xl font-semibold">{t("about")}</h2>
              <Markdown source={project.description} />
            </section>
          ) : null}
          <section aria-labelledby="board-heading" className="space-y-3" id="tasks">
            <h2 id="board-heading" className="text-xl font-semibold">{t("board")}</h2>
            <form method="get" action={`/projects/${project.id}#tasks`} className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="task-filters">
              <Checkbox name="open" value="1" defaultChecked={filters.open} label={t("filterOpen")} data-testid="filter-open" />
              <Checkbox name="energy" value="low" defaultChecked={filters.energy === "low"} label={t("filterLow")} data-testid="filter-low-energy" />
              <Checkbox name="home" value="1" defaultChecked={filters.home} label={t("filterHome")} data-testid="filter-home" />
              <Button type="submit" variant="secondary" data-testid="filter-apply">{t("showTasks")}</Button>
              {filtered ? <Link className="text-sm underline" href={`/projects/${project.id}#tasks`}>{t("showAllTasks")}</Link> : null}
            </form>
            {tasks.length === 0 ? <p className="text-muted" data-testid="no-tasks">{filtered ? t("noMatch") : t("noTasks")}</p> : null}
            <ul className="space-y-3" data-testid="task-board">
              {tasks.map((t) => (
                <TaskCard key={t.id} task={t} project={project} viewerId={viewer?.id ?? null} zone={zone} members={members} />
              ))}
            </ul>
            {project.viewer.isOrganizer ? (
              <AddTaskPanel initiallyOpen={tasks.length === 0 && !filtered}>
                <TaskForm action={createTaskAction.bind(null, project.id)} zone={env().SITE_TIMEZONE} defaultValues={newTaskValues()} mode="create" />
              </AddTaskPanel>
            ) : null}
          </section>
          {viewer && !project.viewer.isOrganizer ? <p><ReportLink type="project" id={project.id} label={t("report", { title: project.title })} /></p> : null}
          <Discussion target={{ projectId: project.id }} comments={comments} viewer={viewer} canModerate={project.viewer.isOrganizer} returnTo={`/projects/${project.id}`} zone={zone} />
        </div>
        <aside className="space-y-4">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("workDays")}</h2>
            {workDays.length === 0 ? <p className="text-sm text-muted">{t("noWorkDays")}</p> : null}
            <WorkDayList workDays={during} zone={zone} testId="work-days" />
            {after.length > 0 && project.endsOn ? (
              <>
                <p className="mt-3 text-sm text-muted" data-testid="work-days-after-end">
                  {t("afterEnd", { day: day(project.endsOn, locale) })}
                </p>
                <WorkDayList workDays={after} zone={zone} testId="work-days-after" />
              </>
            ) : null}
          </Card>
        </aside>
      </div>
    </article>
  );
}
