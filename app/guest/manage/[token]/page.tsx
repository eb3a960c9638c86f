import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { readGuestLink } from "@/db/mutations/guest-rsvps";
import { formatWhen } from "@/lib/dates";
import { guestTokenSchema } from "@/lib/validation/guest-rsvp";
import { cancelGuestRsvpAction, renameGuestRsvpAction } from "../../actions";
import { GuestLinkForm } from "../../_components/guest-link-form";

// The token in the address never leaves the hub in a Referer; "same-origin" (not "no-referrer") keeps the
// Origin header on the page's own form posts, which a post without JavaScript needs to be accepted.
export const metadata: Metadata = { title: "Your RSVP", referrer: "same-origin", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams?: Promise<{ done?: string | string[] }> };

/** A guest's private page for one RSVP: where they stand, a new first name, or cancel (each a POST). */
export default async function ManageGuestRsvpPage({ params, searchParams }: Props) {
  const { token } = await params;
  const confirmed = (await searchParams)?.done === "confirmed";
  const view = guestTokenSchema.safeParse(token).success ? await readGuestLink("manage", token) : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Your RSVP</h1>
      {view === null ? (
        <Alert tone="error" title="This link doesn't work any more" testId="guest-link-expired">
          The RSVP was cancelled, the activity is over, or it was never confirmed. You can RSVP again from the{" "}
          <Link className="underline" href="/activities">
            activity&apos;s page
          </Link>
          .
        </Alert>
      ) : !view.place.confirmed ? (
        <Alert tone="error" title="Not confirmed yet" testId="guest-link-unconfirmed">
          Use the confirmation link we emailed you, or ask for a new one on{" "}
          <Link className="underline" href={`/activities/${view.activity.id}`}>
            the activity&apos;s page
          </Link>
          .
        </Alert>
      ) : (
        <>
          {confirmed ? (
            <Alert tone="success" testId="guest-confirmed">
              Confirmed. We&apos;ve emailed you the details with a calendar entry. Keep that email: its link brings you back here.
            </Alert>
          ) : null}
          <Card className="space-y-3">
            <p data-testid="guest-manage-state" data-status={view.place.status}>
              {view.firstName},{" "}
              {view.place.status === "going" ? "you're going to" : `you're number ${view.place.position ?? "?"} on the waitlist for`}{" "}
              <Link className="underline" href={`/activities/${view.activity.id}`}>
                {view.activity.title}
              </Link>
              , {formatWhen(view.activity.startsAt, view.activity.timezone)}.
            </p>
            <p className="text-sm text-muted">This page is yours alone: anyone with its link can change or cancel this RSVP, so don&apos;t share it.</p>
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Change your first name</h2>
            <GuestLinkForm action={renameGuestRsvpAction} token={token} submit="Save" testId="guest-rename" variant="secondary" nameField={{ defaultValue: view.firstName }} />
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Can&apos;t come?</h2>
            <p className="text-sm">Cancelling gives your place to the next person at once, and deletes your email address from the hub.</p>
            <GuestLinkForm action={cancelGuestRsvpAction} token={token} submit="Cancel my RSVP" testId="guest-cancel" variant="secondary" />
          </Card>
        </>
      )}
    </div>
  );
}
