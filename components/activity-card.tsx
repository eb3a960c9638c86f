import Link from "next/link";
import type { ActivitySummary } from "@/db/queries/activities";
import { Badge } from "@/components/ui/badge";
import { formatRange } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { AttendBadge, EnergyBadge, KindBadge, TalkBadge } from "./activity-badges";
import { SpotsLeft } from "./spots-left";
import { syncTranslator } from "./sync-translator";

/**
 * One activity in a listing: what it is, when, where, how much it asks, and room left. Plain,
 * not async, so a page of twenty cards renders as one piece rather than a hundred awaited ones.
 */
export function ActivityCard({ activity, zone, locale, distanceFrom = null }: { activity: ActivitySummary; zone: string; locale: UiLocale; distanceFrom?: string | null }) {
  const t = syncTranslator(locale, "listing.card");
  const cancelled = activity.status === "cancelled";
  return (
    <li className="card" data-testid="activity-card">
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={activity.kind} locale={locale} />
        <EnergyBadge level={activity.energyLevel} locale={locale} />
        <TalkBadge level={activity.talkLevel} locale={locale} />
        <AttendBadge activity={activity} locale={locale} />
        {activity.firstTimerFriendly ? <Badge>{t("firstTimer")}</Badge> : null}
        {activity.substanceFree ? <Badge>{t("substanceFree")}</Badge> : null}
        {cancelled ? <Badge tone="danger">{t("cancelled")}</Badge> : null}
        {activity.group.visibility === "private" ? <Badge>{t("privateGroup")}</Badge> : null}
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link href={`/activities/${activity.id}`} className={cancelled ? "line-through" : "hover:underline"}>
          {activity.title}
        </Link>
      </h3>
      <p className="text-sm">
        <time dateTime={activity.startsAt.toISOString()}>{formatRange(activity.startsAt, activity.endsAt, zone, locale)}</time>
      </p>
      <p className="text-sm text-muted">
        {t(activity.neighbourhood ? "whereIn" : "where", { place: activity.placeName || (activity.online ? t("online") : t("placeTbc")), neighbourhood: activity.neighbourhood ?? "", group: activity.group.name })}
        {activity.distanceKm !== null ? (
          <span data-testid="distance">{distanceFrom && distanceFrom !== "your location" ? t("distanceFrom", { km: activity.distanceKm, place: distanceFrom }) : t("distanceAway", { km: activity.distanceKm })}</span>
        ) : null}
      </p>
      <p className="mt-1 text-sm">
        {cancelled ? null : <SpotsLeft capacity={activity.capacity} goingCount={activity.goingCount} waitlistLength={activity.waitlistLength} locale={locale} />}
      </p>
    </li>
  );
}
