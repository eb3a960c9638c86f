import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { listGroupsForViewer } from "@/db/queries/groups";
import { getViewer } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.list");
  return { title: t("title") };
}

export default async function GroupsPage() {
  const viewer = await getViewer();
  const [groups, t] = await Promise.all([listGroupsForViewer(viewer?.id ?? null), getTranslations("groups")]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("list.title")}</h1>
        {viewer ? (
          <Link className="rounded-lg border border-line px-4 py-2 text-sm font-semibold" href="/groups/new">
            {t("list.start")}
          </Link>
        ) : null}
      </div>
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="group-list">
        {groups.map((g) => (
          <li key={g.slug} className="rounded-xl border border-line bg-surface p-4">
            <h2 className="text-lg font-semibold">
              <Link className="hover:underline" href={`/groups/${g.slug}`}>
                {g.name}
              </Link>
            </h2>
            {g.visibility === "private" ? <Badge>{t("privateGroup")}</Badge> : null}
            <p className="mt-1 line-clamp-3 text-sm text-muted">{g.about.replace(/[#*_>`]/g, "")}</p>
            <p className="mt-2 text-sm">
              {g.neighbourhood
                ? t("list.countsIn", { members: g.memberCount, upcoming: g.upcomingCount, neighbourhood: g.neighbourhood })
                : t("list.counts", { members: g.memberCount, upcoming: g.upcomingCount })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
