import type { Metadata } from "next";
import Link from "next/link";
import { Discussion } from "@/components/discussion/discussion";
import { CoverSection } from "@/components/pictures/cover-section";
import { ReportLink } from "@/components/report-link";
import { Markdown } from "@/components/markdown";
import { ProjectProgress } from "@/components/project-progress";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/field";
import { formatRange } from "@/lib/dates";
import { env } from "@/lib/env";
import { splitAtProjectEnd } from "@/lib/work-days";
import { newTaskValues, projectStatusLabel } from "@/lib/validation/project";
import { createTaskAction } from "./actions";
import { TaskCard } from "./_components/task-card";
import { AddTaskPanel, TaskForm } from "./_components/task-form";
import { loadProject, loadProjectPage } from "./loader";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProject((await params).id);
  return { title: project.title };
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const day = (d: string) => dayFormat.format(new Date(`${d}T12:00:00Z`));

function WorkDayList({ workDays, zone, testId }: { workDays: Awaited<ReturnType<typeof loadProjectPage>>["workDays"]; zone: string; testId: string }) {
  return (
    <ul className="space-y-2" data-testid={testId}>
      {workDays.map((a) => (
        <li key={a.id} className="text-sm">
          <Link className="font-medium underline" href={`/activities/${a.id}`}>{a.title}</Link>
          <br />
          {formatRange(a.startsAt, a.endsAt, zone)}
          {a.status === "cancelled" ? " · cancelled" : ""}
        </li>
      ))}
    </ul>
  );
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { project, tasks, workDays, comments, members, viewer, zone, filters } = await loadProjectPage((await params).id, await searchParams);
  const filtered = filters.open || filters.energy || filters.home;
  const { during, after } = splitAtProjectEnd(workDays, project.endsOn);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <Badge tone={project.status === "active" ? "brand" : "neutral"}>{projectStatusLabel[project.status]}</Badge>
          {project.group.visibility === "private" ? <Badge>Private group</Badge> : null}
        </div>
        <h1 className="text-3xl font-bold" data-testid="project-title">{project.title}</h1>
        <p className="text-muted">
          A project of{" "}
          <Link className="underline" href={`/groups/${project.group.slug}`}>{project.group.name}</Link>
          {project.startsOn || project.endsOn ? ` · ${project.startsOn ? `from ${day(project.startsOn)}` : ""}${project.startsOn && project.endsOn ? " " : ""}${project.endsOn ? `until ${day(project.endsOn)}` : ""}` : ""}
        </p>
        {project.goal ? <p className="text-lg" data-testid="project-goal"><span className="font-semibold">Goal:</span> {project.goal}</p> : null}
        {project.status === "done" ? <p className="font-medium" data-testid="project-done">This project is done. Thank you to everyone who gave their time.</p> : null}
      </header>
      <CoverSection subject="projects" id={project.id} canChange={project.viewer.isOrganizer} cover={project.cover} />
      {project.viewer.isOrganizer ? (
        <div className="flex flex-wrap gap-2" data-testid="project-organizer-tools">
          <ButtonLink href={`/projects/${project.id}/edit`} variant="secondary" data-testid="edit-project">Edit, complete or reopen</ButtonLink>
          <ButtonLink href={`/groups/${project.group.slug}/activities/new?project=${project.id}`} variant="ghost">Plan a work day</ButtonLink>
        </div>
      ) : null}
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Progress</h2>
        <ProjectProgress progress={project.progress} label={project.title} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {project.description ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="mb-2 text-xl font-semibold">About this project</h2>
              <Markdown source={project.description} />
            </section>
          ) : null}
          <section aria-labelledby="board-heading" className="space-y-3" id="tasks">
            <h2 id="board-heading" className="text-xl font-semibold">Task board</h2>
            <form method="get" action={`/projects/${project.id}#tasks`} className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="task-filters">
              <Checkbox name="open" value="1" defaultChecked={filters.open} label="Open places only" data-testid="filter-open" />
              <Checkbox name="energy" value="low" defaultChecked={filters.energy === "low"} label="Low energy" data-testid="filter-low-energy" />
              <Checkbox name="home" value="1" defaultChecked={filters.home} label="Can be done from home" data-testid="filter-home" />
              <Button type="submit" variant="secondary" data-testid="filter-apply">Show tasks</Button>
              {filtered ? <Link className="text-sm underline" href={`/projects/${project.id}#tasks`}>Show all tasks</Link> : null}
            </form>
            {tasks.length === 0 ? <p className="text-muted" data-testid="no-tasks">{filtered ? "No tasks match these choices." : "No tasks yet."}</p> : null}
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
          {viewer && !project.viewer.isOrganizer ? <p><ReportLink type="project" id={project.id} label={`Report the project ${project.title}`} /></p> : null}
          <Discussion target={{ projectId: project.id }} comments={comments} viewer={viewer} canModerate={project.viewer.isOrganizer} returnTo={`/projects/${project.id}`} zone={zone} />
        </div>
        <aside className="space-y-4">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Work days</h2>
            {workDays.length === 0 ? <p className="text-sm text-muted">No work days planned just now.</p> : null}
            <WorkDayList workDays={during} zone={zone} testId="work-days" />
            {after.length > 0 && project.endsOn ? (
              <>
                <p className="mt-3 text-sm text-muted" data-testid="work-days-after-end">
                  The project is planned to end on {day(project.endsOn)}; these work days are after that date:
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
