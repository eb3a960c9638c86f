import Link from "next/link";
import { ActivityCard } from "@/components/activity-card";
import { ButtonLink } from "@/components/ui/button";
import { HomeConnection } from "@/components/home-connection";
import { Card } from "@/components/ui/card";
import { listActivities } from "@/db/queries/activities";
import { getViewer } from "@/server/auth/session";
import { formatRange } from "@/lib/dates";
import { activityFiltersSchema } from "@/lib/validation/activity-filters";
import { getViewerZone } from "@/server/viewer-zone";
import { loadMemberHome } from "./loader";

const statusWords: Record<string, string> = { going: "You're going", waitlisted: "On the waitlist", maybe: "You'll try" };

export default async function HomePage({ searchParams }: { searchParams: Promise<{ reflected?: string | string[] }> }) {
  const reflected = (await searchParams).reflected;
  const reflectedId = typeof reflected === "string" && /^[0-9a-f-]{36}$/i.test(reflected) ? reflected : undefined;
  const [viewer, zone] = await Promise.all([getViewer(), getViewerZone()]);
  const [thisWeek, home] = await Promise.all([
    listActivities(activityFiltersSchema.parse({ when: "week", perPage: "8" }), { viewerId: viewer?.id ?? null, zone, count: false }),
    viewer ? loadMemberHome(viewer, reflectedId) : undefined,
  ]);
  const mine = home?.upcoming ?? [];
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold">{viewer ? `Hello, ${viewer.name}` : "Small, regular things to do together"}</h1>
        <p className="max-w-2xl text-lg text-muted">
          Volunteer projects, group walks and hobby meetups near you. Every activity says how much energy and talk it asks, so you can pick what fits
          today.
        </p>
        {!viewer ? (
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/activities">Browse activities</ButtonLink>
            <ButtonLink href="/signup" variant="secondary">Create an account</ButtonLink>
          </div>
        ) : null}
      </section>
      {viewer ? (
        <section aria-labelledby="my-week" className="space-y-3">
          <h2 id="my-week" className="text-xl font-semibold">Your week</h2>
          {mine.length === 0 ? (
            <Card>
              <p>
                Nothing planned for the next seven days. <Link className="underline" href="/activities?when=week&energy=low">Something low-energy this week?</Link>
              </p>
            </Card>
          ) : (
            <ul className="space-y-2" data-testid="my-upcoming">
              {mine.map((a) => (
                <li key={a.id} className="rounded-lg border border-line bg-surface p-3">
                  <Link className="font-medium underline" href={`/activities/${a.id}`}>{a.title}</Link>
                  <p className="text-sm text-muted">
                    {formatRange(a.startsAt, a.endsAt, zone)} · {statusWords[a.myStatus] ?? a.myStatus}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {home ? <HomeConnection {...home} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="this-week" className="space-y-3">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="this-week" className="text-xl font-semibold">On this week</h2>
          <Link className="text-sm underline" href="/activities?when=week">See everything this week</Link>
        </div>
        {thisWeek.items.length === 0 ? <p className="text-muted">Nothing is planned for the next seven days yet.</p> : null}
        <ul className="grid gap-3 md:grid-cols-2" data-testid="this-week-list">
          {thisWeek.items.map((a) => (
            <ActivityCard key={a.id} activity={a} zone={zone} />
          ))}
        </ul>
      </section>
    </div>
  );
}
