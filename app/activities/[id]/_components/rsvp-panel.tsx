import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { RsvpPanelData } from "@/db/queries/rsvps";
import { getViewer } from "@/server/auth/session";
import { formatDay, formatTime } from "@/lib/dates";
import { formShownToken } from "@/lib/guest-links";
import { rsvpToActivityAction, withdrawRsvpAction } from "../actions";
import { requestGuestRsvpAction } from "../guest-actions";
import { GuestRsvpForm } from "./guest-rsvp-form";
import { RsvpForm } from "./rsvp-form";

function placesLine(capacity: number | null, going: number, waiting: number): string {
  if (capacity === null) return `${going} going · no limit on places`;
  const left = Math.max(0, capacity - going);
  if (left > 0) return `${going} of ${capacity} places taken · ${left} ${left === 1 ? "spot" : "spots"} left`;
  return waiting > 0 ? `Full · ${waiting} on the waitlist` : "Full · the waitlist is open";
}

function myStateLine(status: string, position: number | null): string {
  if (status === "going") return "You're going.";
  if (status === "waitlisted") return `You're number ${position ?? "?"} on the waitlist. We'll tell you if a place opens.`;
  if (status === "maybe") return "You said you'll try to come.";
  return "You said not this time.";
}

/** Rendered on the activity page for every viewer, from the page's data; decides for itself what to show. */
export async function RsvpPanel({ data }: { data: RsvpPanelData }) {
  const viewer = await getViewer();
  const { activity, myRsvp, membership } = data;
  const activityId = activity.id;
  const now = new Date();
  const cutoff = activity.rsvpCutoff ?? activity.startsAt;
  const places = activity.hasSlots ? `${activity.goingCount} going · places are per time slot` : placesLine(activity.capacity, activity.goingCount, activity.waitlistCount);
  const full = activity.capacity !== null && (activity.goingCount >= activity.capacity || activity.waitlistCount > 0);
  const returnTo = `/activities/${activityId}`;

  let closedNotice: string | null = null;
  if (activity.status === "cancelled") closedNotice = "This activity is cancelled, so it isn't taking RSVPs.";
  else if (activity.endsAt <= now) closedNotice = "This activity has already happened.";
  else if (activity.startsAt <= now) closedNotice = "This activity has started, so RSVPs are closed.";
  else if (membership?.status === "banned") closedNotice = "You can't RSVP to this group's activities.";
  else if (!viewer && cutoff <= now) closedNotice = `RSVPs closed on ${formatDay(cutoff, activity.timezone)} at ${formatTime(cutoff, activity.timezone)}.`;

  return (
    <Card className="space-y-3" data-testid="rsvp-panel">
      <h2 className="text-lg font-semibold">Are you coming?</h2>
      <p className="text-sm" data-testid="rsvp-places">{places}</p>
      {myRsvp ? (
        <p className="font-medium" data-testid="rsvp-state" data-status={myRsvp.status}>
          {myStateLine(myRsvp.status, myRsvp.position)}
        </p>
      ) : null}
      {myRsvp?.goTogether && myRsvp.status !== "not_going" ? (
        <p className="text-sm" data-testid="rsvp-greeter">
          {myRsvp.greeterName ? `${myRsvp.greeterName} will meet you so you don't arrive alone — we've sent you the meeting point.` : "You asked not to arrive alone. The organizers will pair you with a greeter and let you know."}
        </p>
      ) : null}
      {closedNotice ? (
        <Alert testId="rsvp-closed">{closedNotice}</Alert>
      ) : activity.hasSlots ? (
        // Places come with time slots, which members take below (guests RSVP only where there are none).
        <p className="text-sm" data-testid="rsvp-slots-note">
          This activity has time slots: choose one or more in &ldquo;Time slots&rdquo;. {viewer ? "Holding a slot means you're going." : "Slots are for members, so sign in or join to take one."}
        </p>
      ) : !viewer && activity.guestsWelcome ? (
        <div className="space-y-3">
          <p className="text-sm">No account needed: give your first name and email, and confirm with the link we send you.</p>
          <GuestRsvpForm activityId={activityId} action={requestGuestRsvpAction} shownAt={formShownToken()} full={full} />
          <p className="text-sm text-muted">
            Or{" "}
            <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="rsvp-sign-in">
              sign in to RSVP
            </a>{" "}
            as a member (and say you&apos;d rather not arrive alone).
          </p>
        </div>
      ) : !viewer ? (
        <div className="space-y-2">
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="rsvp-sign-in">Sign in to RSVP</ButtonLink>
          <p className="text-sm text-muted">New here? Joining takes a minute, and you can say you'd rather not arrive alone.</p>
        </div>
      ) : (
        <>
          {cutoff <= now ? (
            <Alert testId="rsvp-cutoff">
              RSVPs closed on {formatDay(cutoff, activity.timezone)} at {formatTime(cutoff, activity.timezone)}. You can still let the organizers know if you can&apos;t come.
            </Alert>
          ) : null}
          <RsvpForm
            activityId={activityId}
            action={rsvpToActivityAction}
            withdrawAction={withdrawRsvpAction}
            current={myRsvp?.status ?? null}
            goTogether={myRsvp?.goTogether ?? false}
            offersToGreet={myRsvp?.offersToGreet ?? false}
            canJoin={cutoff > now}
            full={full}
            questions={activity.questions ?? []}
            answers={myRsvp?.answers ?? {}}
          />
        </>
      )}
    </Card>
  );
}
