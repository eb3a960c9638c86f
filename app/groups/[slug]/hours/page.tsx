import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HoursRangeForm, rangeWords } from "@/components/hours/range-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/server/auth/session";
import { getMemberZoneFor } from "@/server/viewer-zone";
import { hoursText } from "@/lib/validation/hours";
import { loadGroupHours } from "./loader";

export const metadata: Metadata = { title: "Volunteer hours" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GroupHoursPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/hours`);
  const data = await loadGroupHours(slug, viewer, await searchParams, await getMemberZoneFor(viewer));
  if (!data) notFound();
  const { group, range, errors, report } = data;
  const query = new URLSearchParams({ from: range.from ?? "", to: range.to ?? "" }).toString();
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Volunteer hours · {group.name}</h1>
        <p className="text-muted">
          Hours organizers verified on this group&apos;s project tasks, {rangeWords(range)} ({data.zone}). Only the group&apos;s organizers see this page; it names every
          member, whether or not they chose to be listed to other members.
        </p>
        <p className="text-sm">
          <Link className="underline" href={`/groups/${group.slug}/manage`}>Back to managing the group</Link>
        </p>
      </header>
      <HoursRangeForm action={`/groups/${group.slug}/hours`} range={range} errors={errors} />
      <p className="text-lg" data-testid="hours-total">
        <span className="font-bold">{hoursText(report.total)}</span> verified {report.total === 1 ? "hour" : "hours"} {rangeWords(range)}
      </p>
      {/* A plain link: a file to download, not a page for the router to fetch ahead. */}
      <a href={`/groups/${group.slug}/hours.csv?${query}`} download className={buttonClass("secondary", "no-underline")} data-testid="hours-csv">
        Download as CSV
      </a>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <table className="w-full text-left text-sm" data-testid="hours-by-member">
            <caption className="mb-2 text-left text-lg font-semibold">By member</caption>
            <thead>
              <tr className="border-b border-line"><th scope="col" className="py-1">Member</th><th scope="col" className="py-1 text-right">Tasks</th><th scope="col" className="py-1 text-right">Hours</th></tr>
            </thead>
            <tbody>
              {report.byMember.map((m) => (
                <tr key={m.userId} className="border-b border-line"><th scope="row" className="py-1 font-normal">{m.name}</th><td className="py-1 text-right">{m.entries}</td><td className="py-1 text-right">{hoursText(m.hours)}</td></tr>
              ))}
              {report.byMember.length === 0 ? <tr><td colSpan={3} className="py-2 text-muted">No hours verified in these dates.</td></tr> : null}
            </tbody>
          </table>
        </Card>
        <Card>
          <table className="w-full text-left text-sm" data-testid="hours-by-project">
            <caption className="mb-2 text-left text-lg font-semibold">By project</caption>
            <thead>
              <tr className="border-b border-line"><th scope="col" className="py-1">Project</th><th scope="col" className="py-1 text-right">Tasks</th><th scope="col" className="py-1 text-right">Hours</th></tr>
            </thead>
            <tbody>
              {report.byProject.map((p) => (
                <tr key={p.projectId} className="border-b border-line"><th scope="row" className="py-1 font-normal"><Link className="underline" href={`/projects/${p.projectId}`}>{p.title}</Link></th><td className="py-1 text-right">{p.entries}</td><td className="py-1 text-right">{hoursText(p.hours)}</td></tr>
              ))}
              {report.byProject.length === 0 ? <tr><td colSpan={3} className="py-2 text-muted">No hours verified in these dates.</td></tr> : null}
            </tbody>
          </table>
        </Card>
      </div>
      {report.former.length ? (
        <Card data-testid="hours-former">
          <h2 className="text-lg font-semibold">Hours of members who have since left the hub</h2>
          <p className="text-sm text-muted">
            Their work stays counted, with no one named. Their dates went with their accounts, so these are all-time numbers, not part of the total above.
          </p>
          <ul className="mt-2 text-sm">
            {report.former.map((f) => (
              <li key={f.projectId}>{f.title}: {hoursText(f.hours)} hours</li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
