import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { readGuestLink } from "@/db/mutations/guest-rsvps";
import { formatWhen } from "@/lib/dates";
import { guestTokenSchema } from "@/lib/validation/guest-rsvp";
import { confirmGuestRsvpAction } from "../../actions";
import { GuestLinkForm } from "../../_components/guest-link-form";

// The token in the address never leaves the hub in a Referer; "same-origin" (not "no-referrer") keeps the
// Origin header on the page's own form posts, which a post without JavaScript needs to be accepted.
export const metadata: Metadata = { title: "Confirm your place", referrer: "same-origin", robots: { index: false, follow: false } };

/** The confirmation link's page: it shows what is held and a button; only the button's POST confirms. */
export default async function ConfirmGuestRsvpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = guestTokenSchema.safeParse(token).success ? await readGuestLink("confirm", token) : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Confirm your place</h1>
      <Card className="space-y-3">
        {view === null ? (
          <Alert tone="error" title="This link doesn't work any more" testId="guest-link-expired">
            We hold a place for 30 minutes, and a newer link replaces an older one. Ask for a new link from the activity&apos;s page, or{" "}
            <Link className="underline" href="/activities">
              find the activity
            </Link>
            .
          </Alert>
        ) : (
          <>
            <p data-testid="guest-confirm-what">
              {view.firstName}, {view.place.confirmed ? "your place is confirmed" : view.place.status === "waitlisted" ? "we're holding your place on the waitlist" : "we're holding a place for you"} at{" "}
              <Link className="underline" href={`/activities/${view.activity.id}`}>
                {view.activity.title}
              </Link>
              , {formatWhen(view.activity.startsAt, view.activity.timezone)}.
            </p>
            {view.place.confirmed ? null : <GuestLinkForm action={confirmGuestRsvpAction} token={token} submit="Confirm my place" testId="guest-confirm" />}
          </>
        )}
      </Card>
    </div>
  );
}
