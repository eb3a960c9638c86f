import type { ActivityDetail } from "@/db/queries/activities";
import { SpotsLeft } from "@/components/spots-left";
import { syncTranslator, type SyncTranslator } from "@/components/sync-translator";
import { canonicalZone, dateFormatter, formatDay, formatRange, formatTime, resolveWallClock, zoneAbbreviation } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { googleCalendarLink, outlookCalendarLink } from "@/lib/ical";

function mapLink(a: ActivityDetail): string | null {
  if (a.latitude !== null && a.longitude !== null) return `https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=17/${a.latitude}/${a.longitude}`;
  if (a.address) return `https://www.openstreetmap.org/search?query=${encodeURIComponent(a.address)}`;
  return null;
}

const calendarFields = (a: ActivityDetail, online: string) => ({
  title: a.title,
  description: a.description,
  location: [a.placeName, a.address].filter(Boolean).join(", ") || a.onlineUrl || (a.online ? online : ""),
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  timezone: a.timezone,
});

/** When the local start time happens twice (the clocks go back), which of the two this is. */
function whichOfTwo(startsAt: Date, zone: string, t: SyncTranslator, locale: UiLocale): string | null {
  const p = Object.fromEntries(
    dateFormatter("en-GB", zone, "wallClock")
      .formatToParts(startsAt)
      .map((x) => [x.type, Number(x.value)]),
  );
  const resolved = resolveWallClock({ year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute }, zone);
  if (resolved.status !== "ambiguous") return null;
  const first = resolved.instant.getTime() === startsAt.getTime();
  return t(first ? "firstOfTwo" : "secondOfTwo", { time: formatTime(startsAt, zone, locale), abbr: zoneAbbreviation(startsAt, zone) });
}

const factsList = "grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr] sm:gap-y-2 [&>dd]:mb-2 sm:[&>dd]:mb-0";

/**
 * When (in both zones), where, and whether there is room: what a person needs before answering,
 * so the page puts the RSVP box straight after these and the rest of the facts below it.
 * `viewerZoneKnown` is false when the browser has not told us its zone (no JavaScript): the
 * second time is then labelled as the site's zone, not as the viewer's.
 */
export function ActivityFacts({ activity: a, viewerZone: rawViewerZone, viewerZoneKnown = true, now = new Date(), locale = "en" }: { activity: ActivityDetail; viewerZone: string; viewerZoneKnown?: boolean; now?: Date; locale?: UiLocale }) {
  const t = syncTranslator(locale, "activity.facts");
  const map = mapLink(a);
  const zone = canonicalZone(a.timezone);
  const viewerZone = canonicalZone(rawViewerZone);
  const differentZone = formatRange(a.startsAt, a.endsAt, zone) !== formatRange(a.startsAt, a.endsAt, viewerZone);
  const ambiguity = whichOfTwo(a.startsAt, zone, t, locale);
  const range = (z: string) => formatRange(a.startsAt, a.endsAt, z, locale);
  const past = a.endsAt <= now;
  const onlineOnly = !a.placeName && !a.address && a.online;
  return (
    <dl className={factsList} data-testid="activity-facts">
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("when")}</dt>
      <dd data-testid="activity-time">
        {t.rich("range", { range: range(zone), abbr: zoneAbbreviation(a.startsAt, zone), zone, time: (chunks) => <time dateTime={a.startsAt.toISOString()}>{chunks}</time> })}
        {ambiguity ? (
          <span className="block text-muted" data-testid="clock-change-time">
            {ambiguity}
          </span>
        ) : null}
        {differentZone ? (
          <span className="block text-muted" data-testid="viewer-time">
            {t(viewerZoneKnown ? "yourTime" : "timesIn", { range: range(viewerZone), zone: viewerZone })}
          </span>
        ) : null}
        {/* Each link is at least 24px tall: on a phone they wrap onto lines of their own, one under the other. */}
        <span className="flex flex-wrap gap-x-3">
          <a className="inline-block py-0.5 underline" href={`/activities/${a.id}/calendar.ics`} download data-testid="add-to-calendar">
            {t("addToCalendar")}
          </a>
          {a.status !== "cancelled" ? (
            <>
              <a className="inline-block py-0.5 underline" href={googleCalendarLink(calendarFields(a, t("calendarOnline")))} rel="noopener noreferrer" data-testid="add-to-google">
                {t("google")}
              </a>
              <a className="inline-block py-0.5 underline" href={outlookCalendarLink(calendarFields(a, t("calendarOnline")))} rel="noopener noreferrer" data-testid="add-to-outlook">
                {t("outlook")}
              </a>
            </>
          ) : null}
        </span>
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("where")}</dt>
      <dd>
        {onlineOnly ? null : a.placeName || t("placeTbc")}
        {a.address ? <span className="block text-muted">{a.address}</span> : null}
        {map ? (
          <a className="underline" href={map} rel="noopener noreferrer" data-testid="open-in-map">
            {t("openMap")}
          </a>
        ) : null}
        {a.onlineUrl ? (
          <span className="block" data-testid="online-link">
            {t.rich("online", {
              url: a.onlineUrl,
              link: (chunks) => (
                <a className="underline" href={a.onlineUrl!} rel="noopener noreferrer nofollow">
                  {chunks}
                </a>
              ),
            })}
          </span>
        ) : a.online ? (
          // The link is only loaded for members going and organizers (meetingLinkFor).
          <span className="block" data-testid="online-link-hidden">
            {t("onlineHidden")}
          </span>
        ) : null}
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("places")}</dt>
      <dd>
        {a.status === "cancelled" ? (
          <span data-testid="spots-left">{t("noneCancelled")}</span>
        ) : past ? (
          <span data-testid="spots-left">{t("noneFinished")}</span>
        ) : (
          <SpotsLeft capacity={a.capacity} goingCount={a.goingCount} waitlistLength={a.waitlistLength} locale={locale} />
        )}
        {!past && a.capacity !== null && a.goingCount > a.capacity ? <span className="block text-muted">{t("overLimit")}</span> : null}
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("going")}</dt>
      <dd data-testid="going-count">{a.goingCount}</dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("waitlist")}</dt>
      <dd data-testid="waitlist-length">{a.waitlistLength === 0 ? t("nobodyWaiting") : t("waiting", { count: a.waitlistLength })}</dd>
      {a.rsvpCutoff ? (
        <>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("repliesClose")}</dt>
          <dd>
            {t("dayTime", { day: formatDay(a.rsvpCutoff, zone, locale), time: formatTime(a.rsvpCutoff, zone, locale) })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** What the activity is like to be at: energy, talk, coming and going, access. */
export function ActivityConditions({ activity: a, locale = "en" }: { activity: ActivityDetail; locale?: UiLocale }) {
  const t = syncTranslator(locale, "activity.conditions");
  const labels = syncTranslator(locale, "labels");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <section aria-labelledby="conditions-heading" className="space-y-3">
      <h2 id="conditions-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <dl className={factsList} data-testid="activity-conditions">
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("energy")}</dt>
        <dd>{labels(`energy.${a.energyLevel}`)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("talk")}</dt>
        <dd>{labels(`talk.${a.talkLevel}`)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("late")}</dt>
        <dd>{a.lateArrivalOk ? t("lateOk") : t("lateNo")}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("stepFree")}</dt>
        <dd>{yesNo(a.stepFree)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("seating")}</dt>
        <dd>{yesNo(a.seatingAvailable)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("quiet")}</dt>
        <dd>{yesNo(a.quietSpace)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("substanceFree")}</dt>
        <dd>{yesNo(a.substanceFree)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">{t("firstTimer")}</dt>
        <dd>{yesNo(a.firstTimerFriendly)}</dd>
      </dl>
    </section>
  );
}
