import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { WeeksChart } from "@/components/weeks-chart";
import { listMilestones } from "@/db/queries/milestones";
import { getParticipation } from "@/db/queries/participation";
import { kindLabel } from "@/lib/labels";
import { loadMe } from "../loader";

// The header's "My connections" opens this page, so it carries that name; its tab says "Participation".
export const metadata: Metadata = { title: "My connections" };

export default async function ParticipationPage() {
  const { viewer, zone, now } = await loadMe("/me/participation");
  const [p, milestones] = await Promise.all([getParticipation(viewer.id, zone, now), listMilestones(viewer.id)]);
  const hours = p.verifiedHours % 1 === 0 ? String(p.verifiedHours) : p.verifiedHours.toFixed(1);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">My connections</h1>
        <p className="text-muted">Your participation: what you&apos;ve been part of, counted gently. Every week is its own week; nothing here resets.</p>
      </header>

      <section aria-labelledby="totals" className="grid gap-3 sm:grid-cols-3">
        <h2 id="totals" className="sr-only">So far</h2>
        <Card data-testid="attended-count">
          <p className="text-3xl font-bold">{p.attendedCount}</p>
          <p className="text-sm text-muted">{p.attendedCount === 1 ? "activity" : "activities"} you were at</p>
        </Card>
        <Card data-testid="volunteer-hours">
          <p className="text-3xl font-bold">{hours}</p>
          <p className="text-sm text-muted">verified volunteer hours</p>
          <Link className="text-sm underline" href="/me/hours" data-testid="hours-statement-link">Statement to print</Link>
        </Card>
        <Card data-testid="weeks-with-connection">
          <p className="text-3xl font-bold">{p.weeksWithConnection}</p>
          <p className="text-sm text-muted">of the last 12 weeks with at least one connection</p>
        </Card>
      </section>

      <section aria-labelledby="weeks-heading" className="space-y-3">
        <h2 id="weeks-heading" className="text-xl font-semibold">The last 12 weeks</h2>
        <p className="text-sm text-muted">
          Weeks start on Monday ({zone}). A connection is an activity you were at or a check-in with a partner.
        </p>
        <Card>
          <p id="weeks-chart-title" className="sr-only">
            Connections per week over the last 12 weeks; the table below has the same numbers.
          </p>
          <WeeksChart weeks={p.weeks} titleId="weeks-chart-title" />
          <p className="mt-2 flex gap-4 text-sm text-muted" aria-hidden="true">
            <span><span className="inline-block h-3 w-3 rounded-sm bg-brand" /> activities</span>
            <span><span className="inline-block h-3 w-3 rounded-sm bg-accent" /> check-ins</span>
          </p>
        </Card>
        <table className="w-full text-left text-sm" data-testid="weeks-table">
          <caption className="sr-only">Connections per week</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1">Week starting</th>
              <th scope="col" className="py-1">Activities</th>
              <th scope="col" className="py-1">Check-ins</th>
            </tr>
          </thead>
          <tbody>
            {p.weeks.map((w) => (
              <tr key={w.week} className="border-b border-line">
                <th scope="row" className="py-1 font-normal">{w.label}</th>
                <td className="py-1">{w.activities}</td>
                <td className="py-1">{w.checkIns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="variety-heading" className="space-y-2">
        <h2 id="variety-heading" className="text-xl font-semibold">Variety</h2>
        {p.attendedCount === 0 ? (
          <p className="text-muted">
            Once an organizer marks you as there, what you&apos;ve been part of shows up here. <Link className="underline" href="/activities?energy=low">Something low-energy to start?</Link>
          </p>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Card>
              <h3 className="font-semibold">Kinds of activity</h3>
              <ul className="mt-1 text-sm" data-testid="variety-kinds">
                {p.byKind.map((k) => (
                  <li key={k.kind}>{kindLabel[k.kind]}: {k.count}</li>
                ))}
              </ul>
            </Card>
            <Card>
              <h3 className="font-semibold">Groups</h3>
              <ul className="mt-1 text-sm" data-testid="variety-groups">
                {p.byGroup.map((g) => (
                  <li key={g.groupId}>{g.name}: {g.count}</li>
                ))}
              </ul>
            </Card>
          </div>
        )}
      </section>

      <section aria-labelledby="people-heading" className="space-y-2">
        <h2 id="people-heading" className="text-xl font-semibold">Familiar faces</h2>
        <p className="text-sm text-muted">People you&apos;ve been at two or more of the same activities with — only those who chose to be listed.</p>
        {p.peopleMet.length === 0 ? (
          <p className="text-muted" data-testid="people-met-empty">No familiar faces to show yet.</p>
        ) : (
          <ul className="text-sm" data-testid="people-met">
            {p.peopleMet.map((m) => (
              <li key={m.userId}>{m.name} · {m.sharedActivities} activities together</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="milestones-heading" className="space-y-2">
        <h2 id="milestones-heading" className="text-xl font-semibold">Milestones</h2>
        {milestones.length === 0 ? (
          <p className="text-muted">Small things worth marking will appear here as they happen.</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2" data-testid="milestones">
            {milestones.map((m) => (
              <li key={m.key} className="rounded-lg border border-line bg-surface p-3" data-key={m.key}>
                <p className="font-semibold">{m.title}</p>
                <p className="text-sm text-muted">{m.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
