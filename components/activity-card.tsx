import Link from "next/link";
import type { ActivitySummary } from "@/db/queries/activities";
import { Badge } from "@/components/ui/badge";
import { formatRange } from "@/lib/dates";
import { AttendBadge, EnergyBadge, KindBadge, TalkBadge } from "./activity-badges";
import { SpotsLeft } from "./spots-left";

/** One activity in a listing: what it is, when, where, how much it asks, and room left. */
export function ActivityCard({ activity, zone, distanceFrom = null }: { activity: ActivitySummary; zone: string; distanceFrom?: string | null }) {
  const cancelled = activity.status === "cancelled";
  return (
    <li className="rounded-xl border border-line bg-surface p-4 shadow-sm" data-testid="activity-card">
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={activity.kind} />
        <EnergyBadge level={activity.energyLevel} />
        <TalkBadge level={activity.talkLevel} />
        <AttendBadge activity={activity} />
        {activity.firstTimerFriendly ? <Badge>First-timer friendly</Badge> : null}
        {activity.substanceFree ? <Badge>Substance-free</Badge> : null}
        {cancelled ? <Badge tone="danger">Cancelled</Badge> : null}
        {activity.group.visibility === "private" ? <Badge>Private group</Badge> : null}
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link href={`/activities/${activity.id}`} className={cancelled ? "line-through" : "hover:underline"}>
          {activity.title}
        </Link>
      </h3>
      <p className="text-sm">
        <time dateTime={activity.startsAt.toISOString()}>{formatRange(activity.startsAt, activity.endsAt, zone)}</time>
      </p>
      <p className="text-sm text-muted">
        {activity.placeName || (activity.online ? "Online" : "Place to be confirmed")}
        {activity.neighbourhood ? ` · ${activity.neighbourhood}` : ""} · {activity.group.name}
        {activity.distanceKm !== null ? (
          <span data-testid="distance">{` · ${activity.distanceKm} km ${distanceFrom && distanceFrom !== "your location" ? `from ${distanceFrom}` : "away"}`}</span>
        ) : null}
      </p>
      <p className="mt-1 text-sm">
        {cancelled ? null : <SpotsLeft capacity={activity.capacity} goingCount={activity.goingCount} waitlistLength={activity.waitlistLength} />}
      </p>
    </li>
  );
}
