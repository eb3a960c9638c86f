import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { ProjectCard } from "@/components/project-card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { listProjects } from "@/db/queries/projects";
import { getViewer } from "@/server/auth/session";
import { plainText } from "@/lib/validation/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.list");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Active projects across the groups the viewer may see, those that need people first. */
export default async function ProjectsPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = plainText(typeof raw === "string" ? raw : "").trim().slice(0, 100);
  const viewer = await getViewer();
  const [projects, t] = await Promise.all([listProjects({ viewerId: viewer?.id ?? null, q: q || undefined }), getTranslations("projects.list")]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <form method="get" action="/projects" className="flex flex-wrap items-end gap-2" role="search">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium">{t("searchLabel")}</label>
          <Input id="q" name="q" defaultValue={q} className="w-72" data-testid="projects-search" />
        </div>
        <Button type="submit" variant="secondary">{t("search")}</Button>
        {q ? <Link className="text-sm underline" href="/projects">{t("showAll")}</Link> : null}
      </form>
      {projects.length === 0 ? <p className="text-muted" data-testid="no-projects">{q ? t("noMatch") : t("none")}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2" data-testid="project-list">
        {projects.map((p) => (
          <ProjectCard key={p.id} project={p} />
        ))}
      </ul>
    </div>
  );
}
