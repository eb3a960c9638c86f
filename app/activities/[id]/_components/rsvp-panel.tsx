import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { RsvpPanelData } from "@/db/queries/rsvps";
import { getViewer } from "@/server/auth/session";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { formShownToken } from "@/lib/guest-links";
import { rsvpToActivityAction, withdrawRsvpAction } from "../actions";
import { requestGuestRsvpAction } from "../guest-actions";
import { GuestRsvpForm } from "./guest-rsvp-form";
import { RsvpForm } from "./rsvp-form";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function placesLine(t: Translate, capacity: number | null, going: number, waiting: number): string {
  if (capacity === null) return t("noLimit", { going });
  const left = Math.max(0, capacity - going);
  if (left > 0) return t("taken", { going, capacity, left });
  return waiting > 0 ? t("fullWaiting", { waiting }) : t("fullOpen");
}

function myStateLine(t: Translate, status: string, position: number | null): string {
  if (status === "going") return t("stateGoing");
  if (status === "waitlisted") return t("stateWaitlisted", { position: position ?? "?" });
  if (status === "maybe") return t("stateMaybe");
  return t("stateNotGoing");
}

/** Rendered on the activity page for every viewer, from the page's data; decides for itself what to show. */
export async function RsvpPanel({ data }: { data: RsvpPanelData }) {
  const [viewer, t, locale] = await Promise.all([getViewer(), getTranslations("activity.rsvp"), getLocale() as Promise<UiLocale>]);
  const { activity, myRsvp, membership } = data;
  const activityId = activity.id;
  const now = new Date();
  const cutoff = activity.rsvpCutoff ?? activity.startsAt;
  const places = activity.hasSlots ? t("perSlot", { going: activity.goingCount }) : placesLine(t, activity.capacity, activity.goingCount, activity.waitlistCount);
  const closedDay = { day: formatDay(cutoff, activity.timezone, locale), time: formatTime(cutoff, activity.timezone, locale) };
  const full = activity.capacity !== null && (activity.goingCount >= activity.capacity || activity.waitlistCount > 0);
  const returnTo = `/activities/${activityId}`;

  let closedNotice: string | null = null;
  if (activity.status === "cancelled") closedNotice = t("closedCancelled");
  else if (activity.endsAt <= now) closedNotice = t("closedHappened");
  else if (activity.startsAt <= now) closedNotice = t("closedStarted");
  else if (membership?.status === "banned") closedNotice = t("closedBanned");
  else if (!viewer && cutoff <= now) closedNotice = t("closedOn", closedDay);

  return (
    <Card className="space-y-3" data-testid="rsvp-panel">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm" data-testid="rsvp-places">{places}</p>
      {myRsvp ? (
        <p className="font-medium" data-testid="rsvp-state" data-status={myRsvp.status}>
          {myStateLine(t, myRsvp.status, myRsvp.position)}
        </p>
      ) : null}
      {myRsvp?.goTogether && myRsvp.status !== "not_going" ? (
        <p className="text-sm" data-testid="rsvp-greeter">
          {myRsvp.greeterName ? t("greeter", { name: myRsvp.greeterName }) : t("greeterAsked")}
        </p>
      ) : null}
      {closedNotice ? (
        <Alert testId="rsvp-closed">{closedNotice}</Alert>
      ) : activity.hasSlots ? (
        // Places come with time slots, which members take below (guests RSVP only where there are none).
        <p className="text-sm" data-testid="rsvp-slots-note">
          {viewer ? t("slotsNoteMember") : t("slotsNoteVisitor")}
        </p>
      ) : !viewer && activity.guestsWelcome ? (
        <div className="space-y-3">
          <p className="text-sm">{t("noAccount")}</p>
          <GuestRsvpForm activityId={activityId} action={requestGuestRsvpAction} shownAt={formShownToken()} full={full} />
          <p className="text-sm text-muted">
            {t.rich("orSignIn", {
              link: (chunks) => (
                <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="rsvp-sign-in">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </div>
      ) : !viewer ? (
        <div className="space-y-2">
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="rsvp-sign-in">{t("signIn")}</ButtonLink>
          <p className="text-sm text-muted">{t("newHere")}</p>
        </div>
      ) : (
        <>
          {cutoff <= now ? (
            <Alert testId="rsvp-cutoff">
              {t("cutoff", closedDay)}
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
