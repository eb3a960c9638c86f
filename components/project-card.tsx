import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import type { ProjectSummary } from "@/db/queries/projects";
import { ProjectProgress } from "./project-progress";
import { Badge } from "./ui/badge";

/** A project in a list: title, group, goal, status, places still open, and progress. */
export async function ProjectCard({ project, showGroup = true }: { project: ProjectSummary; showGroup?: boolean }) {
  const t = await getTranslations("projects");
  return (
    <li className="space-y-2 rounded-xl border border-line bg-surface p-4" data-testid="project-card">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={project.status === "active" ? "brand" : "neutral"}>{t(`status.${project.status}`)}</Badge>
        {project.status !== "done" && project.placesOpen > 0 ? (
          <Badge tone="accent">
            {t("card.needsPeople", { count: project.placesOpen })}
          </Badge>
        ) : null}
      </div>
      <h3 className="text-lg font-semibold">
        <Link className="underline" href={`/projects/${project.id}`}>
          {project.title}
        </Link>
      </h3>
      {showGroup ? <p className="text-sm text-muted">{t("card.with", { group: project.group.name })}</p> : null}
      {project.goal ? <p className="text-sm">{project.goal}</p> : null}
      <ProjectProgress progress={project.progress} label={project.title} compact />
    </li>
  );
}
