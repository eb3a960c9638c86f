import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { listGroupsForViewer } from "@/db/queries/groups";
import { getViewer } from "@/server/auth/session";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  const viewer = await getViewer();
  const groups = await listGroupsForViewer(viewer?.id ?? null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Groups</h1>
        {viewer ? (
          <Link className="rounded-lg border border-line px-4 py-2 text-sm font-semibold" href="/groups/new">
            Start a group
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
            {g.visibility === "private" ? <Badge>Private group</Badge> : null}
            <p className="mt-1 line-clamp-3 text-sm text-muted">{g.about.replace(/[#*_>`]/g, "")}</p>
            <p className="mt-2 text-sm">
              {g.memberCount} {g.memberCount === 1 ? "member" : "members"} · {g.upcomingCount} upcoming
              {g.neighbourhood ? ` · ${g.neighbourhood}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
