import type { ActivityDetail } from "@/db/queries/activities";
import { SpotsLeft } from "@/components/spots-left";
import { canonicalZone, dateFormatter, firstOfTwoLabel, formatDay, formatRange, formatTime, resolveWallClock, zoneAbbreviation } from "@/lib/dates";
import { googleCalendarLink, outlookCalendarLink } from "@/lib/ical";
import { energyLabel, talkLabel } from "@/lib/labels";

const yesNo = (v: boolean) => (v ? "Yes" : "No");

function mapLink(a: ActivityDetail): string | null {
  if (a.latitude !== null && a.longitude !== null) return `https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=17/${a.latitude}/${a.longitude}`;
  if (a.address) return `https://www.openstreetmap.org/search?query=${encodeURIComponent(a.address)}`;
  return null;
}

const calendarFields = (a: ActivityDetail) => ({
  title: a.title,
  description: a.description,
  location: [a.placeName, a.address].filter(Boolean).join(", ") || a.onlineUrl || (a.online ? "Online" : ""),
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  timezone: a.timezone,
});

/** When the local start time happens twice (the clocks go back), which of the two this is. */
function whichOfTwo(startsAt: Date, zone: string): string | null {
  const p = Object.fromEntries(
    dateFormatter("en-GB", zone, "wallClock")
      .formatToParts(startsAt)
      .map((x) => [x.type, Number(x.value)]),
  );
  const resolved = resolveWallClock({ year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute }, zone);
  if (resolved.status !== "ambiguous") return null;
  const first = resolved.instant.getTime() === startsAt.getTime();
  return first
    ? `The clocks go back that night, so ${formatTime(startsAt, zone)} happens twice: this is ${firstOfTwoLabel(startsAt, zone)}.`
    : `The clocks go back that night, so ${formatTime(startsAt, zone)} happens twice: this is ${formatTime(startsAt, zone)} ${zoneAbbreviation(startsAt, zone)}, the second of the two.`;
}

const factsList = "grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr] sm:gap-y-2 [&>dd]:mb-2 sm:[&>dd]:mb-0";

/**
 * When (in both zones), where, and whether there is room: what a person needs before answering,
 * so the page puts the RSVP box straight after these and the rest of the facts below it.
 * `viewerZoneKnown` is false when the browser has not told us its zone (no JavaScript): the
 * second time is then labelled as the site's zone, not as the viewer's.
 */
export function ActivityFacts({ activity: a, viewerZone: rawViewerZone, viewerZoneKnown = true, now = new Date() }: { activity: ActivityDetail; viewerZone: string; viewerZoneKnown?: boolean; now?: Date }) {
  const map = mapLink(a);
  const zone = canonicalZone(a.timezone);
  const viewerZone = canonicalZone(rawViewerZone);
  const differentZone = formatRange(a.startsAt, a.endsAt, zone) !== formatRange(a.startsAt, a.endsAt, viewerZone);
  const ambiguity = whichOfTwo(a.startsAt, zone);
  const past = a.endsAt <= now;
  const onlineOnly = !a.placeName && !a.address && a.online;
  return (
    <dl className={factsList} data-testid="activity-facts">
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">When</dt>
      <dd data-testid="activity-time">
        <time dateTime={a.startsAt.toISOString()}>{formatRange(a.startsAt, a.endsAt, zone)}</time> ({zoneAbbreviation(a.startsAt, zone)}, {zone})
        {ambiguity ? (
          <span className="block text-muted" data-testid="clock-change-time">
            {ambiguity}
          </span>
        ) : null}
        {differentZone ? (
          <span className="block text-muted" data-testid="viewer-time">
            {viewerZoneKnown ? "Your time" : `Times in ${viewerZone}`}: {formatRange(a.startsAt, a.endsAt, viewerZone)} ({viewerZone})
          </span>
        ) : null}
        {/* Each link is at least 24px tall: on a phone they wrap onto lines of their own, one under the other. */}
        <span className="flex flex-wrap gap-x-3">
          <a className="inline-block py-0.5 underline" href={`/activities/${a.id}/calendar.ics`} download data-testid="add-to-calendar">
            Add to my calendar
          </a>
          {a.status !== "cancelled" ? (
            <>
              <a className="inline-block py-0.5 underline" href={googleCalendarLink(calendarFields(a))} rel="noopener noreferrer" data-testid="add-to-google">
                Google Calendar
              </a>
              <a className="inline-block py-0.5 underline" href={outlookCalendarLink(calendarFields(a))} rel="noopener noreferrer" data-testid="add-to-outlook">
                Outlook
              </a>
            </>
          ) : null}
        </span>
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Where</dt>
      <dd>
        {onlineOnly ? null : a.placeName || "Place to be confirmed"}
        {a.address ? <span className="block text-muted">{a.address}</span> : null}
        {map ? (
          <a className="underline" href={map} rel="noopener noreferrer" data-testid="open-in-map">
            Open in a map
          </a>
        ) : null}
        {a.onlineUrl ? (
          <span className="block" data-testid="online-link">
            Online: <a className="underline" href={a.onlineUrl} rel="noopener noreferrer nofollow">{a.onlineUrl}</a>
          </span>
        ) : a.online ? (
          // The link is only loaded for members going and organizers (meetingLinkFor).
          <span className="block" data-testid="online-link-hidden">
            Online. The link appears once you RSVP.
          </span>
        ) : null}
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Places</dt>
      <dd>
        {a.status === "cancelled" ? (
          <span data-testid="spots-left">None: it is cancelled</span>
        ) : past ? (
          <span data-testid="spots-left">None: it has finished</span>
        ) : (
          <SpotsLeft capacity={a.capacity} goingCount={a.goingCount} waitlistLength={a.waitlistLength} />
        )}
        {!past && a.capacity !== null && a.goingCount > a.capacity ? <span className="block text-muted">More people are going than the current limit; the waitlist moves when places free up.</span> : null}
      </dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Going</dt>
      <dd data-testid="going-count">{a.goingCount}</dd>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Waitlist</dt>
      <dd data-testid="waitlist-length">{a.waitlistLength === 0 ? "Nobody waiting" : `${a.waitlistLength} waiting`}</dd>
      {a.rsvpCutoff ? (
        <>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Replies close</dt>
          <dd>
            {formatDay(a.rsvpCutoff, zone)}, {formatTime(a.rsvpCutoff, zone)}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** What the activity is like to be at: energy, talk, coming and going, access. */
export function ActivityConditions({ activity: a }: { activity: ActivityDetail }) {
  return (
    <section aria-labelledby="conditions-heading" className="space-y-3">
      <h2 id="conditions-heading" className="text-xl font-semibold">
        What it&apos;s like
      </h2>
      <dl className={factsList} data-testid="activity-conditions">
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Energy it asks</dt>
        <dd>{energyLabel[a.energyLevel]}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Talking</dt>
        <dd>{talkLabel[a.talkLevel]}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Arrive late or leave early</dt>
        <dd>{a.lateArrivalOk ? "That's fine" : "Please come for the whole time"}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Step-free access</dt>
        <dd>{yesNo(a.stepFree)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Seating available</dt>
        <dd>{yesNo(a.seatingAvailable)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Quiet space</dt>
        <dd>{yesNo(a.quietSpace)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">Substance-free venue</dt>
        <dd>{yesNo(a.substanceFree)}</dd>
        <dt className="text-xs font-semibold uppercase tracking-wide text-muted sm:pt-0.5">First-timer friendly</dt>
        <dd>{yesNo(a.firstTimerFriendly)}</dd>
      </dl>
    </section>
  );
}
