import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { StillComingForm } from "@/components/still-coming-form";
import { readStillComingLink } from "@/db/mutations/still-coming";
import { formatWhen } from "@/lib/dates";
import { stillComingDone, stillComingPurposeSchema, stillComingTokenSchema } from "@/lib/validation/still-coming";
import { spendStillComingLinkAction } from "../../actions";

// The token in the address never leaves the hub in a Referer; "same-origin" (not "no-referrer") keeps the
// Origin header on the page's own form post, which a post without JavaScript needs to be accepted.
export const metadata: Metadata = { title: "Still coming?", referrer: "same-origin", robots: { index: false, follow: false } };

type Props = { params: Promise<{ purpose: string; token: string }>; searchParams?: Promise<{ done?: string | string[] }> };

const SORRY: Record<"used" | "expired" | "unknown", { title: string; body: string }> = {
  used: { title: "This link has done its job already", body: "Each link in a reminder works once, and this one has been used. Nothing more was changed." },
  expired: { title: "This link has run out", body: "The links in a reminder work until the activity starts (and not for a cancelled one). Nothing was changed." },
  unknown: { title: "We don't recognise this link", body: "It may have been copied only in part, or a newer reminder replaced it. Nothing was changed." },
};

/**
 * The page a reminder's "Yes, I'm coming" or "Free my place" link opens. Opening it changes
 * nothing (mail scanners open links too): the one button on it does, with a POST.
 */
export default async function StillComingPage({ params, searchParams }: Props) {
  const { purpose: rawPurpose, token } = await params;
  const purpose = stillComingPurposeSchema.safeParse(rawPurpose);
  const done = (await searchParams)?.done === "1";
  const view = purpose.success && stillComingTokenSchema.safeParse(token).success ? await readStillComingLink(token, purpose.data) : { state: "unknown" as const };
  const activity = view.activity;
  const activityLink = activity ? (
    <Link className="underline" href={`/activities/${activity.id}`}>
      {activity.title}
    </Link>
  ) : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Still coming?</h1>
      {done && view.state === "used" && purpose.success ? (
        <Alert tone="success" testId="still-coming-done" title={purpose.data === "coming" ? "See you there" : "Your place is free"}>
          {stillComingDone[purpose.data]} {activityLink ? <>The activity: {activityLink}.</> : null}
        </Alert>
      ) : view.state !== "valid" || !activity || !purpose.success ? (
        <Alert tone="error" testId="still-coming-sorry" title={SORRY[view.state === "valid" ? "unknown" : view.state].title}>
          {SORRY[view.state === "valid" ? "unknown" : view.state].body} You can see and change your RSVP on{" "}
          {activityLink ?? (
            <Link className="underline" href="/activities">
              the activity&apos;s page
            </Link>
          )}
          .
        </Alert>
      ) : (
        <Card className="space-y-3">
          <p data-testid="still-coming-question">
            {purpose.data === "coming" ? "Tell the organizers you're still coming to" : "Free your place at"} {activityLink}, {formatWhen(activity.startsAt, activity.timezone)}?
          </p>
          <p className="text-sm text-muted">
            {purpose.data === "coming"
              ? "Nothing else changes: you keep your place."
              : "Your place goes at once to the first person waiting, and they're told. If you change your mind later, you can RSVP again while there's room."}
          </p>
          <StillComingForm action={spendStillComingLinkAction} hidden={{ token }} purposes={[purpose.data]} testId="still-coming" />
        </Card>
      )}
    </div>
  );
}
